#!/usr/bin/python3
"""Times scikit-learn on one benchmark task (the scikit-learn side of occam-bench/run.sh).

Run with Debian's system Python (/usr/bin/python3), which has scikit-learn 1.2.

Gaussian tasks: ``enet_path(X, y, l1_ratio=alpha, alphas=<stored lambda sequence>)``, whose
objective (1/2n)||y - Xw||^2 + alpha_sk*l1_ratio*|w|_1 + alpha_sk*(1-l1_ratio)/2*|w|^2 is the
canonical one with lambda = alpha_sk. enet_path fits no intercept; the generator centred y and
every column of X, so the optimal intercept is exactly 0 and the objective is the same as with an
intercept. precompute='auto' makes it compute the Gram matrix X'X (inside the timed call) when
n > p, as scikit-learn's ElasticNet would. X is passed Fortran-ordered with copy_X=False, so no
copy is timed.

Binomial tasks: scikit-learn has no logistic path solver, so this runs
``LogisticRegression(penalty='l1', solver=<liblinear|saga>, C=1/(n*lambda))`` once per lambda,
largest first, with warm_start=True (saga uses it; liblinear ignores it and starts each fit cold).
C*sum(loss) + |w|_1 divided by n*C is the canonical (1/n)sum(loss) + lambda*|w|_1. saga leaves the
intercept unpenalized (exactly canonical); liblinear penalizes it through intercept_scaling (an
extra column of that constant), so with --intercept-scaling large its objective differs only
negligibly. X is converted to the layout the solver wants (C-ordered dense or CSR) before timing.

Only the fitting is timed. "first_seconds" is the first fit, "seconds" the best of the later fits
(the first when only one ran); fits stop once their total passes --budget seconds. Memory: VmRSS
once the data are loaded, and the peak VmHWM from then on (reset through /proc/self/clear_refs).

A binomial path can take hours here (one cold liblinear fit per lambda), so --time-limit stops it
after the lambda that passes the limit: the JSON line then says "complete": false and gives the
number of lambdas fitted, and the coefficient file holds only those rows.

Usage: bench_sklearn.py --data DIR --task NAME --alpha A --tolerance T --runs R [--budget S]
                        [--coef-out FILE] [--solver liblinear|saga] [--max-iter M] [--time-limit S]
Prints one JSON line; writes rows [b0, w_1..w_p] per lambda (float64 little-endian) to --coef-out.
"""
import argparse
import json
import os
import sys
import time
import warnings

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression, enet_path

from benchdata import load, reset_peak, vm_kb


def fit_gaussian(x, y, lambdas, alpha, tol, max_iter):
    _, coefs, _, n_iters = enet_path(x, y, l1_ratio=alpha, alphas=lambdas, precompute="auto", tol=tol,
                                     max_iter=max_iter, copy_X=False, return_n_iter=True)
    intercepts = np.zeros(len(lambdas))
    return intercepts, coefs.T, int(np.sum(n_iters))


def fit_binomial(x, y, lambdas, alpha, tol, max_iter, solver, intercept_scaling, time_limit):
    """One LogisticRegression fit per lambda; stops after the lambda that passes time_limit seconds."""
    if alpha != 1:
        raise SystemExit("bench_sklearn.py: binomial tasks are lasso only (alpha = 1); got %g" % alpha)
    n = x.shape[0]
    clf = LogisticRegression(penalty="l1", solver=solver, tol=tol, max_iter=max_iter, warm_start=True,
                             fit_intercept=True, intercept_scaling=intercept_scaling)
    intercepts = np.empty(len(lambdas))
    coefs = np.empty((len(lambdas), x.shape[1]))
    iters = 0
    start = time.perf_counter()
    done = len(lambdas)
    for l, lam in enumerate(lambdas):
        if time.perf_counter() - start > time_limit:
            done = l
            break
        clf.set_params(C=1.0 / (n * lam))
        clf.fit(x, y)
        intercepts[l] = clf.intercept_[0]
        coefs[l] = clf.coef_[0]
        iters += int(np.max(clf.n_iter_))
    return intercepts[:done], coefs[:done], iters


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--task")
    ap.add_argument("--alpha", type=float, default=1.0)
    ap.add_argument("--tolerance", type=float, default=1e-4)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--budget", type=float, default=120.0)
    ap.add_argument("--coef-out")
    ap.add_argument("--solver", default="saga", choices=["liblinear", "saga"])
    ap.add_argument("--max-iter", type=int, default=100000)
    ap.add_argument("--intercept-scaling", type=float, default=1000.0)
    ap.add_argument("--time-limit", type=float, default=float("inf"),
                    help="binomial only: stop the path after the lambda that passes this many seconds")
    a = ap.parse_args()
    task = a.task or os.path.basename(os.path.normpath(a.data))

    meta, x, y, lambdas = load(a.data, a.alpha)
    gaussian = meta["family"] == "gaussian"
    if not gaussian and sp.issparse(x):
        x = x.tocsr()  # LogisticRegression works on CSR; converting inside fit would be timed 100 times
    elif not gaussian:
        x = np.ascontiguousarray(x)  # it copies F-ordered X to C order on every fit otherwise
    rss_after_load = vm_kb("VmRSS")
    peak_reset = reset_peak()

    times, cpus, caught = [], [], []
    result = None
    for run in range(a.runs):
        if run > 0 and sum(times) >= a.budget:
            break
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always", ConvergenceWarning)
            t0, c0 = time.perf_counter(), time.process_time()
            if gaussian:
                result = fit_gaussian(x, y, lambdas, a.alpha, a.tolerance, a.max_iter)
            else:
                result = fit_binomial(x, y, lambdas, a.alpha, a.tolerance, a.max_iter, a.solver,
                                      a.intercept_scaling, a.time_limit)
            times.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        caught += [str(m.message).split("\n")[0] for m in w if issubclass(m.category, ConvergenceWarning)]
        print("sklearn %s run %d: %.3f s" % (task, run + 1, times[-1]), file=sys.stderr)

    intercepts, coefs, iters = result
    if a.coef_out:
        rows = np.column_stack([intercepts, coefs]).astype("<f8")
        tmp = a.coef_out + ".tmp"
        rows.tofile(tmp)
        os.replace(tmp, a.coef_out)

    later = list(range(1, len(times))) or [0]
    best = min(later, key=lambda k: times[k])
    method = ("enet_path, Gram precomputed" if gaussian and x.shape[0] > x.shape[1] else
              "enet_path" if gaussian else "LogisticRegression(l1, %s) per lambda" % a.solver)
    print(json.dumps({
        "tool": "sklearn", "task": task, "tolerance": a.tolerance, "first_seconds": times[0],
        "seconds": times[best], "cpu_seconds": cpus[best], "runs": times, "lambdas": len(intercepts),
        "complete": len(intercepts) == len(lambdas),
        "iterations": iters, "converged": not caught, "warnings": "; ".join(sorted(set(caught)))[:500],
        "rss_after_load_mb": rss_after_load / 1024, "peak_rss_mb": vm_kb("VmHWM") / 1024, "peak_reset": peak_reset,
        "version": sklearn.__version__, "method": method,
        "solver": None if gaussian else a.solver,
    }))


if __name__ == "__main__":
    main()
