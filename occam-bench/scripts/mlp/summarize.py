#!/usr/bin/python3
"""Turns the raw log of run_mlp.sh into the results fragment occam-bench/results/mlp.md.

Per configuration: median wall seconds per epoch over all epochs of all repeats (epoch 1, with
its JIT warm-up, included), median process CPU seconds per epoch, median test accuracy over
repeats, and the ratio of the median epoch time to PyTorch's as prescribed (torch-2t) and to the
fastest PyTorch configuration of the run.
"""
import argparse
import os
import platform
import re
import statistics
import subprocess

DESCRIPTIONS = {
    "torch-2t": "PyTorch, `OMP_NUM_THREADS=2`, `torch.set_num_threads(2)` (as prescribed)",
    "torch-2t-passive": "PyTorch, 2 threads, `OMP_WAIT_POLICY=PASSIVE` (idle OpenMP threads sleep)",
    "torch-1t": "PyTorch, 1 thread (`OMP_NUM_THREADS=1`)",
    "occam": "Occam, defaults: native sgemm (OpenBLAS, its own threads = 2 cores)",
    "occam-1t": "Occam, 1 thread (`OPENBLAS_NUM_THREADS=1 -Doccam.threads=1`)",
    "occam-java": "Occam, pure-Java GEMM (`-Doccam.blas=java`, 2 threads)",
}

LINE = re.compile(r"^(\S+) (\d+) (torch|occam) (.*)$")
LOAD = re.compile(r"^== (?:repeat|end) (\d+) (\S+) load_(?:before|after)=([\d.]+) ([\d.]+) ([\d.]+)")


def fields(rest):
    return dict(kv.split("=", 1) for kv in rest.split() if "=" in kv)


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception:  # facts are best effort
        return "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--log", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--configs", required=True)
    ap.add_argument("--repeats", required=True)
    ap.add_argument("--epochs", required=True)
    a = ap.parse_args()
    configs = a.configs.split()

    epochs = {c: [] for c in configs}
    cpu = {c: [] for c in configs}
    acc = {c: [] for c in configs}
    loads = []
    started = ""
    with open(a.log) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# "):
                started = line[2:].split()[0]
            m = LOAD.match(line)
            if m:
                loads.append(float(m.group(3)))
                continue
            m = LINE.match(line)
            if not m or m.group(1) not in epochs:
                continue
            c, kv = m.group(1), fields(m.group(4))
            if "epoch" in kv and "seconds" in kv:
                epochs[c].append(float(kv["seconds"]))
                cpu[c].append(float(kv["cpu_seconds"]))
            elif "test_accuracy" in kv:
                acc[c].append(float(kv["test_accuracy"]))

    med = {c: statistics.median(epochs[c]) for c in configs if epochs[c]}
    torch_configs = [c for c in med if c.startswith("torch")]
    ref = med.get("torch-2t")
    best_torch = min(torch_configs, key=lambda c: med[c]) if torch_configs else None

    def ratio(c, base):
        return f"{med[c] / base:.2f}" if base else "–"

    rows = []
    for c in configs:
        if c not in med:
            continue
        runs = len(acc[c])
        rows.append(f"| {DESCRIPTIONS.get(c, c)} | {med[c]:.2f} | {min(epochs[c]):.2f}–{max(epochs[c]):.2f} | "
                    f"{statistics.median(cpu[c]):.2f} | {statistics.median(acc[c]):.4f} "
                    f"({min(acc[c]):.4f}–{max(acc[c]):.4f}, {runs} runs) | {ratio(c, ref)} | "
                    f"{ratio(c, med[best_torch] if best_torch else None)} |")

    cpu_model = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
    flags = sh("grep -m1 flags /proc/cpuinfo")
    isa = "AVX-512" if "avx512f" in flags else ("AVX2" if "avx2" in flags else "SSE")
    l2 = sh("lscpu | grep 'L2 cache' | cut -d: -f2").strip()
    java = sh("java -version 2>&1 | head -1")
    torch_v = sh("/usr/bin/python3 -c 'import torch; print(torch.__version__)'")
    openblas = sh("dpkg-query -W -f='${Version}' libopenblas0-pthread")
    blas_link = sh("readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3")
    mem = sh("free -g | awk '/Mem:/ {print $2}'")

    out = []
    out.append("## Fashion-MNIST MLP: Occam vs PyTorch CPU")
    out.append("")
    out.append(f"784-256-128-10 MLP, ReLU, softmax cross-entropy, batch 128, AdamW (lr 1e-3, betas (0.9, 0.999), "
               f"eps 1e-8, weight decay 1e-2 decoupled and multiplied by the learning rate, PyTorch semantics), "
               f"{a.epochs} epochs on the 60 000 training images, accuracy on the 10 000 test images. "
               f"Same settings on both sides: pixels divided by 255 (no other scaling); weight decay on the "
               f"three weight matrices only, not on the biases (Occam's default; PyTorch gets a parameter group "
               f"with `weight_decay=0` for the biases); He-normal hidden layers, Glorot-uniform output layer, zero "
               f"biases; rows reshuffled every epoch (the last batch has 96 rows). float32 throughout.")
    out.append("")
    out.append(f"{a.repeats} repeats (seed = repeat number), every configuration once per repeat, back to back in one "
               f"script run started {started}. Seconds per epoch: median (and range) over all "
               f"{a.epochs}·{a.repeats} epochs, epoch 1 included; CPU s/epoch: process CPU time (all threads, "
               f"JIT and GC included); ratio < 1 means Occam is faster.")
    out.append("")
    out.append("| configuration | s/epoch (median) | range | CPU s/epoch | test accuracy (median, range) | "
               "ratio to PyTorch as prescribed | ratio to fastest PyTorch |")
    out.append("|---|---|---|---|---|---|---|")
    out.extend(rows)
    out.append("")
    if loads:
        out.append(f"Load average (1 min) around the runs: {min(loads):.1f}–{max(loads):.1f}, median "
                   f"{statistics.median(loads):.1f}, on {os.cpu_count()} cores: the machine is shared with other "
                   f"jobs, so wall times carry their noise; the CPU column is less sensitive to it.")
        out.append("")
    out.append(f"Machine: {cpu_model} ({isa}, L2 {l2}), {os.cpu_count()} cores, {mem} GB; {platform.system()} "
               f"{platform.release()}; {java}; PyTorch {torch_v} (Debian python3-torch, BLAS through libblas.so.3 = "
               f"`{blas_link}`); OpenBLAS {openblas} (libopenblas0-pthread); Occam calls the same OpenBLAS through "
               f"dev.ludovic.netlib 3.2.0 (JNI).")
    out.append("")
    out.append("How to run: `occam-bench/scripts/mlp/run_mlp.sh` (needs `dataset-fashion-mnist`, `python3-torch`, "
               "`libopenblas0-pthread`; `REPEATS`, `EPOCHS`, `CONFIGS` override the defaults; raw lines go to "
               "`occam-bench/results/mlp-raw.log`). Per-phase profile of Occam's training step: "
               "`OPENBLAS_NUM_THREADS=1 java -Doccam.threads=1 -cp occam-bench/target/occam-bench.jar "
               "dev.occam.bench.MlpBench --profile`.")
    out.append("")
    with open(a.out + ".tmp", "w") as f:
        f.write("\n".join(out))
    os.replace(a.out + ".tmp", a.out)


if __name__ == "__main__":
    main()
