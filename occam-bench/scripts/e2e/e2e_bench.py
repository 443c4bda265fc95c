#!/usr/bin/python3
"""End-to-end benchmark (issue 11): from a CSV file to a written lasso path, as whole processes.

Runs, in turn and RUNS times each, on every data file:
  occam            bin/occam path --data F --target y --out OUT --quiet
  sklearn-numpy    numpy.loadtxt + sklearn lasso_path (e2e_sklearn.py ... numpy)
  sklearn-pandas   pandas.read_csv + sklearn lasso_path (e2e_sklearn.py ... pandas)
  glmnet           data.table::fread + glmnet (e2e_glmnet.R)
A .parquet file (the Parquet twin of a CSV file) is read by Occam, by pandas.read_parquet when pyarrow
or fastparquet imports (sklearn-pandas) and by arrow::read_parquet when R's arrow loads (glmnet); the
tools that cannot read Parquet are left out of its rows, and its ratio is to the fastest peer on
the Parquet file, or on the CSV twin when no peer reads Parquet.
and, for Occam's phases, E2ePhases (read, fit, write timed inside a fresh JVM with bin/occam's JVM
options) and the start-up of the command line (`occam --version`, `occam predict` on 10 rows).

Wall time and peak memory of each process come from the operating system (os.wait4); the peers'
in-interpreter phases from the JSON line their scripts print. Medians are reported. Writes
bench-out/e2e/results-<time>.json and the end-to-end section of docs/benchmarks.md
(after report.py's end marker, between this script's own markers).

usage: e2e_bench.py ROOT DATA_DIR OUT_DIR RUNS TOOLS FILES...
"""
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time

BEGIN = "<!-- begin of the end-to-end section written by occam-bench/scripts/e2e/e2e_bench.py -->"
END = "<!-- end of the end-to-end section written by occam-bench/scripts/e2e/e2e_bench.py -->"
SLOW_RUN = 120.0   # a tool whose first run takes longer runs only once on that file


def run_measured(cmd, env=None):
    """Runs cmd and returns (wall, peak MiB, status, stdout) with the child's own rusage (os.wait4)."""
    t0 = time.perf_counter()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.dup2(w, 1)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(r)
        try:
            os.execvpe(cmd[0], cmd, env if env is not None else os.environ)
        finally:
            os._exit(127)
    os.close(w)
    chunks = []
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        chunks.append(b)
    os.close(r)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write(f"{' '.join(cmd)}: exit {code}\n")
    return wall, usage.ru_maxrss / 1024.0, code, b"".join(chunks).decode(errors="replace")


