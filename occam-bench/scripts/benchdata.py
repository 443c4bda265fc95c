"""What the Python sides of the benchmarks share: reading a data set written by
dev.occam.bench.DataGenerator, and the process's memory figures.

A data set directory holds meta.json (n, p, kind, family, ...), y.f64, X either dense (X.f64,
column-major float64) or sparse CSC (colptr.i32, rowind.i32, values.f64), and one λ sequence per α
(lambda-alpha<α>.f64), all little-endian.
"""
import json
import os

import numpy as np
import scipy.sparse as sp


def load(directory, alpha=None):
    """(meta, X, y, lambdas): X Fortran-ordered dense or CSC sparse; lambdas None without alpha."""
    with open(os.path.join(directory, "meta.json")) as f:
        meta = json.load(f)
    n, p = meta["n"], meta["p"]
    path = lambda name: os.path.join(directory, name)
    if meta["kind"] == "dense":
        # Column-major on disk: a (p, n) C-ordered array whose transpose is X in Fortran order.
        x = np.fromfile(path("X.f64"), dtype="<f8", count=n * p).reshape(p, n).T
    else:
        colptr = np.fromfile(path("colptr.i32"), dtype="<i4")
        nnz = int(colptr[-1])
        x = sp.csc_matrix((np.fromfile(path("values.f64"), dtype="<f8", count=nnz),
                           np.fromfile(path("rowind.i32"), dtype="<i4", count=nnz), colptr), shape=(n, p))
    y = np.fromfile(path("y.f64"), dtype="<f8", count=n)
    lambdas = None
    if alpha is not None:
        name = str(int(alpha)) if alpha == int(alpha) else repr(alpha)
        lambdas = np.fromfile(path("lambda-alpha%s.f64" % name), dtype="<f8")
    return meta, x, y, lambdas


def vm_kb(field):
    """A field of /proc/self/status in kB (VmRSS, VmHWM), or -1."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return float(line.split()[1])
    return -1.0


def reset_peak():
    """Resets VmHWM so the reported peak is that of fitting with the data in memory (Linux)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False
