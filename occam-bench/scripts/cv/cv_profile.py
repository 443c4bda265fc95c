#!/usr/bin/python3
"""Where Occam's cross-validation spends its time, from a Java Flight Recorder file.

Counts both kinds of JFR samples, jdk.ExecutionSample (a thread running Java code) and
jdk.NativeMethodSample (a thread in native code, e.g. the BLAS behind GaussianMoments), and
charges each to the innermost dev.occam method on its stack, so that time in a JDK or BLAS call
counts for the Occam method that made it. JFR's "profile" settings sample running Java threads
every 10 ms and threads in native code every 20 ms, so a native sample stands for twice the time
(--native-weight 2). Prints a Markdown table of the top methods with their share of the sampled
thread time and how much of it was native.

Usage: cv_profile.py FILE.jfr [--top 10] [--native-weight 2]
"""
import argparse
import collections
import json
import subprocess


def frames_of(event):
    return (event["values"].get("stackTrace") or {}).get("frames") or []


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("jfr")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--native-weight", type=float, default=2.0)
    a = ap.parse_args()
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events",
                          "jdk.ExecutionSample,jdk.NativeMethodSample", a.jfr],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    charged, native = collections.Counter(), collections.Counter()
    kinds = collections.Counter()
    for e in events:
        frames = frames_of(e)
        if not frames:
            continue
        kind = "native" if e["type"] == "jdk.NativeMethodSample" else "java"
        # threads parked in the pool or waiting on a future are native samples of no interest
        top = frames[0]["method"]
        if kind == "native" and top["name"] in ("park", "park0", "wait", "wait0", "sleep", "sleep0", "accept", "poll"):
            continue
        name = None
        for f in frames:
            t = f["method"]["type"]["name"]
            if t.startswith("dev.occam") or t.startswith("dev/occam"):
                name = "%s.%s" % (t.replace("/", ".").split(".")[-1], f["method"]["name"])
                break
        if name is None:
            name = "(outside Occam: %s)" % ("JIT/GC/JDK" if kind == "java" else "native")
        weight = a.native_weight if kind == "native" else 1.0
        kinds[kind] += 1
        charged[name] += weight
        if kind == "native":
            native[name] += weight
    total = sum(charged.values())
    print("%d samples of working threads: %d in Java code, %d in native code (each weighted %g)." % (
        kinds["java"] + kinds["native"], kinds["java"], kinds["native"], a.native_weight))
    print()
    print("| Occam method (with the JDK and native calls it made) | share | of which native |")
    print("|---|---:|---:|")
    for name, c in charged.most_common(a.top):
        print("| `%s` | %.0f %% | %.0f %% |" % (name, 100.0 * c / total, 100.0 * native[name] / total))


if __name__ == "__main__":
    main()