def last_json(text):
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    return {}


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def main():
    root, data_dir, out_dir, runs, tools = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5].split()
    files = sys.argv[6:]
    scripts = os.path.join(root, "occam-bench", "scripts", "e2e")
    occam = os.path.join(root, "bin", "occam")
    bench_jar = os.path.join(root, "occam-bench", "target", "occam-bench.jar")
    os.makedirs(out_dir, exist_ok=True)
    parquet_peers = {t for t, check in (("sklearn-pandas", ["/usr/bin/python3", "-c", "import pandas; pandas.io.parquet.get_engine('auto')"]),
                                         ("glmnet", ["Rscript", "-e", "library(arrow)"]))
                     if subprocess.run(check, capture_output=True).returncode == 0}
    out_csv = os.path.join(out_dir, "path-out.csv")
    # E2ePhases runs with bin/occam's JVM options for `path` on that file: the vector module for a data
    # file of 256 MB or more, else (a short run) plain kernels and the JIT's first tier only
    java_opts = ["-XX:+UseParallelGC", "-XX:+UseTransparentHugePages"]
    vector_opts = ["--add-modules", "jdk.incubator.vector"]
    short_opts = ["-XX:TieredStopAtLevel=1"]
    commands = {
        "occam": lambda f: [occam, "path", "--data", f, "--target", "y", "--out", out_csv, "--quiet"],
        "sklearn-numpy": lambda f: ["/usr/bin/python3", os.path.join(scripts, "e2e_sklearn.py"), f, "y", out_csv, "numpy"],
        "sklearn-pandas": lambda f: ["/usr/bin/python3", os.path.join(scripts, "e2e_sklearn.py"), f, "y", out_csv,
                                     "parquet" if f.endswith(".parquet") else "pandas"],
        "glmnet": lambda f: ["Rscript", os.path.join(scripts, "e2e_glmnet.R"), f, "y", out_csv],
    }
    results = {"time": datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ"),
               "commit": subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True,
                                        text=True).stdout.strip(),
               "machine": f"{os.cpu_count()} processors, {platform.machine()}, {platform.platform()}",
               "runs": runs, "files": {}, "startup": {}, "parquet_peers": sorted(parquet_peers),
               "load_start": os.getloadavg()}

    # Start-up of the command line: --version, and predict on a 10-row file with a fitted model.
    small = os.path.join(data_dir, "small10.csv")
    model = os.path.join(out_dir, "small-model.json")
    with open(files[0]) as src, open(small, "w") as dst:
        for _ in range(11):
            dst.write(src.readline())
    subprocess.run([occam, "fit", "--data", files[0], "--target", "y", "--lambda", "0.05", "--out", model, "--quiet"],
                   check=True)
    startup = {"version": [], "predict": []}
    for _ in range(max(runs, 5)):
        startup["version"].append(run_measured([occam, "--version"])[0])
        startup["predict"].append(run_measured([occam, "predict", "--model", model, "--data", small,
                                                "--out", os.path.join(out_dir, "pred.csv"), "--quiet"])[0])
    results["startup"] = {k: {"median": median(v), "min": min(v), "max": max(v), "runs": v} for k, v in startup.items()}
    print(f"start-up: --version {median(startup['version']):.3f} s, predict (10 rows) {median(startup['predict']):.3f} s",
          flush=True)

    for f in files:
        size_mb = os.path.getsize(f) / 1e6
        entry = {"size_mb": size_mb, "tools": {}}
        parquet = f.endswith(".parquet")
        with open(f[:-len(".parquet")] + ".csv" if parquet else f) as src:
            p = len(src.readline().split(",")) - 1
        entry["p"] = p
        file_tools = [t for t in tools if not parquet or t == "occam" or t in parquet_peers]
        samples = {t: [] for t in file_tools}
        phases = []
        slow = set()
        for r in range(runs):
            for t in file_tools:
                if t in slow:
                    continue
                wall, rss, code, out = run_measured(commands[t](f))
                samples[t].append({"wall": wall, "rss": rss, "status": code, "phases": last_json(out) if code == 0 else {}})
                print(f"{os.path.basename(f)} run {r + 1} {t}: {wall:.2f} s, {rss:.0f} MiB, exit {code}", flush=True)
                if r == 0 and wall > SLOW_RUN:
                    slow.add(t)
            if "occam" in tools:
                env = dict(os.environ)
                opts = java_opts + (vector_opts if os.path.getsize(f) >= 256 * 1024 * 1024 else short_opts)
                wall, rss, code, out = run_measured(["java", *opts, "-cp", bench_jar, "dev.occam.bench.E2ePhases",
                                                     f, "y", out_csv], env)
                if code == 0:
                    phases.append(last_json(out))
        for t in file_tools:
            ok = [s for s in samples[t] if s["status"] == 0]
            if not ok:
                entry["tools"][t] = {"failed": True}
                continue
            keys = sorted({k for s in ok for k in s["phases"]})
            entry["tools"][t] = {
                "wall": median([s["wall"] for s in ok]), "wall_min": min(s["wall"] for s in ok),
                "wall_max": max(s["wall"] for s in ok), "rss": median([s["rss"] for s in ok]), "runs": len(ok),
                "phases": {k: median([s["phases"].get(k) for s in ok]) for k in keys},
            }
        if phases:
            entry["occam_phases"] = {k: median([ph[k] for ph in phases]) for k in ("read", "fit", "write")}
            n = phases[0]["n"]
            entry["n"] = n
        results["files"][os.path.basename(f)] = entry

    results["load_end"] = os.getloadavg()
    stamp = results["time"]
    with open(os.path.join(out_dir, f"results-{stamp}.json"), "w") as fh:
        json.dump(results, fh, indent=1)
    write_section(os.path.join(root, "docs", "benchmarks.md"), carry_over(results, out_dir))


def carry_over(res, out_dir):
    """The results with the files of the latest earlier run in out_dir that this run left out (--sizes
    selects some), each marked with that run's time and load, in that run's order: a partial run
    updates its own rows of the section and keeps the others."""
    earlier = sorted(f for f in os.listdir(out_dir) if f.startswith("results-") and f.endswith(".json")
                     and f < f"results-{res['time']}.json")
    if not earlier:
        return res
    with open(os.path.join(out_dir, earlier[-1])) as fh:
        prev = json.load(fh)
    files = {}
    for name, entry in prev.get("files", {}).items():
        if name in res["files"]:
            files[name] = res["files"][name]
        else:
            files[name] = dict(entry, from_run=entry.get("from_run", prev["time"]),
                               from_load=entry.get("from_load", prev.get("load_start")),
                               from_startup=entry.get("from_startup", prev["startup"]["predict"]["median"]))
    for name, entry in res["files"].items():
        files.setdefault(name, entry)
    return dict(res, files=files)


def fmt(x, digits=2):
    return "–" if x is None else f"{x:.{digits}f}"


def load_note(res):
    """The machine's load average (1, 5, 15 min) at the start and the end of the run: on a shared machine
    the wall times are only as good as it was quiet."""
    if "load_start" not in res:
        return ""
    a, b = res["load_start"], res.get("load_end", res["load_start"])
    return (f" Load average (1/5/15 min, on {res['machine'].split(',')[0]}): {a[0]:.1f}/{a[1]:.1f}/{a[2]:.1f} at the start, "
            f"{b[0]:.1f}/{b[1]:.1f}/{b[2]:.1f} at the end.")


