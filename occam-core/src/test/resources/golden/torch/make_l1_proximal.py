#!/usr/bin/python3
"""Golden L1-proximal SGD runs from PyTorch for Occam's TorchL1ProximalTest (library and CLI).

Run with Debian's system Python (it has torch 1.13), from this directory:
    /usr/bin/python3 make_l1_proximal.py > l1_proximal.txt
It also writes l1_proximal_data.csv (the data, read by the tests and by `occam train`).

Occam's convention, mirrored here exactly (dev.occam.optim.L1Proximal, OptimizerSettings):
plain SGD on the batch-mean loss, then after every step, on the weights only (biases are not
thresholded unless --decay-biases / Mask.ALL),
    w <- S(w - lr*grad, t),   t = float32(lr * l1),   S(z, t) = sign(z) * max(|z| - t, 0),
i.e. proximal gradient descent (ISTA) on loss + l1*sum|w|. The threshold is lr*l1 computed in
double and rounded once to float32, as Occam does.

Network: 6 inputs, Linear(6, 5), Tanh, Linear(5, 3), softmax cross-entropy, float32; 48 rows in
batches of 10 (the last batch of an epoch has 8 rows), 6 epochs, lr = 0.2; l1 = 0.05 for the
library cases and 0.1 for the cli case (its Glorot initial weights are larger).

Cases:
  library_weights  PyTorch's default initial weights (written below, loaded by the test), rows in
                   file order every epoch (Occam: TrainerSettings.withShuffle(false)); weights only.
  library_all      the same with biases thresholded too (Occam: Mask.ALL, --decay-biases).
  cli              Occam's own initial weights and batch order for --seed 7, as `occam train`
                   makes them: Sequential.mlp draws Glorot-uniform weights
                   (float)(limit*(2u-1)), limit = sqrt(6/(in+out)), from java.util.SplittableRandom(7)
                   (row-major inputs x outputs, layer after layer; biases 0), and epoch e visits
                   the rows in the Fisher-Yates permutation of SplittableRandom(mix(7, e)).
                   Both are recomputed here by a Python copy of SplittableRandom; the record
                   `init`/`order` lets the Java test check that they equal Occam's, bit for bit.

Every weight decision near the threshold would make the set of exact zeros fragile under float
rounding; `margin` records, per case, min over steps and thresholded parameters of ||z| - t|,
which must stay far above float32 rounding (~1e-7) for "the same weights are zero" to be a fair
test.

File format, one record per line, fields separated by single spaces:
    setting <key> <value>              lr, epochs, batch, hidden, seed
    case <name> <description>
    l1 <value>                         the case's L1 strength
    init <name> <floats>               initial parameter (Occam's layout: inputs x outputs, row-major)
    order <epoch> <48 ints>            row order of the epoch (cli case)
    param <epoch> <name> <floats>      parameter after the epoch
    loss <epoch> <double>              mean batch loss over the epoch (rows-weighted)
    margin <double>                    see above
Floats are float32 values printed with 9 significant digits, which round-trip exactly.
"""
import math

import torch

torch.manual_seed(20250611)
torch.set_num_threads(1)

N, P, H, K = 48, 6, 5, 3
EPOCHS, BATCH = 6, 10
LR = 0.2
SEED = 7
NAMES = [("dense1.weight", "0.weight"), ("dense1.bias", "0.bias"),
         ("dense2.weight", "2.weight"), ("dense2.bias", "2.bias")]

# ---- data: class = argmax of a linear score of the first two features; the other four are noise
x = torch.randn(N, P)
score = torch.stack([x[:, 0] - x[:, 1], x[:, 1] + 0.5 * x[:, 0], -x[:, 0]], dim=1) + 0.3 * torch.randn(N, K)
y = score.argmax(dim=1)


def f9(v):
    return "%.9g" % v


with open("l1_proximal_data.csv", "w") as f:
    f.write(",".join("x%d" % (j + 1) for j in range(P)) + ",y\n")
    for i in range(N):
        f.write(",".join(f9(v) for v in x[i].tolist()) + ",%d\n" % int(y[i]))

# ---- java.util.SplittableRandom (JDK 17), enough of it for Occam's Init and Trainer.permutation
M64 = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def mix32(z):
    z = ((z ^ (z >> 33)) * 0x62A9D9ED799705F5) & M64
    r = (((z ^ (z >> 28)) * 0xCB24D0A5C88C35B3) & M64) >> 32
    return r - (1 << 32) if r >= (1 << 31) else r  # Java int


def int32(v):
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v >= (1 << 31) else v


