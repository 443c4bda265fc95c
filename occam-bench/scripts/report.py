#!/usr/bin/python3
"""Writes docs/benchmarks.md from the results of occam-bench/run.sh (bench-out/).

Reads bench-out/<task>/<tool>.json (the accepted run of each tool: the last one, at the tolerance
that met the accuracy rule or the tightest tried), bench-out/<task>/eval.json (objective gaps from
evaluate.py), bench-out/results.jsonl (every attempt, for the tolerance history) and
bench-out/run-<id>.json (load average, commit). Machine facts are collected here.

Usage: report.py --out docs/benchmarks.md --results bench-out --run-id ID [--jar occam-bench.jar]
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess

TASKS = [
    ("a-lasso", "a", 1.0, "gaussian, dense, n = 100 000, p = 500, AR(1) ρ = 0.5, lasso (α = 1)"),
    ("a-enet", "a", 0.5, "gaussian, dense, n = 100 000, p = 500, AR(1) ρ = 0.5, elastic net α = 0.5"),
    ("b-lasso", "b", 1.0, "binomial, dense, n = 50 000, p = 1 000, AR(1) ρ = 0.5, lasso"),
    ("c-lasso", "c", 1.0, "gaussian, dense wide, n = 1 000, p = 20 000, AR(1) ρ = 0.5, lasso"),
    ("d-lasso", "d", 1.0, "binomial, sparse CSC, n = 100 000, p = 50 000, 0.1 % non-zeros, lasso"),
    ("d50-lasso", "d50", 1.0, "d's first 50 λ (down to λ_max/100), where every tool finishes"),
]
# "occam" runs Occam's default, certified rule; "occam-thresh" glmnet's threshold rule at the
# loosest tolerance that meets the objective rule (what Occam's default was before issue 8)
TOOLS = ["occam", "occam-thresh", "glmnet", "sklearn"]
PEERS = ["glmnet", "sklearn"]
TARGET = 0.5


def sh(cmd):
    try:
        r = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=120)
        return (r.stdout + r.stderr).strip()
    except Exception as e:  # a missing tool is reported, not fatal
        return "unavailable (%s)" % e


def machine_facts(jar, occam_line):
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = sh("awk '/MemTotal/ {printf \"%.1f GiB\", $2/1048576}' /proc/meminfo")
    java = sh("java -version 2>&1 | head -n 1")
    r = sh("Rscript -e 'cat(R.version.string, \"| glmnet\", as.character(packageVersion(\"glmnet\")), "
           "\"| Matrix\", as.character(packageVersion(\"Matrix\")), \"| BLAS:\", extSoftVersion()[[\"BLAS\"]], "
           "\"| LAPACK:\", La_library())'")
    py = sh("/usr/bin/python3 -c 'import sys, sklearn, numpy, scipy; from threadpoolctl import threadpool_info; "
            "print(\"Python\", sys.version.split()[0], \"| scikit-learn\", sklearn.__version__, \"| numpy\", "
            "numpy.__version__, \"| scipy\", scipy.__version__, \"| BLAS:\", \", \".join(\"%s %s (%s)\" % "
            "(i[\"internal_api\"], i.get(\"version\"), i[\"filepath\"]) for i in threadpool_info() if i[\"user_api\"] == \"blas\"))'")
    blas = occam_line.get("blas", "unknown") if occam_line else "unknown"
    return [
        ("Processors (nproc)", sh("nproc")),
        ("CPU", cpu),
        ("Memory", mem),
        ("OS", "%s %s" % (platform.system(), platform.release())),
        ("Java", java),
        ("Occam's BLAS (dev.ludovic.netlib)", "%s%s" % (blas, " — native OpenBLAS through JNI" if blas == "JNIBLAS" else "")),
        ("Occam's SIMD kernels", occam_line.get("simd", "not reported") if occam_line else "unknown"),
        ("R", r),
        ("Python", py),
    ]


def load_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def read_run_info(results, run_id):
    info = {}
    path = os.path.join(results, "run-%s.json" % run_id)
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line:
                    info.update(json.loads(line))
    return info


def attempts(results, run_id):
    out = {}
    path = os.path.join(results, "results.jsonl")
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                try:
                    r = json.loads(line)
                except ValueError:
                    continue
                if r.get("run_id") == run_id:
                    out.setdefault((r.get("task"), r.get("tool")), []).append(r)
    return out


def fmt_s(x):
    if x is None:
        return "—"
    return "%.2f" % x if x < 100 else "%.0f" % x


def fmt_gap(g):
    return "—" if g is None else ("%.1e" % g if g > 0 else "0")


def method_of(tool, line):
    if tool == "occam":
        return "ElasticNet.path, certified (KKT ≤ 1e-9)"
    if tool == "occam-thresh":
        return "ElasticNet.path, glmnet's thresh rule"
    if tool == "glmnet":
        t = line.get("type_gaussian")
        return "glmnet()" + (" (type.gaussian = %s)" % t if t else "")
    return line.get("method", "")


def matched(line, ev, threshold):
    return (line is not None and not line.get("failed") and line.get("complete", True) and ev is not None
            and ev["max_rel_gap"] <= threshold)


def main():
    ap = argparse.ArgumentParser(description="write docs/benchmarks.md")
    ap.add_argument("--out", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--run-id", required=True)
    ap.add_argument("--jar")
    a = ap.parse_args()

    info = read_run_info(a.results, a.run_id)
    tries = attempts(a.results, a.run_id)
    lines, evals = {}, {}
    for task, _, _, _ in TASKS:
        ev = load_json(os.path.join(a.results, task, "eval.json"))
        evals[task] = ev
        for tool in TOOLS:
            lines[(task, tool)] = load_json(os.path.join(a.results, task, tool + ".json"))
    occam_any = next((l for (t, tool), l in lines.items() if tool == "occam" and l and "blas" in l), None)
    threshold = next((e["threshold"] for e in evals.values() if e), 1e-6)

    md = []
    md.append("# Benchmarks: the elastic-net path against glmnet and scikit-learn\n")
    md.append("Generated by `occam-bench/run.sh` (run `%s`, commit `%s`, %s to %s UTC). Do not edit by hand: "
              "rerun the script. Raw results are in `bench-out/` (not committed).\n"
              % (a.run_id, info.get("commit", "?"), info.get("started", "?"), info.get("finished", "?")))

    md.append("## Summary\n")
    md.append("Target (issue 2, item 9): **Occam at most half the time of the fastest peer on every task**, "
              "with every tool's objective within %g relative of the best any tool reached at every λ. "
              "Times are wall-clock seconds of the fit alone with the data in memory (best of the runs after "
              "the first; see *Method*). The CPU column divides process CPU seconds the same way; it is less "
              "disturbed by other load on the machine.\n" % threshold)
    md.append("| task | Occam (certified) s | glmnet s | scikit-learn s | fastest peer | Occam / fastest (wall) | Occam / fastest (CPU) | target ≤ %.1f | accuracy matched |" % TARGET)
    md.append("|---|---:|---:|---:|---|---:|---:|---|---|")
    verdicts = []
    for task, _, _, desc in TASKS:
        if not any(lines[(task, t)] for t in TOOLS):
            continue
        ev = evals[task] or {"tools": {}}
        cells, peer_best = [], None
        for tool in TOOLS:
            l = lines[(task, tool)]
            if not l or l.get("failed"):
                cells.append("failed" if l else "not run")
                continue
            txt = fmt_s(l["seconds"])
            if not l.get("complete", True):
                txt = "> %s (%d of %d λ)" % (fmt_s(l["seconds"]), l["lambdas"], ev.get("task_lambdas", 100))
            cells.append(txt)
            if tool in PEERS and l.get("complete", True):
                if peer_best is None or l["seconds"] < lines[(task, peer_best)]["seconds"]:
                    peer_best = tool
        o = lines[(task, "occam")]
        ratio = cpu_ratio = None
        if o and not o.get("failed") and peer_best:
            p = lines[(task, peer_best)]
            ratio = o["seconds"] / p["seconds"]
            if o.get("cpu_seconds") and p.get("cpu_seconds"):
                cpu_ratio = o["cpu_seconds"] / p["cpu_seconds"]
        all_matched = all(matched(lines[(task, t)], ev["tools"].get(t), threshold)
                          for t in TOOLS if lines[(task, t)] and lines[(task, t)].get("complete", True))
        met = ratio is not None and ratio <= TARGET
        md.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            task, cells[0], cells[2], cells[3], peer_best or "—",
            "%.2f" % ratio if ratio is not None else "—", "%.2f" % cpu_ratio if cpu_ratio is not None else "—",
            "**met**" if met else "not met", "yes" if all_matched else "no (see task table)"))
        verdicts.append((task, ratio, met, peer_best))
    md.append("")
    if verdicts:
        missed = [v for v in verdicts if not v[2]]
        if not missed:
            md.append("Every measured task meets the target.\n")
        else:
            md.append("Not met on: " + ", ".join("%s (%.2f× %s)" % (t, r, p) if r is not None else t
                                                 for t, r, _, p in missed) + ".\n")

    md.append("## What the certificate costs\n")
    md.append("Occam's default rule (issue 8) ends each λ only when the KKT conditions hold on every feature to "
              "1e-9 relative to λ (`occam` rows); before, it stopped by glmnet's threshold rule, and this benchmark "
              "tightened that threshold until the objective was within %g of the best (`occam-thresh` rows, the same "
              "rule as the peers). Same run, same data. The KKT column is the largest relative violation over the "
              "path: what each answer guarantees.\n" % threshold)
    md.append("| task | certified s | passes | max KKT | thresh rule s | tolerance | passes | max KKT | certified / thresh (wall) | (CPU) |")
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for task, _, _, _ in TASKS:
        c, t = lines[(task, "occam")], lines[(task, "occam-thresh")]
        if not c or not t or c.get("failed") or t.get("failed"):
            continue
        md.append("| %s | %s | %d | %s | %s | %g | %d | %s | %.2f | %s |" % (
            task, fmt_s(c["seconds"]), c.get("passes", -1), fmt_gap(c.get("max_kkt_violation")),
            fmt_s(t["seconds"]), t["tolerance"], t.get("passes", -1), fmt_gap(t.get("max_kkt_violation")),
            c["seconds"] / t["seconds"],
            "%.2f" % (c["cpu_seconds"] / t["cpu_seconds"]) if c.get("cpu_seconds") and t.get("cpu_seconds") else "—"))
    md.append("")

    md.append("## Machine\n")
    md.append("| | |\n|---|---|")
    for k, v in machine_facts(a.jar, occam_any):
        md.append("| %s | %s |" % (k, v.replace("|", "·").replace("\n", " ")))
    md.append("| Threads | %s for every tool: OMP_NUM_THREADS = OPENBLAS_NUM_THREADS = MKL_NUM_THREADS, and the JVM's "
              "-XX:ActiveProcessorCount. glmnet's coordinate descent is single-threaded; "
              "Occam splits the row passes of large-n dense fits over both threads and uses BLAS threads for the Gram matrix, as "
              "scikit-learn does. |" % info.get("threads", "?"))
    md.append("| Load average (1, 5, 15 min) | at start %s; at end %s. The machine is shared: other processes "
              "slow every tool alike, and wall-clock times carry that noise. |"
              % (info.get("load_start", "?"), info.get("load_end", "?")))
    md.append("")

    md.append("## Tasks\n")
    for task, dataset, alpha, desc in TASKS:
        if not any(lines[(task, t)] for t in TOOLS):
            continue
        ev = evals[task] or {"tools": {}}
        md.append("### %s — %s\n" % (task, desc))
        md.append("| tool | method | tolerance | fit s (best later run) | first run s | CPU s | runs | peak RSS MB | RSS with data MB | max rel. objective gap | λ fitted | notes |")
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for tool in TOOLS:
            l = lines[(task, tool)]
            if not l:
                continue
            if l.get("failed"):
                md.append("| %s | | %s | failed (exit %s) | | | | | | | | see bench-out/%s/%s.log |"
                          % (tool, l.get("tolerance"), l.get("exit_status"), task, tool))
                continue
            e = ev["tools"].get(tool, {})
            notes = []
            if l.get("run_id") != a.run_id:
                notes.append("from an earlier run (%s)" % l.get("run_id"))
            if not l.get("converged", True):
                notes.append("not converged: " + (l.get("warnings") or "")[:160])
            if not l.get("complete", True):
                notes.append("stopped by the time limit")
            if l.get("solver") == "liblinear":
                notes.append("intercept penalized through intercept_scaling (liblinear)")
            tol_hist = [r.get("tolerance") for r in tries.get((task, tool), [])]
            if len(tol_hist) > 1:
                notes.append("tolerances tried: " + ", ".join("%g" % t for t in tol_hist))
            md.append("| %s | %s | %g | %s | %s | %s | %d | %.0f | %.0f | %s | %s | %s |" % (
                tool, method_of(tool, l), l["tolerance"], fmt_s(l["seconds"]), fmt_s(l["first_seconds"]),
                fmt_s(l.get("cpu_seconds")), len(l.get("runs", [])), l.get("peak_rss_mb", -1),
                l.get("rss_after_load_mb", -1), fmt_gap(e.get("max_rel_gap")),
                "%d/%d" % (l["lambdas"], ev.get("task_lambdas", l["lambdas"])), "; ".join(notes)))
        md.append("")

    profiled = [(t, r) for t, r, met, _ in verdicts if not met
                and os.path.exists(os.path.join(a.results, t, "occam-profile.md"))]
    if profiled:
        md.append("## Where Occam's time goes (tasks not at target)\n")
        md.append("One more Occam fit per task under Java Flight Recorder (`settings=profile`, a sample every 2 ms, not timed), "
                  "summarized by `scripts/jfr_top.py`: the share of execution samples with a method on top "
                  "of the stack (self) and anywhere on it (total, `dev.occam` methods only).\n")
        for t, r in profiled:
            with open(os.path.join(a.results, t, "occam-profile.md")) as f:
                md.append("### %s%s\n" % (t, " (Occam / fastest peer = %.2f)" % r if r is not None else ""))
                md.append(f.read().strip() + "\n")

    md.append(METHOD.strip() + "\n")
    md.append(HOW_TO_RUN.strip() + "\n")
    # the other benchmarks' sections (networks, cross-validation) follow a marker and are kept
    md.append(END_MARKER)
    tail = ""
    if os.path.exists(a.out):
        with open(a.out) as f:
            old = f.read()
        if END_MARKER in old:
            tail = old.split(END_MARKER, 1)[1]
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    tmp = a.out + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(md) + tail)
    os.replace(tmp, a.out)


END_MARKER = "<!-- end of the section written by occam-bench/scripts/report.py; what follows is kept -->"


METHOD = r"""
## Method

