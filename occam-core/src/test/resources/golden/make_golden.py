#!/usr/bin/python3
"""Regenerates the scikit-learn golden cases in sklearn/ from the data in data/.

    cd occam-core/src/test/resources/golden && /usr/bin/python3 make_golden.py

Needs scikit-learn 1.2 (Debian: apt-get install -y python3-sklearn) and the data files written by
make_golden.R. Every case is a set of independent scikit-learn fits at a few values of its
regularization parameter, converted to Occam's canonical objective (DESIGN.md, CONVENTIONS.md):

    (1/sum v) sum_i v_i l(y_i, b0 + x_i'w)  +  lambda sum_j [alpha |w_j| + (1 - alpha)/2 w_j^2]

  Lasso(alpha=a)                        lambda = a,          alpha = 1
  ElasticNet(alpha=a, l1_ratio=r)       lambda = a,          alpha = r   (sample weights: same lambda)
  Ridge(alpha=a)                        lambda = a / sum v,  alpha = 0
  LogisticRegression(C, penalty)        lambda = 1/(C n),    alpha = 0 (l2), 1 (l1), l1_ratio (elasticnet)

always with standardize off (scikit-learn does not scale X) and an unpenalized intercept. The
logistic cases use data/breast_cancer_scaled.csv, whose features were standardized once and
written out, so both sides fit exactly the same numbers.

Writes sklearn/<case>.json (the case and the exact scikit-learn calls) and sklearn/<case>.path.csv
(lambda,df,dev_ratio,intercept,<features...>, lambda decreasing, 17 significant digits). Each
solution is checked against the KKT conditions of the canonical objective; the worst violation,
relative to the largest null-model gradient, is recorded in the spec.
"""
import csv
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNet, Lasso, LogisticRegression, Ridge

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "sklearn")
warnings.simplefilter("error", ConvergenceWarning)   # a non-converged fit must stop the script


