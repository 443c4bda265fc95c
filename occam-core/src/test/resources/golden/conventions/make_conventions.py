#!/usr/bin/python3
"""Golden refits for the scikit-learn and liblinear rows of Occam's conventions converter.

    cd occam-core/src/test/resources/golden/conventions && /usr/bin/python3 make_conventions.py

Needs scikit-learn 1.2 (Debian: python3-sklearn; run it with /usr/bin/python3) and the data files of
../data (written by ../make_golden.R). Each case fits one peer setting, stated in the peer's OWN
parameters (e.g. LogisticRegression C=0.5), and stores its coefficients. The Java test
(dev.occam.penalty.ConventionsRefitTest) converts that setting to Occam's canonical form with
dev.occam.penalty.Conventions, fits Occam, and compares coefficients and the canonical objective.
Nothing here converts anything: the conversion under test is in Java only.

Writes sklearn.json (a list of cases, see README.md) and data/diabetes_scaled.csv. Deterministic:
rerunning it rewrites the same files (SGD, SAGA, liblinear and the MLP's initial weights are seeded).

Accuracy of the references: coordinate descent with tol 1e-14, Cholesky for Ridge, Newton (tol 1e-12)
or SAGA (tol 1e-12) for LogisticRegression, liblinear with tol 1e-12, the MLP's own L-BFGS with its
relative-decrease stop (ftol) switched off. SGD is stochastic: its cases are accurate to ~1e-5 only
and carry a looser tolerance. Each case also stores `sensitivity`: how much the coefficients move
when the peer's strength is doubled (alpha * 2, C / 2), so a test can show that its tolerance is
far below the effect of a wrong conversion.
"""
import contextlib
import csv
import json
import os
import warnings

import numpy as np
import scipy.optimize
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNet, Lasso, LogisticRegression, Ridge, SGDRegressor
from sklearn.neural_network import MLPClassifier, MLPRegressor

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.dirname(HERE)
warnings.simplefilter("error", ConvergenceWarning)   # a non-converged fit must stop the script