**Data** (`dev.occam.bench.DataGenerator`, seeded `SplittableRandom` with a Box–Muller transform in
`StrictMath`, written once to `bench-data/`): dense features follow an AR(1) process across columns,
x_j = ρ x_{j−1} + √(1−ρ²) z_j with ρ = 0.5, and every column is then centred and scaled to variance 1
(1/n). A gaussian response is Xβ + noise with 20 (a) or 50 (c) non-zero true coefficients and a
population R² of 0.6, then centred and scaled to standard deviation 1. Binomial labels are drawn from
P(y = 1) = 1/(1+e^−η) with η = Xβ, 30 true coefficients scaled so that sd(η) = 2 (b). The sparse set
(d) has exactly 100 non-zeros per column (0.1 %) at distinct random rows with values uniform in
[0.5, 1.5) — not centred, so the implicit centring of sparse columns is exercised — and 50 true
coefficients of ±2. `meta.json` in each directory records everything, including the seed.

**Objective.** Every tool fits, at every λ of the same sequence,

    (1/n) Σ_i ℓ(y_i, b0 + x_iᵀw) + λ [ α‖w‖₁ + (1−α)/2 ‖w‖² ]

with ℓ = ½(y − η)² or the logistic negative log-likelihood, an unpenalized intercept and no
standardization inside the solver (`standardize = FALSE` in glmnet, `withStandardize(false)` in Occam;
scikit-learn never standardizes). Because the dense columns already have mean 0 and variance 1 this is
the same problem as with standardization; for the sparse set no tool may standardize implicitly the
same way, so none does. glmnet standardizes y internally for gaussian fits, which changes the L2 part
when α < 1; the generator makes sd(y) = 1, so that has no effect. scikit-learn's `enet_path` fits no
intercept: with centred X and y the best intercept is exactly 0, so its objective is the same.
For binomial tasks scikit-learn has no path solver: `LogisticRegression(penalty='l1',
solver='liblinear', C = 1/(nλ))` is fitted once per λ (liblinear ignores `warm_start`, so every fit
starts cold), and liblinear penalizes the intercept through an extra constant column
(`intercept_scaling = 1000`: the penalty on the intercept is then λ|b|/1000, which moves the objective
by about 10⁻⁸ relative here), so its objective differs very slightly from the canonical one.