def read_csv(name, target, weights=None):
    with open(os.path.join(HERE, "data", name), newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    features = [c for c in header if c not in (target, weights)]
    fi = [header.index(c) for c in features]
    X = np.array([[float(r[i]) for i in fi] for r in rows[1:]])
    y = [r[header.index(target)] for r in rows[1:]]
    w = np.array([float(r[header.index(weights)]) for r in rows[1:]]) if weights else None
    return X, y, w, features


def num(x):
    return repr(float(x))


def gradient(X, y, w, eta, family):
    """Gradient of (1/sum v) sum v l(y, eta) with respect to the coefficients and the intercept."""
    u = np.ones(len(y)) / len(y) if w is None else w / w.sum()
    r = eta - y if family == "gaussian" else 1 / (1 + np.exp(-eta)) - y
    return X.T @ (u * r), np.sum(u * r)


def kkt_relative(X, y, w, family, lam, alpha, coef, b0):
    g, g0 = gradient(X, y, w, X @ coef + b0, family)
    l1, l2 = lam * alpha, lam * (1 - alpha)
    v = np.where(coef == 0, np.maximum(0, np.abs(g) - l1), np.abs(g + l2 * coef + l1 * np.sign(coef)))
    u = np.ones(len(y)) / len(y) if w is None else w / w.sum()
    ybar = np.sum(u * y)
    null_eta = np.full(len(y), ybar if family == "gaussian" else np.log(ybar / (1 - ybar)))
    scale = np.max(np.abs(gradient(X, y, w, null_eta, family)[0]))
    return max(v.max(), abs(g0)) / scale


def dev_ratio(X, y, w, family, coef, b0):
    u = np.ones(len(y)) if w is None else w
    eta = X @ coef + b0
    ybar = np.sum(u * y) / np.sum(u)
    if family == "gaussian":
        return 1 - np.sum(u * (y - eta) ** 2) / np.sum(u * (y - ybar) ** 2)
    # binomial deviance 2 sum v [log(1 + e^eta) - y eta] (the saturated model has deviance 0)
    dev = 2 * np.sum(u * (np.logaddexp(0, eta) - y * eta))
    eta0 = np.log(ybar / (1 - ybar))
    null = 2 * np.sum(u * (np.logaddexp(0, eta0) - y * eta0))
    return 1 - dev / null


def write_case(name, data, target, weights, family, alpha, features, fits, calls, conversion, X, y, w):
    """fits: list of (lambda, coef, intercept) in any order; written with lambda decreasing."""
    fits = sorted(fits, key=lambda t: -t[0])
    kkt = max(kkt_relative(X, y, w, family, lam, alpha, c, b) for lam, c, b in fits)
    with open(os.path.join(OUT, name + ".path.csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["lambda", "df", "dev_ratio", "intercept"] + features)
        for lam, c, b in fits:
            out.writerow([num(lam), int(np.count_nonzero(c)), num(dev_ratio(X, y, w, family, c, b)), num(b)]
                         + [num(v) for v in c])
    spec = {
        "case": name,
        "tool": "scikit-learn " + sklearn.__version__,
        "data": data,
        "format": "csv",
        "target": target,
        "target_kind": "class" if family == "binomial" else "numeric",
        "weights": weights,
        "n_features": len(features),
        "n": len(y),
        "family": family,
        "alpha": alpha,
        "standardize": False,
        "intercept": True,
        "penalty_factors": None,
        "lower_limits": None,
        "upper_limits": None,
        "lambda_from": "sklearn",
        "nlambda": len(fits),
        "lambda_min_ratio": None,
        "tolerance_link": 1e-6,
        "y_standardized": False,
        "classes": ["benign", "malignant"] if family == "binomial" else None,
        "lambda_conversion": conversion,
        "sklearn_calls": calls,
        "kkt_relative_violation": kkt,
        "note": None,
    }
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(spec, f, indent=2)
        f.write("\n")
    print("%-32s L=%d kkt=%.1e" % (name, len(fits), kkt))


def coordinate_descent_case(name, data, weights, make, conversion, alphas, l1_ratio):
    X, ys, w, features = read_csv(data, "y", weights)
    y = np.array([float(v) for v in ys])
    fits, calls = [], []
    for a in alphas:
        model = make(a).fit(X, y, sample_weight=w)
        fits.append((a, model.coef_.copy(), float(model.intercept_)))
        calls.append(repr(make(a)).replace("\n", "") + ".fit(X, y" + (", sample_weight=w)" if w is not None else ")"))
    write_case(name, data, "y", weights, "gaussian", l1_ratio, features, fits, calls, conversion, X, y, w)


def ridge_case(name, data, weights, alphas):
    X, ys, w, features = read_csv(data, "y", weights)
    y = np.array([float(v) for v in ys])
    total = len(y) if w is None else w.sum()
    fits, calls = [], []
    for a in alphas:
        model = Ridge(alpha=a, solver="cholesky").fit(X, y, sample_weight=w)
        fits.append((a / total, model.coef_.copy(), float(model.intercept_)))
        calls.append("Ridge(alpha=%r, solver='cholesky').fit(X, y%s)" % (a, ", sample_weight=w" if w is not None else ""))
    write_case(name, data, "y", weights, "gaussian", 0.0, features, fits, calls,
               "lambda = alpha / sum(v), alpha_occam = 0", X, y, w)


def logistic_case(name, penalty, solver, l1_ratio, occam_alpha, Cs):
    data = "breast_cancer_scaled.csv"
    X, labels, _, features = read_csv(data, "diagnosis")
    y = np.array([1.0 if v == "malignant" else 0.0 for v in labels])
    n = len(y)
    fits, calls = [], []
    for C in Cs:
        kwargs = dict(C=C, penalty=penalty, solver=solver, tol=1e-12, max_iter=1_000_000)
        if l1_ratio is not None:
            kwargs["l1_ratio"] = l1_ratio
        if solver == "saga":
            kwargs["random_state"] = 0
        model = LogisticRegression(**kwargs).fit(X, labels)
        assert list(model.classes_) == ["benign", "malignant"]
        fits.append((1.0 / (C * n), model.coef_[0].copy(), float(model.intercept_[0])))
        calls.append("LogisticRegression(%s).fit(X, diagnosis)" % ", ".join("%s=%r" % kv for kv in kwargs.items()))
    write_case(name, data, "diagnosis", None, "binomial", occam_alpha, features, fits, calls,
               "lambda = 1/(C n), n = %d; alpha_occam = %r" % (n, occam_alpha), X, y, None)


def main():
    os.makedirs(OUT, exist_ok=True)
    alphas = [300.0, 100.0, 30.0, 10.0, 3.0, 1.0, 0.3, 0.1, 0.03]
    coordinate_descent_case("sklearn_lasso_diabetes", "diabetes.csv", None,
                            lambda a: Lasso(alpha=a, tol=1e-14, max_iter=10_000_000),
                            "lambda = alpha, alpha_occam = 1", alphas, 1.0)
    coordinate_descent_case("sklearn_enet_diabetes", "diabetes.csv", None,
                            lambda a: ElasticNet(alpha=a, l1_ratio=0.5, tol=1e-14, max_iter=10_000_000),
                            "lambda = alpha, alpha_occam = l1_ratio = 0.5", alphas, 0.5)
    coordinate_descent_case("sklearn_enet_weighted", "synth_gaussian_weighted.csv", "w",
                            lambda a: ElasticNet(alpha=a, l1_ratio=0.5, tol=1e-14, max_iter=10_000_000),
                            "lambda = alpha (scikit-learn rescales sample weights to sum to n), alpha_occam = l1_ratio = 0.5",
                            [0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.001], 0.5)
    ridge_case("sklearn_ridge_diabetes", "diabetes.csv", None, [1e5, 1e4, 1e3, 100.0, 10.0, 1.0])
    ridge_case("sklearn_ridge_weighted", "synth_gaussian_weighted.csv", "w", [1e4, 1e3, 100.0, 10.0, 1.0, 0.1])
    logistic_case("sklearn_logistic_l2", "l2", "newton-cholesky", None, 0.0, [0.001, 0.01, 0.1, 1.0, 10.0])
    logistic_case("sklearn_logistic_l1", "l1", "saga", None, 1.0, [0.01, 0.03, 0.1, 0.3])
    logistic_case("sklearn_logistic_enet", "elasticnet", "saga", 0.5, 0.5, [0.01, 0.03, 0.1, 0.3, 1.0])


if __name__ == "__main__":
    main()