def read_csv(path, target, weights=None):
    with open(os.path.join(GOLDEN, path), newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    features = [c for c in header if c not in (target, weights)]
    fi = [header.index(c) for c in features]
    X = np.array([[float(r[i]) for i in fi] for r in rows[1:]])
    y = [r[header.index(target)] for r in rows[1:]]
    w = np.array([float(r[header.index(weights)]) for r in rows[1:]]) if weights else None
    return X, y, w, features


def numeric(y):
    return np.array([float(v) for v in y])


def binary(y):
    """Class labels sorted; the second is 1 (the class glmnet and Occam model)."""
    classes = sorted(set(y))
    assert len(classes) == 2, classes
    return np.array([1.0 if v == classes[1] else 0.0 for v in y])


def write_scaled_diabetes():
    """diabetes with X and y standardized (mean 0, 1/n sd 1), rounded to 10 significant digits: SGD needs scaled data."""
    X, y, _, features = read_csv("data/diabetes.csv", "y")
    y = numeric(y)
    Xs = (X - X.mean(0)) / X.std(0)
    ys = (y - y.mean()) / y.std()
    path = os.path.join(HERE, "data", "diabetes_scaled.csv")
    with open(path, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(features + ["y"])
        for i in range(len(ys)):
            out.writerow(["%.10g" % v for v in Xs[i]] + ["%.10g" % ys[i]])
    return "conventions/data/diabetes_scaled.csv"


@contextlib.contextmanager
def lbfgs_without_ftol():
    """The MLP's L-BFGS, which stops on a relative decrease of 2.2e-9 by default, run to its gradient tolerance."""
    original = scipy.optimize.minimize

    def minimize(*args, **kwargs):
        options = dict(kwargs.pop("options", {}))
        options["ftol"] = 0.0
        options["maxls"] = 100
        return original(*args, options=options, **kwargs)

    scipy.optimize.minimize = minimize
    try:
        yield
    finally:
        scipy.optimize.minimize = original


def coefficients(model):
    coef = np.ravel(model.coefs_[0]) if hasattr(model, "coefs_") else np.ravel(model.coef_)
    intercept = model.intercepts_[0][0] if hasattr(model, "intercepts_") else np.ravel(np.atleast_1d(model.intercept_))[0]
    return coef, float(intercept)


CASES = []


def case(name, setting, parameters, data, target, target_kind, weights, context, fit, refit_doubled,
         call, intercept=True, tolerance=1e-6, note=None, constant_feature=None, expect_canonical="match"):
    """Fits the peer, refits it with the strength doubled (sensitivity), and records the case."""
    model = fit()
    coef, b0 = coefficients(model)
    coef2, b02 = coefficients(refit_doubled())
    sensitivity = float(max(np.max(np.abs(coef2 - coef)), abs(b02 - b0)))
    CASES.append({
        "case": name,
        "setting": setting,
        "parameters": parameters,
        "data": data,
        "target": target,
        "target_kind": target_kind,
        "weights": weights,
        "context": context,
        "intercept": intercept,
        "constant_feature": constant_feature,
        "expect_canonical": expect_canonical,
        "peer_call": call,
        "peer_intercept": b0,
        "peer_coefficients": [float(v) for v in coef],
        "tolerance": tolerance,
        "sensitivity": sensitivity,
        "note": note,
    })


def main():
    diabetes_scaled = write_scaled_diabetes()
    cd = dict(tol=1e-14, max_iter=10_000_000)

    # --- Ridge(alpha): ||y - Xw||^2 + alpha ||w||^2
    X, y, _, _ = read_csv("data/diabetes.csv", "y")
    y = numeric(y)
    n = len(y)
    case("ridge_diabetes", "sklearn-ridge", {"alpha": 50.0}, "data/diabetes.csv", "y", "numeric", None, {"n": n},
         lambda: Ridge(alpha=50.0, solver="cholesky").fit(X, y), lambda: Ridge(alpha=100.0, solver="cholesky").fit(X, y),
         "Ridge(alpha=50.0, solver='cholesky').fit(X, y)")
    Xw, yw, w, _ = read_csv("data/synth_gaussian_weighted.csv", "y", "w")
    yw = numeric(yw)
    case("ridge_weighted", "sklearn-ridge", {"alpha": 20.0}, "data/synth_gaussian_weighted.csv", "y", "numeric", "w",
         {"n": len(yw), "sum_weights": float(w.sum())},
         lambda: Ridge(alpha=20.0, solver="cholesky").fit(Xw, yw, sample_weight=w),
         lambda: Ridge(alpha=40.0, solver="cholesky").fit(Xw, yw, sample_weight=w),
         "Ridge(alpha=20.0, solver='cholesky').fit(X, y, sample_weight=w)")

    # --- Lasso(alpha), ElasticNet(alpha, l1_ratio): (1/2n)||y - Xw||^2 + ...
    case("lasso_diabetes", "sklearn-lasso", {"alpha": 1.0}, "data/diabetes.csv", "y", "numeric", None, {"n": n},
         lambda: Lasso(alpha=1.0, **cd).fit(X, y), lambda: Lasso(alpha=2.0, **cd).fit(X, y),
         "Lasso(alpha=1.0, tol=1e-14, max_iter=10000000).fit(X, y)")
    case("lasso_weighted", "sklearn-lasso", {"alpha": 0.05}, "data/synth_gaussian_weighted.csv", "y", "numeric", "w",
         {"n": len(yw), "sum_weights": float(w.sum())},
         lambda: Lasso(alpha=0.05, **cd).fit(Xw, yw, sample_weight=w), lambda: Lasso(alpha=0.1, **cd).fit(Xw, yw, sample_weight=w),
         "Lasso(alpha=0.05, tol=1e-14, max_iter=10000000).fit(X, y, sample_weight=w)")
    case("enet_diabetes", "sklearn-elasticnet", {"alpha": 0.5, "l1_ratio": 0.3}, "data/diabetes.csv", "y", "numeric", None, {"n": n},
         lambda: ElasticNet(alpha=0.5, l1_ratio=0.3, **cd).fit(X, y), lambda: ElasticNet(alpha=1.0, l1_ratio=0.3, **cd).fit(X, y),
         "ElasticNet(alpha=0.5, l1_ratio=0.3, tol=1e-14, max_iter=10000000).fit(X, y)")

    # --- LogisticRegression(C, penalty, l1_ratio): C sum l + r(w)
    Xb, yb, _, _ = read_csv("data/breast_cancer_scaled.csv", "diagnosis")
    yb = binary(yb)
    nb = len(yb)

    def logistic(C, **kw):
        return lambda: LogisticRegression(C=C, tol=1e-12, max_iter=1_000_000, random_state=0, **kw).fit(Xb, yb)

    case("logistic_l2", "sklearn-logistic", {"C": 0.5, "penalty": "l2"}, "data/breast_cancer_scaled.csv", "diagnosis", "class", None,
         {"n": nb}, logistic(0.5, penalty="l2", solver="newton-cholesky"), logistic(0.25, penalty="l2", solver="newton-cholesky"),
         "LogisticRegression(C=0.5, penalty='l2', solver='newton-cholesky', tol=1e-12).fit(X, diagnosis)")
    case("logistic_l1", "sklearn-logistic", {"C": 0.2, "penalty": "l1", "solver": "saga"}, "data/breast_cancer_scaled.csv", "diagnosis",
         "class", None, {"n": nb}, logistic(0.2, penalty="l1", solver="saga"), logistic(0.1, penalty="l1", solver="saga"),
         "LogisticRegression(C=0.2, penalty='l1', solver='saga', tol=1e-12).fit(X, diagnosis)")
    case("logistic_enet", "sklearn-logistic", {"C": 0.3, "penalty": "elasticnet", "l1_ratio": 0.6, "solver": "saga"},
         "data/breast_cancer_scaled.csv", "diagnosis", "class", None, {"n": nb},
         logistic(0.3, penalty="elasticnet", l1_ratio=0.6, solver="saga"), logistic(0.15, penalty="elasticnet", l1_ratio=0.6, solver="saga"),
         "LogisticRegression(C=0.3, penalty='elasticnet', l1_ratio=0.6, solver='saga', tol=1e-12).fit(X, diagnosis)")
    Xbw, ybw, wb, _ = read_csv("data/synth_binomial_weighted.csv", "y", "w")
    ybw = binary(ybw)
    case("logistic_weighted", "sklearn-logistic", {"C": 1.0, "penalty": "l2"}, "data/synth_binomial_weighted.csv", "y", "class", "w",
         {"n": len(ybw), "sum_weights": float(wb.sum())},
         lambda: LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-12, max_iter=1_000_000).fit(Xbw, ybw, sample_weight=wb),
         lambda: LogisticRegression(C=0.5, solver="newton-cholesky", tol=1e-12, max_iter=1_000_000).fit(Xbw, ybw, sample_weight=wb),
         "LogisticRegression(C=1.0, penalty='l2', solver='newton-cholesky', tol=1e-12).fit(X, y, sample_weight=w)")

    # --- SGDRegressor(alpha, penalty, l1_ratio): (1/n) sum 1/2 (y - p)^2 + alpha R(w); stochastic, so ~1e-5 accurate
    Xs, ys, _, _ = read_csv(diabetes_scaled, "y")
    ys = numeric(ys)
    sgd = dict(learning_rate="constant", eta0=1e-5, max_iter=10_000, tol=None, random_state=0)
    case("sgd_l2", "sklearn-sgd", {"alpha": 0.3, "penalty": "l2"}, diabetes_scaled, "y", "numeric", None, {"n": len(ys)},
         lambda: SGDRegressor(alpha=0.3, penalty="l2", **sgd).fit(Xs, ys),
         lambda: Ridge(alpha=0.6 * len(ys), solver="cholesky").fit(Xs, ys),
         "SGDRegressor(alpha=0.3, penalty='l2', learning_rate='constant', eta0=1e-05, max_iter=10000, tol=None, random_state=0).fit(X, y)",
         tolerance=1e-4, note="SGD is stochastic: accurate to ~1e-5; sensitivity from Ridge at twice the strength")
    case("sgd_elasticnet", "sklearn-sgd", {"alpha": 0.3, "penalty": "elasticnet", "l1_ratio": 0.5}, diabetes_scaled, "y", "numeric", None,
         {"n": len(ys)},
         lambda: SGDRegressor(alpha=0.3, penalty="elasticnet", l1_ratio=0.5, **sgd).fit(Xs, ys),
         lambda: ElasticNet(alpha=0.6, l1_ratio=0.5, **cd).fit(Xs, ys),
         "SGDRegressor(alpha=0.3, penalty='elasticnet', l1_ratio=0.5, learning_rate='constant', eta0=1e-05, max_iter=10000, tol=None, random_state=0).fit(X, y)",
         tolerance=1e-4, note="SGD is stochastic: accurate to ~1e-5; sensitivity from ElasticNet at twice the strength")

    # --- MLP(alpha): batch mean loss + (alpha/2)||W||^2 / B; no hidden layer = a linear model, lbfgs = one batch (B = n)
    def mlp(cls, alpha, Xd, yd):
        def fit():
            with lbfgs_without_ftol():
                return cls(hidden_layer_sizes=(), solver="lbfgs", alpha=alpha, tol=1e-13, max_iter=100_000, max_fun=10_000_000,
                           random_state=0).fit(Xd, yd)
        return fit

    case("mlp_classifier", "sklearn-mlp", {"alpha": 5.0, "solver": "lbfgs"}, "data/breast_cancer_scaled.csv", "diagnosis", "class", None,
         {"n": nb}, mlp(MLPClassifier, 5.0, Xb, yb), mlp(MLPClassifier, 10.0, Xb, yb),
         "MLPClassifier(hidden_layer_sizes=(), solver='lbfgs', alpha=5.0, tol=1e-13).fit(X, diagnosis) with L-BFGS-B's ftol 0",
         note="no hidden layer: logistic regression trained by the MLP code; lbfgs makes B = n")
    case("mlp_regressor", "sklearn-mlp", {"alpha": 20.0, "solver": "lbfgs"}, diabetes_scaled, "y", "numeric", None,
         {"n": len(ys)}, mlp(MLPRegressor, 20.0, Xs, ys), mlp(MLPRegressor, 40.0, Xs, ys),
         "MLPRegressor(hidden_layer_sizes=(), solver='lbfgs', alpha=20.0, tol=1e-13).fit(X, y) with L-BFGS-B's ftol 0",
         note="no hidden layer: ridge regression trained by the MLP code (loss mean (y-p)^2/2); lbfgs makes B = n")

    # --- liblinear through scikit-learn: -s 0 / -s 6, with and without its (penalized) bias
    def liblinear(C, penalty, fit_intercept):
        return lambda: LogisticRegression(C=C, penalty=penalty, solver="liblinear", fit_intercept=fit_intercept, intercept_scaling=1.0,
                                          tol=1e-12, max_iter=1_000_000, random_state=0).fit(Xb, yb)

    case("liblinear_l2_nobias", "liblinear", {"s": 0, "c": 0.5, "B": -1}, "data/breast_cancer_scaled.csv", "diagnosis", "class", None,
         {"n": nb}, liblinear(0.5, "l2", False), liblinear(0.25, "l2", False),
         "LogisticRegression(C=0.5, solver='liblinear', fit_intercept=False, tol=1e-12).fit(X, diagnosis)  # train -s 0 -c 0.5",
         intercept=False)
    case("liblinear_l1_nobias", "liblinear", {"s": 6, "c": 0.2, "B": -1}, "data/breast_cancer_scaled.csv", "diagnosis", "class", None,
         {"n": nb}, liblinear(0.2, "l1", False), liblinear(0.1, "l1", False),
         "LogisticRegression(C=0.2, penalty='l1', solver='liblinear', fit_intercept=False, tol=1e-12).fit(X, diagnosis)  # train -s 6 -c 0.2",
         intercept=False)
    case("liblinear_l2_bias", "liblinear", {"s": 0, "c": 0.05, "B": 1}, "data/breast_cancer_scaled.csv", "diagnosis", "class", None,
         {"n": nb}, liblinear(0.05, "l2", True), liblinear(0.025, "l2", True),
         "LogisticRegression(C=0.05, solver='liblinear', fit_intercept=True, intercept_scaling=1.0, tol=1e-12).fit(X, diagnosis)  # train -s 0 -c 0.05 -B 1",
         constant_feature=1.0, expect_canonical="differ",
         note="bias penalized: the canonical fit (unpenalized intercept) must differ; liblinear's solution is stationary for the canonical objective plus lambda (b0/B)^2 / 2")

    with open(os.path.join(HERE, "sklearn.json"), "w") as f:
        json.dump({"tool": "scikit-learn " + sklearn.__version__ + " (numpy " + np.__version__ + ")", "cases": CASES}, f, indent=1)
        f.write("\n")
    print("wrote %d cases to sklearn.json" % len(CASES))


if __name__ == "__main__":
    main()
