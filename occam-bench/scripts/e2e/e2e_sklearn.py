#!/usr/bin/python3
"""scikit-learn's side of the end-to-end benchmark: read a numeric CSV, fit the lasso path, write it.

usage: e2e_sklearn.py DATA.csv|DATA.parquet TARGET OUT.csv numpy|pandas|parquet

(parquet: pandas.read_parquet, which needs pyarrow or fastparquet)

The path is scikit-learn's lasso_path with 100 alphas down to 1e-4 of the largest (glmnet's and
Occam's default grid for n > p) on standardized X, as Occam's and glmnet's default fits. Prints one
JSON line with the in-interpreter seconds of each phase (imports, read, fit, write); the harness
times the whole process around it.
"""
import json
import sys
import time

t_start = time.perf_counter()
import numpy as np  # noqa: E402
from sklearn.linear_model import lasso_path  # noqa: E402

t_imports = time.perf_counter()
data, target, out, reader = sys.argv[1:5]
if reader in ("pandas", "parquet"):
    import pandas as pd

    df = pd.read_parquet(data) if reader == "parquet" else pd.read_csv(data, engine="c", dtype=np.float64)
    y = df.pop(target).to_numpy()
    x = df.to_numpy()
    names = list(df.columns)
else:
    with open(data) as f:
        header = f.readline().strip().split(",")
    m = np.loadtxt(data, delimiter=",", skiprows=1, dtype=np.float64)
    j = header.index(target)
    y = m[:, j]
    x = np.delete(m, j, axis=1)
    names = [h for h in header if h != target]
t_read = time.perf_counter()
mean, sd = x.mean(axis=0), x.std(axis=0)
sd[sd == 0] = 1.0
xs = (x - mean) / sd
alphas, coefs, _ = lasso_path(xs, y - y.mean(), n_alphas=100, eps=1e-4)
coefs = coefs / sd[:, None]
intercepts = y.mean() - mean @ coefs
t_fit = time.perf_counter()
with open(out, "w") as f:
    f.write("lambda,intercept," + ",".join(names) + "\n")
    table = np.column_stack([alphas, intercepts, coefs.T])
    np.savetxt(f, table, delimiter=",", fmt="%.17g")
t_write = time.perf_counter()
print(json.dumps({"imports": t_imports - t_start, "read": t_read - t_imports, "fit": t_fit - t_read,
                  "write": t_write - t_fit}))