class SplittableRandom:
    def __init__(self, seed):
        self.seed = seed & M64

    def _next_seed(self):
        self.seed = (self.seed + GOLDEN_GAMMA) & M64
        return self.seed

    def next_double(self):
        return (mix64(self._next_seed()) >> 11) * 2.0 ** -53

    def next_int(self, bound):
        r = mix32(self._next_seed())
        m = bound - 1
        if bound & m == 0:
            return r & m
        u = (r & 0xFFFFFFFF) >> 1
        while True:
            r = u % bound
            if int32(u + m - r) >= 0:
                return r
            u = (mix32(self._next_seed()) & 0xFFFFFFFF) >> 1


def occam_mix(seed, index):  # dev.occam.nn.Init.mix
    return mix64((seed + (index + 1) * GOLDEN_GAMMA) & M64)


def occam_permutation(n, seed, epoch):  # dev.occam.nn.Trainer.permutation
    idx = list(range(n))
    rng = SplittableRandom(occam_mix(seed, epoch))
    for i in range(n - 1, 0, -1):
        j = rng.next_int(i + 1)
        idx[i], idx[j] = idx[j], idx[i]
    return idx


def occam_init(seed):  # Sequential.mlp(P, [H], K, TANH, ...): Glorot uniform for both layers, biases 0
    rng = SplittableRandom(seed)
    out = {}
    for name, fan_in, fan_out in (("dense1", P, H), ("dense2", H, K)):
        limit = math.sqrt(6.0 / (fan_in + fan_out))
        w = [limit * (2 * rng.next_double() - 1) for _ in range(fan_in * fan_out)]
        out[name + ".weight"] = torch.tensor(w, dtype=torch.float64).to(torch.float32).reshape(fan_in, fan_out)
        out[name + ".bias"] = torch.zeros(fan_out)
    return out


# ---- training

def fmt(t):
    return " ".join(f9(v) for v in t.detach().reshape(-1).tolist())


def occam_layout(name, t):
    return t.t().contiguous() if name.endswith("weight") else t


def torch_layout(name, t):
    return t.t().contiguous() if name.endswith("weight") else t


def run(name, description, l1, init_state, orders, threshold_biases):
    model = torch.nn.Sequential(torch.nn.Linear(P, H), torch.nn.Tanh(), torch.nn.Linear(H, K))
    model.load_state_dict(init_state)
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    loss_fn = torch.nn.CrossEntropyLoss()
    t = torch.tensor(LR * l1, dtype=torch.float64).to(torch.float32)
    params = dict(model.named_parameters())
    thresholded = [p for n, p in params.items() if n.endswith("weight") or threshold_biases]
    print("case", name, description)
    print("l1", l1)
    for occam, torch_name in NAMES:
        print("init", occam, fmt(occam_layout(occam, init_state[torch_name])))
    margin = math.inf
    for e in range(EPOCHS):
        order = orders[e]
        if name == "cli":
            print("order", e + 1, " ".join(str(i) for i in order))
        total = 0.0
        for b0 in range(0, N, BATCH):
            idx = torch.tensor(order[b0:b0 + BATCH])
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
            with torch.no_grad():
                for p in thresholded:
                    margin = min(margin, (p.abs() - t).abs().min().item())
                    p.copy_(torch.sign(p) * torch.clamp(p.abs() - t, min=0))
            total += loss.item() * len(idx)
        print("loss", e + 1, "%.17g" % (total / N))
        for occam, torch_name in NAMES:
            print("param", e + 1, occam, fmt(occam_layout(occam, params[torch_name])))
    print("margin", "%.9g" % margin)


for key, value in (("lr", LR), ("epochs", EPOCHS), ("batch", BATCH), ("hidden", H), ("seed", SEED)):
    print("setting", key, value)

default_init = torch.nn.Sequential(torch.nn.Linear(P, H), torch.nn.Tanh(), torch.nn.Linear(H, K))
default_state = {k: v.clone() for k, v in default_init.state_dict().items()}
file_order = [list(range(N))] * EPOCHS
run("library_weights", "SGD lr=0.2 + L1 prox l1=0.05 on weights only, PyTorch's default init, file order",
    0.05, default_state, file_order, False)
run("library_all", "SGD lr=0.2 + L1 prox l1=0.05 on weights and biases, PyTorch's default init, file order",
    0.05, default_state, file_order, True)

occam = occam_init(SEED)
occam_state = {torch_name: torch_layout(o, occam[o]) for o, torch_name in NAMES}
run("cli", "occam train --seed 7: SGD lr=0.2 + L1 prox l1=0.1 on weights only, Occam's init and shuffled batches",
    0.1, occam_state, [occam_permutation(N, SEED, e + 1) for e in range(EPOCHS)], False)
