#!/usr/bin/python3
"""Common evaluator: the canonical objective of every tool's path on the ORIGINAL data.

For each lambda l of the stored sequence and each tool's coefficients (b0, w) it computes

    F_l = (1/n) sum_i loss(y_i, b0 + x_i'w) + lambda_l * (alpha*|w|_1 + (1-alpha)/2*|w|_2^2)

with loss = (y - eta)^2 / 2 (gaussian) or log(1 + e^eta) - y*eta (binomial, y in {0, 1}), the same
formula for every tool (so no tool's own convergence report is trusted). The best objective at a
lambda is the smallest any tool reached; a tool's gap at that lambda is (F - F_best)/|F_best|, and
its reported gap is the largest over the path. Tools whose gap exceeds --threshold are printed on
the last line of stdout ("above: tool tool ...") so run.sh can tighten their tolerance.

Usage: evaluate.py --data DIR --alpha A --dir OUT_DIR --tools occam glmnet sklearn [--threshold 1e-6]
Reads OUT_DIR/<tool>.f64 (rows [b0, w_1..w_p] per lambda), writes OUT_DIR/eval.json.
"""
import argparse
import json
import os

import numpy as np

from benchdata import load


def objectives(meta, x, y, lambdas, alpha, rows):
    """Canonical objective per lambda for coefficient rows [b0, w] (L' <= L rows)."""
    b0, w = rows[:, 0], rows[:, 1:]
    eta = np.asarray(x @ w.T) + b0          # n x L'
    n = x.shape[0]
    if meta["family"] == "gaussian":
        r = y[:, None] - eta
        loss = 0.5 * np.einsum("il,il->l", r, r) / n
    else:
        loss = (np.logaddexp(0.0, eta) - y[:, None] * eta).sum(axis=0) / n
    penalty = alpha * np.abs(w).sum(axis=1) + 0.5 * (1 - alpha) * (w * w).sum(axis=1)
    return loss + lambdas[:len(b0)] * penalty


def main():
    ap = argparse.ArgumentParser(description="canonical objectives of every tool's path")
    ap.add_argument("--data", required=True)
    ap.add_argument("--alpha", type=float, default=1.0)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--tools", nargs="+", required=True)
    ap.add_argument("--threshold", type=float, default=1e-6)
    a = ap.parse_args()

    meta, x, y, lambdas = load(a.data, a.alpha)
    p, L = meta["p"], len(lambdas)
    found = {}
    for tool in a.tools:
        f = os.path.join(a.dir, tool + ".f64")
        if not os.path.exists(f):
            continue
        rows = np.fromfile(f, dtype="<f8")
        if rows.size % (p + 1) != 0 or rows.size // (p + 1) > L:
            raise SystemExit("%s: %d values is not a whole number of rows of %d (at most %d rows)"
                             % (f, rows.size, p + 1, L))
        rows = rows.reshape(-1, p + 1)
        found[tool] = {"objectives": objectives(meta, x, y, lambdas, a.alpha, rows),
                       "df": (rows[:, 1:] != 0).sum(axis=1)}

    best = np.full(L, np.inf)
    for r in found.values():
        obj = r["objectives"]
        best[:len(obj)] = np.minimum(best[:len(obj)], obj)
    report = {"task_lambdas": L, "threshold": a.threshold, "best": best.tolist(), "tools": {}}
    above = []
    for tool, r in found.items():
        obj = r["objectives"]
        gap = (obj - best[:len(obj)]) / np.abs(best[:len(obj)])
        worst = int(np.argmax(gap))
        entry = {"lambdas": len(obj), "max_rel_gap": float(gap[worst]), "worst_lambda_index": worst,
                 "median_rel_gap": float(np.median(gap)), "objectives": obj.tolist(),
                 "rel_gaps": gap.tolist(), "df_last": int(r["df"][-1]), "complete": len(obj) == L}
        report["tools"][tool] = entry
        if entry["max_rel_gap"] > a.threshold or not entry["complete"]:
            above.append(tool)
        print("%-8s lambdas %3d/%d  max rel gap %.3e (at lambda #%d)  median %.1e  df at last lambda %d"
              % (tool, len(obj), L, entry["max_rel_gap"], worst + 1, entry["median_rel_gap"], entry["df_last"]))
    tmp = os.path.join(a.dir, "eval.json.tmp")
    with open(tmp, "w") as f:
        json.dump(report, f)
    os.replace(tmp, os.path.join(a.dir, "eval.json"))
    print("above: " + " ".join(above))


if __name__ == "__main__":
    main()
