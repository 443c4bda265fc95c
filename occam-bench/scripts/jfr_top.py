#!/usr/bin/python3
"""Summarizes a Java Flight Recorder file: where the sampled CPU time of the Java threads went.

Prints a Markdown table of the methods with the most execution samples, both "self" (the method
was on top of the stack) and "total" (it was anywhere on the stack), as shares of all samples.
run.sh records Occam with JFR on the tasks where the target is not met, so the report can say what
dominates there.

Usage: jfr_top.py FILE.jfr [--top 12] [--package dev.occam]
"""
import argparse
import collections
import json
import subprocess


def main():
    ap = argparse.ArgumentParser(description="top methods of a JFR recording")
    ap.add_argument("jfr")
    ap.add_argument("--top", type=int, default=12)
    ap.add_argument("--package", default="",
                    help="for 'total', count only methods whose class starts with this prefix")
    a = ap.parse_args()
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", a.jfr],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    self_count, total_count = collections.Counter(), collections.Counter()
    samples = 0
    for e in events:
        frames = (e["values"].get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        samples += 1
        names, classes = [], []
        for f in frames:
            m = f["method"]
            cls = m["type"]["name"].replace("/", ".")   # JFR writes internal names: dev/occam/glm/X
            classes.append(cls)
            names.append("%s.%s" % (cls.rsplit(".", 1)[-1], m["name"]))
        self_count[names[0]] += 1
        seen = set()
        for cls, name in zip(classes, names):
            if name in seen or not cls.startswith(a.package):
                continue
            seen.add(name)
            total_count[name] += 1
    if samples == 0:
        print("(no execution samples)")
        return
    print("%d samples of Java threads.\n" % samples)
    print("| method (self: on top of the stack) | self | | method (total: anywhere on the stack) | total |")
    print("|---|---:|---|---|---:|")
    tops = self_count.most_common(a.top)
    totals = total_count.most_common(a.top)
    for k in range(max(len(tops), len(totals))):
        s = tops[k] if k < len(tops) else ("", 0)
        t = totals[k] if k < len(totals) else ("", 0)
        print("| %s | %s | | %s | %s |" % ("`%s`" % s[0] if s[0] else "", "%.0f %%" % (100.0 * s[1] / samples) if s[0] else "",
                                          "`%s`" % t[0] if t[0] else "", "%.0f %%" % (100.0 * t[1] / samples) if t[0] else ""))


if __name__ == "__main__":
    main()
