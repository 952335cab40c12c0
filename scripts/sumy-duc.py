#!/usr/bin/env python3
"""Summarize DUC-style clusters with sumy, one process for many clusters.

Usage: sumy-duc.py PEERS_DIR OUT_DIR METHOD WORDS CLUSTER_DIR [CLUSTER_DIR ...]

Runs ../shared/peers/run_sumy.py's own pipeline (offline Punkt splitter,
Treebank words, sumy's stemmer and stopwords, best-rated sentences until
WORDS words) on CLUSTER_DIR/docs and writes OUT_DIR/<cluster>.txt with one
selected sentence per line, in document order. run_sumy.py prints the same
sentences joined on one line and cut to WORDS words; ROUGE's -l WORDS cut
gives the same n-grams, and ROUGE-L sees the sentence boundaries. Existing
output files are kept (delete them to recompute).
"""
import os
import sys


def main():
    peers, out, method, words, *clusters = sys.argv[1:]
    sys.path.insert(0, peers)
    import run_sumy  # noqa: E402  (needs the peers venv: sumy, nltk)

    os.makedirs(out, exist_ok=True)
    for c in clusters:
        name = os.path.basename(os.path.normpath(c))
        path = os.path.join(out, name + ".txt")
        if os.path.exists(path) and os.path.getsize(path) > 0:
            continue
        text = run_sumy.read_dir(os.path.join(c, "docs"))
        sentences = run_sumy.summarize(text, method, 0, int(words), "punkt")
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            for s in sentences:
                f.write(" ".join(s.split()) + "\n")
        os.replace(tmp, path)


if __name__ == "__main__":
    main()
