#!/usr/bin/env python3
"""Writes a seeded numeric CSV for the end-to-end benchmark: n rows, p features x1..xp and a target y.

Features are N(0, 1) printed with 9 decimals (about 12 characters a cell, as a user's export would be);
y = X w + noise with 10 non-zero weights. Standard library only, so it runs before any peer is
installed; numpy is used when importable (much faster for the large file).

usage: make_data.py N P OUT.csv [SEED]
"""
import random
import sys


def main():
    n, p, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    header = ",".join([f"x{j + 1}" for j in range(p)] + ["y"])
    try:
        import numpy as np
    except Exception:
        np = None
    if np is not None:
        rng = np.random.default_rng(seed)
        w = np.zeros(p)
        w[:10] = np.linspace(1.0, 0.1, 10)
        with open(out, "w") as f:
            f.write(header + "\n")
            for start in range(0, n, 10000):
                x = rng.standard_normal((min(10000, n - start), p))
                y = x @ w + rng.standard_normal(x.shape[0])
                np.savetxt(f, np.column_stack([x, y]), fmt="%.9f", delimiter=",")
        return
    rng = random.Random(seed)
    w = [1.0 - 0.1 * j for j in range(10)]
    with open(out, "w") as f:
        f.write(header + "\n")
        for _ in range(n):
            x = [rng.gauss(0.0, 1.0) for _ in range(p)]
            y = sum(w[j] * x[j] for j in range(10)) + rng.gauss(0.0, 1.0)
            f.write(",".join(f"{v:.9f}" for v in x) + f",{y:.9f}\n")


if __name__ == "__main__":
    main()