**λ sequence.** 100 values log-spaced from λ_max = max_j |x_jᵀ(y − ȳ)|/(nα) down to 10⁻⁴·λ_max
(n > p) or 10⁻²·λ_max (n < p), glmnet's defaults, computed once by the generator and given
explicitly to every tool, so no tool stops its path early.

**Matched accuracy.** One evaluator (`scripts/evaluate.py`) reads every tool's coefficients and computes
the objective above on the original data at every λ. A tool's gap at a λ is (F_tool − F_best)/|F_best|,
where F_best is the lowest objective any tool reached there; the table shows the largest gap over the
path. Tolerances mean different things in each tool (glmnet's `thresh` and Occam's tolerance bound the
largest coordinate change relative to the null deviance, scikit-learn's `tol` bounds the duality gap
relative to ‖y‖² or liblinear's gradient norm), so `run.sh` divides the tolerance of any tool whose gap
exceeds 10⁻⁶ by √10 and runs it again, until every tool is within 10⁻⁶ (or has been tightened 8 times);
the tolerance in the tables is the one finally used, and the time is the time at that tolerance. Each
tool starts from the loosest tolerance on this half-decade grid that met the rule when `run.sh` was
calibrated (`start_tol`), so no tool is timed at a tighter setting than the rule needs.
A scikit-learn logistic path that passes its time limit is stopped: its gap then covers only the
λ values it reached and its time is a lower bound.

**Timing.** Only the fit is timed, with the data already in memory in the layout the tool wants
(R matrix or `dgCMatrix`; numpy Fortran-ordered array, C-ordered for `LogisticRegression`, CSR for
sparse; Occam `DenseMatrix`/`SparseMatrix`), in one process per tool and task. Each tool fits up to 3
times (fewer when the fits pass 120 s); the first run is shown separately — for the JVM it includes
compiling the solver — and *fit s* is the best of the later runs (the only run when there was one).
CPU s is the process CPU time (all threads) of the same run.

**Memory.** Resident set size (VmRSS) once the data are loaded, and the peak (VmHWM) from then on —
each tool resets its peak through `/proc/self/clear_refs` after loading, so the peak is that of
fitting with the data in memory. For the JVM the peak includes heap not yet collected (`-Xmx6g`).
"""

HOW_TO_RUN = r"""
## How to run

Requirements: Java 17 and Maven, R with glmnet 4.1 and Matrix (`Rscript`), and Debian's system
Python `/usr/bin/python3` with scikit-learn 1.2, numpy and scipy (the `python3` first on PATH may be
a different one). About 2 GB of disk for `bench-data/` and 8 GB of memory. `run.sh` installs what
is missing of OpenBLAS, numpy, R's glmnet and scikit-learn from Debian's packages when it runs as
root with `apt-get` (the peers' BLAS and Occam's must be OpenBLAS for the times to compare), and
otherwise stops and names them.

    occam-bench/run.sh                                   # everything: build, data, all tasks, report
    occam-bench/run.sh --tasks "a-lasso c-lasso"         # some tasks (the report keeps the others' last results)
    occam-bench/run.sh --tools "occam glmnet" --runs 5   # some tools, more repetitions
    occam-bench/run.sh --from-defaults                   # start every tool at its default tolerance

Environment: `BENCH_THREADS` (default 2), `SKLEARN_TIME_LIMIT` (seconds, default 900),
`TOOL_TIMEOUT` (default 3600), `JAVA_OPTS` (default `-Xmx6g`). A full run takes on the order of an
hour on 2 cores, most of it in scikit-learn's per-λ logistic fits and in the sparse task (d).
Run nothing else heavy meanwhile: the times are wall-clock.

The pieces can be run alone:

    java -cp occam-bench/target/occam-bench.jar dev.occam.bench.DataGenerator bench-data [a b c d] [--force]
    java -cp occam-bench/target/occam-bench.jar dev.occam.bench.PathBench --data bench-data/a --task a-lasso \
         --alpha 1 --tolerance 1e-8 --runs 3 --coef-out bench-out/a-lasso/occam.f64
    Rscript occam-bench/scripts/bench_glmnet.R --data bench-data/a --task a-lasso --alpha 1 --tolerance 1e-7 \
         --runs 3 --coef-out bench-out/a-lasso/glmnet.f64
    /usr/bin/python3 occam-bench/scripts/bench_sklearn.py --data bench-data/a --task a-lasso --alpha 1 \
         --tolerance 1e-4 --runs 3 --coef-out bench-out/a-lasso/sklearn.f64
    /usr/bin/python3 occam-bench/scripts/evaluate.py --data bench-data/a --alpha 1 --dir bench-out/a-lasso \
         --tools occam glmnet sklearn

Data layout (`bench-data/<set>/`): `X.f64` (dense, n·p little-endian float64, column-major) or
`colptr.i32`, `rowind.i32`, `values.f64` (sparse CSC, 0-based), `y.f64`, `beta.f64` (the true
coefficients), `lambda-alpha<α>.f64` and `meta.json`. Coefficient files (`bench-out/<task>/<tool>.f64`):
one row [b0, w_1 … w_p] of float64 per λ.

Kernel microbenchmarks (JMH; not run by `run.sh`):

    java -jar occam-bench/target/occam-bench.jar 'dev.occam.bench.kernels.*'

None of this runs in CI or in the unit tests: speed is never asserted by a test.
"""

if __name__ == "__main__":
    main()