def write_section(doc, res):
    md = [BEGIN, "", "## End to end: from a CSV file to a written path (issue 11)", "",
          f"Run {res['time']} (commit {res['commit']}), {res['runs']} runs of each tool per file, in turn; "
          f"medians of whole-process wall time from the operating system. Machine: {res['machine']}. "
          "Each tool reads the CSV, fits its default gaussian lasso path (100 λ down to 10⁻⁴ λ_max, standardized "
          "features) and writes the path as CSV. Generated by `occam-bench/scripts/e2e/run_e2e.sh`."
          + load_note(res), ""]
    st = res["startup"]
    md += [f"Occam's start-up (whole process): `occam predict` on a 10-row file {fmt(st['predict']['median'], 3)} s "
           f"(min {fmt(st['predict']['min'], 3)}, max {fmt(st['predict']['max'], 3)}; the start-up column of Occam's "
           f"rows below), `occam --version` {fmt(st['version']['median'], 3)} s (it also looks up the BLAS).", ""]
    for name, e in res["files"].items():
        tools = e["tools"]
        peers = {t: v for t, v in tools.items() if t != "occam" and not v.get("failed")}
        if name.endswith(".parquet") and not peers:
            # no peer reads Parquet here: compare with the peers on the CSV of the same table
            twin = res["files"].get(name[:-len(".parquet")] + ".csv", {}).get("tools", {})
            peers = {t + " (CSV)": v for t, v in twin.items() if t != "occam" and not v.get("failed")}
        fastest = min(peers.items(), key=lambda kv: kv[1]["wall"]) if peers else None
        occ = tools.get("occam", {})
        md += [f"### {name}: {e.get('n', '?')} rows × {e['p']} features, {e['size_mb']:.1f} MB", ""]
        if "from_run" in e:
            load = e.get("from_load")
            md += [f"Not rerun: carried over from run {e['from_run']}"
                   + (f" (load average {load[0]:.1f} at its start)" if load else "") + ".", ""]
        if name.endswith(".parquet"):
            missing = [t for t in ("sklearn-pandas", "glmnet") if t not in res.get("parquet_peers", [])]
            if missing:
                md += ["Parquet twin of the CSV above (SNAPPY, DOUBLE columns). Not run on it, for want of a Parquet "
                       "reader from Debian: " + ", ".join(missing) + " (pandas.read_parquet needs pyarrow or fastparquet, "
                       "R needs arrow; Debian 12 packages none of them).", ""]
        md += ["| tool | whole process s (min–max) | peak MiB | start-up / imports s | read s | fit s | write s | Occam ÷ tool |",
               "|---|---|---|---|---|---|---|---|"]
        for t, v in tools.items():
            if v.get("failed"):
                md.append(f"| {t} | failed | | | | | | |")
                continue
            ph = v["phases"]
            if t == "occam" and "occam_phases" in e:
                ph = e["occam_phases"]
                # the whole of a small command: JVM, CLI, a model read (of the run the row comes from)
                imports = e.get("from_startup", st["predict"]["median"])
            else:
                imports = ph.get("imports")
            ratio = occ["wall"] / v["wall"] if occ.get("wall") else None
            md.append(f"| {t} | {fmt(v['wall'])} ({fmt(v['wall_min'])}–{fmt(v['wall_max'])}) | {fmt(v['rss'], 0)} | "
                      f"{fmt(imports)} | {fmt(ph.get('read'))} | {fmt(ph.get('fit'))} | {fmt(ph.get('write'))} | "
                      f"{fmt(ratio)} |")
        if fastest and occ.get("wall"):
            target = 1.0 if e["size_mb"] < 20 else 0.5
            r = occ["wall"] / fastest[1]["wall"]
            inside = {t: (v["phases"].get("read") or 0) + (v["phases"].get("fit") or 0) for t, v in peers.items()}
            md += ["", f"Occam ÷ fastest peer ({fastest[0]}) = **{r:.2f}** (target ≤ {target}: "
                       f"{'met' if r <= target else 'not met'}). Peers' in-interpreter read + fit: "
                   + ", ".join(f"{t} {s:.2f} s" for t, s in inside.items()) + "."]
            if "occam_phases" in e and e["occam_phases"]["read"]:
                md += [f"Occam's {'Parquet read' if name.endswith('.parquet') else 'parse'} speed, cold (one read in a fresh JVM): "
                       f"{e['size_mb'] / e['occam_phases']['read']:.0f} MB/s."]
        md.append("")
    md.append(END)
    section = "\n".join(md) + "\n"
    with open(doc) as fh:
        old = fh.read()
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        new = head + section.rstrip("\n") + tail
    else:
        new = old.rstrip("\n") + "\n\n" + section
    with open(doc, "w") as fh:
        fh.write(new)


if __name__ == "__main__":
    main()
