#!/usr/bin/python3
"""Times scikit-learn's ElasticNetCV on the cross-validation benchmark (its side of scripts/cv/run_cv.sh).

Run with Debian's system Python (/usr/bin/python3), which has scikit-learn 1.2.

The call: ElasticNetCV(l1_ratio=--alpha, n_alphas=100, eps=--eps, cv=PredefinedSplit(foldid - 1),
n_jobs=--jobs).fit(X, y), every other argument at scikit-learn's default (fit_intercept=True,
precompute='auto', which computes each fold's Gram matrix as n > p, tol=1e-4, max_iter=1000,
copy_X=True). Its objective (1/2n)||y - Xw - b||^2 + a*l1_ratio*|w|_1 + a*(1-l1_ratio)/2*|w|^2 is
the canonical one with lambda = a, on unstandardized X: the generator scaled every column to
variance 1 (1/n formula), so this is the same problem glmnet and Occam solve with standardize.
scikit-learn's grid runs from a_max = max_j |x_j'(y - ybar)| / (n l1_ratio) -- the canonical
lambda_max -- down to eps*a_max in n_alphas log-spaced steps. --eps defaults to scikit-learn's 1e-3;
--eps 1e-4 makes the grid glmnet's default one, so that the chosen a is directly a lambda on
glmnet's sequence (and scikit-learn then fits 100 lambda down to 1e-4*a_max, where glmnet's path
stops early, so it does more work than with its default).
Unlike cv.glmnet, every fold is fitted at exactly that grid (no own fold sequence, no interpolation,
no early stop of the path), and the final model is refitted on all rows at the chosen a only.

The CV curve written: lambda = alphas_, cvm = the mean over folds of mse_path_ weighted by the
folds' held-out sizes, cvsd = glmnet's standard error of that mean. lambda_min is alpha_
(scikit-learn's choice); lambda_1se is computed here from the curve by glmnet's rule (scikit-learn
has none). nzero: the refitted model's non-zeros at alpha_ (the other lambda have no full fit).

Only fit() is timed, with X already in memory (Fortran-ordered, as read). The first run is
reported as first_seconds; "seconds" is the best of the later runs (the first when only one ran);
runs stop once their total passes --budget seconds. Memory: VmRSS once the data are loaded and the
peak VmHWM from then on (reset through /proc/self/clear_refs); joblib's n_jobs run as threads here
(ElasticNetCV prefers threads), so the peak covers them.

Usage: bench_cv_sklearn.py --data DIR --folds FILE [--alpha A] [--runs R] [--budget S] [--eps E]
                           [--jobs J] [--tolerance T] [--curve-out FILE.csv] [--label NAME]
Prints one JSON line.
"""
import argparse
import json
import os
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNetCV
from sklearn.model_selection import PredefinedSplit

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import benchdata  # noqa: E402  (occam-bench/scripts/benchdata.py)
from benchdata import reset_peak, vm_kb  # noqa: E402


def load(directory, folds_file):
    meta, x, y, _ = benchdata.load(directory)
    if meta["kind"] != "dense" or meta["family"] != "gaussian":
        raise SystemExit("bench_cv_sklearn.py: the CV benchmark needs dense gaussian data; %s is %s %s"
                         % (directory, meta["kind"], meta["family"]))
    foldid = np.fromfile(folds_file, dtype="<i4")
    if foldid.shape[0] != meta["n"]:
        raise SystemExit("bench_cv_sklearn.py: %s holds %d fold ids; the data have %d rows" % (folds_file, foldid.shape[0], meta["n"]))
    return x, y, foldid


def curve(model, foldid):
    """cvm and glmnet's cvsd per alpha from mse_path_ (n_alphas x K), folds weighted by held-out size."""
    mse = np.asarray(model.mse_path_)
    k = mse.shape[1]
    w = np.bincount(foldid - 1, minlength=k).astype(float)
    cvm = mse @ w / w.sum()
    cvsd = np.sqrt(((mse - cvm[:, None]) ** 2) @ w / w.sum() / (k - 1))
    return np.asarray(model.alphas_), cvm, cvsd


def one_se_index(cvm, cvsd):
    """glmnet's lambda.1se on a decreasing grid: the largest lambda with cvm <= min(cvm) + cvsd there."""
    imin = int(np.argmin(cvm))
    bound = cvm[imin] + cvsd[imin]
    return int(np.flatnonzero(cvm <= bound)[0]), imin


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--folds", required=True)
    ap.add_argument("--alpha", type=float, default=0.5)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--budget", type=float, default=120.0)
    ap.add_argument("--eps", type=float, default=1e-3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--tolerance", type=float, default=1e-4)
    ap.add_argument("--curve-out")
    ap.add_argument("--label", default="sklearn")
    a = ap.parse_args()

    x, y, foldid = load(a.data, a.folds)
    rss_after_load = vm_kb("VmRSS")
    peak_reset = reset_peak()

    times, cpus, caught = [], [], []
    model = None
    for run in range(a.runs):
        if run > 0 and sum(times) >= a.budget:
            break
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always", ConvergenceWarning)
            t0, c0 = time.perf_counter(), time.process_time()
            model = ElasticNetCV(l1_ratio=a.alpha, n_alphas=100, eps=a.eps, tol=a.tolerance,
                                 cv=PredefinedSplit(foldid - 1), n_jobs=a.jobs)
            model.fit(x, y)
            times.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        caught += [str(m.message).split("\n")[0] for m in w if issubclass(m.category, ConvergenceWarning)]
        print("%s cv run %d: %.3f s" % (a.label, run + 1, times[-1]), file=sys.stderr)

    lambdas, cvm, cvsd = curve(model, foldid)
    i1se, imin = one_se_index(cvm, cvsd)
    nzero = int(np.count_nonzero(model.coef_))
    if a.curve_out:
        tmp = a.curve_out + ".tmp"
        with open(tmp, "w") as f:
            f.write("lambda,cvm,cvsd,nzero\n")
            for l in range(len(lambdas)):
                f.write("%.17g,%.17g,%.17g,%d\n" % (lambdas[l], cvm[l], cvsd[l], nzero if l == imin else -1))
        os.replace(tmp, a.curve_out)

    later = list(range(1, len(times))) or [0]
    best = min(later, key=lambda k: times[k])
    print(json.dumps({
        "tool": a.label, "alpha": a.alpha, "folds": int(len(np.unique(foldid))), "fold_lambdas": "full",
        "tolerance": a.tolerance, "eps": a.eps, "jobs": a.jobs, "first_seconds": times[0], "seconds": times[best],
        "cpu_seconds": cpus[best], "runs": times, "n_lambda": int(len(lambdas)),
        "lambda_min": float(model.alpha_), "lambda_1se": float(lambdas[i1se]),
        "index_min": imin + 1, "index_1se": i1se + 1, "cvm_min": float(cvm[imin]),
        "alpha_is_argmin": bool(lambdas[imin] == model.alpha_),
        "nzero_min": nzero, "nzero_1se": -1,
        "converged": not caught, "warnings": "; ".join(sorted(set(caught)))[:500],
        "rss_after_load_mb": rss_after_load / 1024, "peak_rss_mb": vm_kb("VmHWM") / 1024, "peak_reset": peak_reset,
        "version": sklearn.__version__, "numpy": np.__version__,
    }))


if __name__ == "__main__":
    main()
