#!/usr/bin/env python3
"""multisum's Python package against sumy LexRank in one Python process,
side by side: the corpus (6 sentences) and the DUC 2006 clusters (250
words each, every cluster in one call of each per run). Prints a Markdown
table of median wall times over --runs runs (default 5).

  scripts/bench-python.sh [--runs N]      (installs both into one virtualenv, then runs this)
"""
import argparse
import glob
import os
import statistics
import sys
import time
import tomllib

import multisum

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("MULTISUM_SHARED") or os.path.join(ROOT, "..", "shared")
sys.path.insert(0, os.path.join(SHARED, "peers"))
import run_sumy  # noqa: E402


def corpus():
    d = os.path.join(ROOT, "corpus", "ceasefire-talks")
    with open(os.path.join(d, "manifest.toml"), "rb") as f:
        manifest = tomllib.load(f)
    return [open(os.path.join(d, r["file"]), encoding="utf-8").read() for r in manifest["report"]]


def duc():
    clusters = []
    for c in sorted(glob.glob(os.path.join(SHARED, "eval", "duc2006", "*", "docs"))):
        clusters.append([open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(c, "*")))])
    return clusters


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    workloads = [("corpus (5 reports, 6 sentences)", [corpus()], {"sentences": 6}, (6, 0))]
    clusters = duc()
    if clusters:
        workloads.append((f"DUC 2006 ({len(clusters)} clusters, 250 words)", clusters, {"words": 250}, (0, 250)))
    print("| workload | multisum.summarize | sumy LexRank | ratio |")
    print("|---|---:|---:|---:|")
    for name, sets, options, (sentences, words) in workloads:
        ours = median_time(lambda: [multisum.summarize(s, **options) for s in sets], args.runs)
        theirs = median_time(
            lambda: [run_sumy.summarize("\n\n".join(s), "lexrank", sentences, words, "punkt") for s in sets],
            args.runs,
        )
        print(f"| {name} | {ours * 1000:.1f} ms | {theirs * 1000:.1f} ms | {theirs / ours:.0f}× |")


if __name__ == "__main__":
    main()
