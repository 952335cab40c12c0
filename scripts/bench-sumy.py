#!/usr/bin/env python3
"""sumy over many clusters in ONE Python process (sumy's best case: the
imports are paid once), for scripts/bench.sh.

  bench-sumy.py --method lexrank --words 250 --each ROOT     every <cluster>/docs of ROOT
  bench-sumy.py --method lexrank --words 250 --merge DIR...  all DIRs as one cluster

Uses ../shared/peers/run_sumy.py (its offline tokenizer and word budget), so
each cluster is summarized exactly as `../shared/peers/sumy DIR` would.
Prints one summary per cluster (a line `== <cluster>` before each).
"""
import argparse
import os
import sys

PEERS = os.environ.get("MULTISUM_PEERS") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "peers")
sys.path.insert(0, PEERS)
import run_sumy  # noqa: E402


def docs_of(d):
    sub = os.path.join(d, "docs")
    return sub if os.path.isdir(sub) else d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--method", default="lexrank")
    ap.add_argument("--words", type=int, default=250)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--each", metavar="ROOT")
    g.add_argument("--merge", nargs="+", metavar="DIR")
    args = ap.parse_args()
    if args.each:
        names = sorted(n for n in os.listdir(args.each)
                       if not n.startswith(".") and os.path.isdir(os.path.join(args.each, n)))
        clusters = [(n, run_sumy.read_dir(docs_of(os.path.join(args.each, n)))) for n in names]
    else:
        clusters = [("merged", "\n\n".join(run_sumy.read_dir(d) for d in args.merge))]
    for name, text in clusters:
        summary = run_sumy.summarize(text, args.method, 0, args.words, "punkt")
        print(f"== {name}")
        print(" ".join(" ".join(summary).split()[: args.words]), flush=True)


if __name__ == "__main__":
    main()
