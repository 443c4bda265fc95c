#!/usr/bin/python3
"""PyTorch side of the Fashion-MNIST MLP benchmark (run by run_mlp.sh; Debian's /usr/bin/python3).

Network 784-256-128-10 with ReLU, softmax cross-entropy, batch 128, AdamW(lr=1e-3,
betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2) on the weights only: the biases are in a
parameter group with weight_decay=0, which is Occam's default (Mask.WEIGHTS).
Pixels are divided by 255 (no other scaling), as Occam's benchmark and `occam train --format idx`.
Initialisation as Occam's Sequential.mlp: He normal for the hidden layers, Glorot uniform for the
output layer, biases zero. Rows are shuffled every epoch; the last batch is smaller (60000 = 468·128 + 96).

Prints one line per epoch and a final line:
  torch epoch=E seconds=S cpu_seconds=C train_loss=L   (wall and process CPU time of the epoch)
  torch result seed=S epochs=E median_epoch_seconds=S test_accuracy=A threads=T
"""
import argparse
import gzip
import statistics
import time

import numpy as np
import torch
import torch.nn as nn


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    arr = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    return arr.reshape(dims[0], -1) if ndim > 1 else arr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    d = a.data
    x_train = torch.from_numpy(read_idx(d + "/train-images-idx3-ubyte.gz").astype(np.float32) / 255.0)
    y_train = torch.from_numpy(read_idx(d + "/train-labels-idx1-ubyte.gz").astype(np.int64))
    x_test = torch.from_numpy(read_idx(d + "/t10k-images-idx3-ubyte.gz").astype(np.float32) / 255.0)
    y_test = torch.from_numpy(read_idx(d + "/t10k-labels-idx1-ubyte.gz").astype(np.int64))

    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    with torch.no_grad():
        for i, layer in enumerate([model[0], model[2], model[4]]):
            if i < 2:
                nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")  # N(0, 2/fan_in)
            else:
                nn.init.xavier_uniform_(layer.weight)
            layer.bias.zero_()
    weights = [p for n, p in model.named_parameters() if n.endswith("weight")]
    biases = [p for n, p in model.named_parameters() if n.endswith("bias")]
    opt = torch.optim.AdamW([{"params": weights, "weight_decay": 1e-2},
                             {"params": biases, "weight_decay": 0.0}],
                            lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    loss_fn = nn.CrossEntropyLoss()

    n = x_train.shape[0]
    times = []
    for epoch in range(1, a.epochs + 1):
        t0 = time.perf_counter()
        c0 = time.process_time()
        model.train()
        perm = torch.randperm(n)
        loss_sum = 0.0
        for s in range(0, n, a.batch):
            idx = perm[s:s + a.batch]
            xb = x_train[idx]
            yb = y_train[idx]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            loss_sum += loss.item() * idx.shape[0]
        dt = time.perf_counter() - t0
        cpu = time.process_time() - c0
        times.append(dt)
        print(f"torch epoch={epoch} seconds={dt:.4f} cpu_seconds={cpu:.4f} train_loss={loss_sum / n:.5f}", flush=True)

    model.eval()
    with torch.no_grad():
        acc = (model(x_test).argmax(1) == y_test).float().mean().item()
    print(f"torch result seed={a.seed} epochs={a.epochs} median_epoch_seconds={statistics.median(times):.4f} "
          f"test_accuracy={acc:.4f} threads={torch.get_num_threads()}", flush=True)


if __name__ == "__main__":
    main()
