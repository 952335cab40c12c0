#!/usr/bin/env python3
"""Regenerate crates/score/tests/fixtures/*.json: expected scores computed
independently of the Rust code, with numpy (TF-IDF, cosine, word overlap,
centroid) and networkx.pagerank (TextRank, LexRank).

Usage, from anywhere:

    python3 crates/score/scripts/gen_fixtures.py

The script makes its own virtual environment (in $MULTISUM_FIXTURE_VENV, or
~/.cache/multisum-score/fixture-venv), installs pinned networkx, numpy and
scipy from PyPI into it, and re-runs itself there. Output is deterministic:
the sentence sets come from fixed seeds, and running it twice gives the
same files.

Definitions (they mirror the crate's documentation, not its code):

- bag: token -> count per sentence; tokens compared exactly.
- df over sentences (N = number of sentences) or documents (N = number of
  distinct documents).
- idf: standard ln(N / df) (0 if df = 0); smooth ln((1 + N) / (1 + df)) + 1.
- tf: raw count, log 1 + ln(count), boolean 1.
- vector: tf * idf, zero weights dropped, L2-normalised; cosine = dot
  product clamped to [0, 1].
- TextRank: undirected graph, edge i-j (i != j) weighted by the similarity
  when it is > 0; word overlap = |distinct shared tokens| /
  (ln len_i + ln len_j), or the overlap itself when that denominator is 0.
- LexRank (Erkan & Radev 2004): edges i-j for all i <= j (self-loops
  included, as in the paper's cosine matrix); thresholded: weight 1 when
  cosine > threshold; continuous: weight cosine when > 0.
- PageRank: networkx.pagerank(alpha=damping, weight="weight", tol=1e-13),
  dangling nodes spread uniformly (networkx's default).
- centroid: mean of the normalised vectors, optionally only its top-k terms
  (ties to the term first seen); score = cosine(sentence, centroid).
- tfidf: sum, or mean over distinct terms, of tf * idf (not normalised).
"""

import json
import math
import os
import pathlib
import random
import subprocess
import sys

PINS = ["networkx==3.6.1", "numpy==2.4.6", "scipy==1.17.1"]
HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "tests" / "fixtures"


def ensure_venv():
    """Re-run this script inside a venv with the pinned packages."""
    if os.environ.get("MULTISUM_FIXTURE_IN_VENV") == "1":
        return
    default = pathlib.Path.home() / ".cache" / "multisum-score" / "fixture-venv"
    venv = pathlib.Path(os.environ.get("MULTISUM_FIXTURE_VENV", default))
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PINS],
        check=True,
    )
    env = dict(os.environ, MULTISUM_FIXTURE_IN_VENV="1")
    sys.exit(subprocess.run([str(python), __file__, *sys.argv[1:]], env=env).returncode)


# ---------------------------------------------------------------- weighting


def vocabulary(sentences):
    """Token -> id in order of first appearance (only for tie-breaking)."""
    ids = {}
    for s in sentences:
        for t in s["tokens"]:
            ids.setdefault(t, len(ids))
    return ids


def idf_table(sentences, idf, scope):
    if scope == "sentences":
        units = [set(s["tokens"]) for s in sentences]
    else:
        docs = {}
        for s in sentences:
            docs.setdefault(s["document"], set()).update(s["tokens"])
        units = list(docs.values())
    n = len(units)
    df = {}
    for u in units:
        for t in u:
            df[t] = df.get(t, 0) + 1
    table = {}
    for t, d in df.items():
        if idf == "standard":
            table[t] = math.log(n / d)
        else:
            table[t] = math.log((1 + n) / (1 + d)) + 1
    return table


def tf(count, kind):
    return {"raw": float(count), "log": 1 + math.log(count), "boolean": 1.0}[kind]


def raw_weights(sentence, idf, kind):
    counts = {}
    for t in sentence["tokens"]:
        counts[t] = counts.get(t, 0) + 1
    return {t: tf(c, kind) * idf[t] for t, c in counts.items()}


def vectors(sentences, weighting):
    import numpy as np

    vocab = vocabulary(sentences)
    idf = idf_table(sentences, weighting["idf"], weighting["scope"])
    m = np.zeros((len(sentences), len(vocab)))
    for i, s in enumerate(sentences):
        for t, w in raw_weights(s, idf, weighting["tf"]).items():
            if w > 0:
                m[i, vocab[t]] = w
    norms = np.linalg.norm(m, axis=1)
    norms[norms == 0] = 1
    return m / norms[:, None]


def cosine_matrix(sentences, weighting):
    import numpy as np

    v = vectors(sentences, weighting)
    return np.clip(v @ v.T, 0.0, 1.0)


def overlap_matrix(sentences):
    import numpy as np

    n = len(sentences)
    m = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            a, b = sentences[i]["tokens"], sentences[j]["tokens"]
            shared = len(set(a) & set(b))
            if shared == 0:
                continue
            den = math.log(len(a)) + math.log(len(b))
            m[i, j] = shared / den if den > 0 else shared
    return m


# ------------------------------------------------------------------ scorers


def pagerank(n, edges, damping):
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    for i, j, w in edges:
        g.add_edge(i, j, weight=w)
    pr = nx.pagerank(g, alpha=damping, weight="weight", tol=1e-13, max_iter=100_000)
    return [pr[i] for i in range(n)]


def textrank(sentences, case):
    n = len(sentences)
    if case["similarity"] == "cosine":
        sim = cosine_matrix(sentences, case)
    else:
        sim = overlap_matrix(sentences)
    edges = [(i, j, sim[i, j]) for i in range(n) for j in range(i + 1, n) if sim[i, j] > 0]
    return pagerank(n, edges, case["damping"])


def lexrank(sentences, case):
    n = len(sentences)
    sim = cosine_matrix(sentences, case)
    t = case["threshold"]
    edges = []
    for i in range(n):
        for j in range(i, n):
            if t is None:
                if sim[i, j] > 0:
                    edges.append((i, j, sim[i, j]))
            elif sim[i, j] > t and sim[i, j] > 0:
                edges.append((i, j, 1.0))
    return pagerank(n, edges, case["damping"])


def centroid(sentences, case):
    import numpy as np

    if not sentences:
        return []
    v = vectors(sentences, case)
    c = v.mean(axis=0)
    k = case["top_terms"]
    if k is not None and np.count_nonzero(c) > k:
        # Heaviest first, ties to the lower term id (first appearance).
        order = sorted(range(len(c)), key=lambda t: (-c[t], t))
        keep = np.zeros_like(c)
        for t in order[:k]:
            keep[t] = c[t]
        c = keep
    norm = np.linalg.norm(c)
    if norm == 0:
        return [0.0] * len(sentences)
    return [float(np.clip(v[i] @ c / norm, 0.0, 1.0)) for i in range(len(sentences))]


def tfidf(sentences, case):
    idf = idf_table(sentences, case["idf"], case["scope"])
    out = []
    for s in sentences:
        w = raw_weights(s, idf, case["tf"])
        total = math.fsum(w.values())
        if case["aggregate"] == "mean":
            total = total / len(w) if w else 0.0
        out.append(total)
    return out


SCORERS = {"textrank": textrank, "lexrank": lexrank, "centroid": centroid, "tfidf": tfidf}

DEFAULT = {"tf": "log", "idf": "smooth", "scope": "sentences"}
PAPER = {"tf": "raw", "idf": "standard", "scope": "sentences"}
DOCS = {"tf": "boolean", "idf": "smooth", "scope": "documents"}

CASES = [
    {"scorer": "textrank", "similarity": "cosine", "damping": 0.85, **DEFAULT},
    {"scorer": "textrank", "similarity": "cosine", "damping": 0.85, **PAPER},
    {"scorer": "textrank", "similarity": "cosine", "damping": 0.5, **DOCS},
    {"scorer": "textrank", "similarity": "word_overlap", "damping": 0.85, **DEFAULT},
    {"scorer": "lexrank", "threshold": 0.1, "damping": 0.85, **DEFAULT},
    {"scorer": "lexrank", "threshold": 0.1, "damping": 0.85, **PAPER},
    {"scorer": "lexrank", "threshold": 0.3, "damping": 0.7, **DOCS},
    {"scorer": "lexrank", "threshold": None, "damping": 0.85, **DEFAULT},
    {"scorer": "lexrank", "threshold": None, "damping": 0.85, **PAPER},
    {"scorer": "centroid", "top_terms": None, **DEFAULT},
    {"scorer": "centroid", "top_terms": 3, **PAPER},
    {"scorer": "tfidf", "aggregate": "mean", **DEFAULT},
    {"scorer": "tfidf", "aggregate": "sum", **PAPER},
]


# -------------------------------------------------------------------- sets


def sentence(doc, text):
    return {"document": doc, "tokens": text.split()}


def random_set(seed, n, vocab_size, max_len, per_doc):
    """Sentences of Zipf-distributed words from a fixed seed."""
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(vocab_size)]
    weights = [1 / (r + 1) for r in range(vocab_size)]
    return [
        {"document": i // per_doc, "tokens": rng.choices(words, weights, k=rng.randint(1, max_len))}
        for i in range(n)
    ]


SETS = {
    "random_small": (
        "10 Zipf sentences over 12 words, documents of 4",
        random_set(1, 10, 12, 8, 4),
    ),
    "random_medium": (
        "30 Zipf sentences over 40 words, documents of 6",
        random_set(2, 30, 40, 12, 6),
    ),
    "random_sparse": (
        "25 sentences over 200 words: many disconnected nodes",
        random_set(3, 25, 200, 5, 5),
    ),
    "disconnected": (
        "two clusters that share no word, and an isolated sentence",
        [
            sentence(0, "ceasefire talks in moscow"),
            sentence(0, "moscow hosts ceasefire talks"),
            sentence(1, "talks on a ceasefire continue"),
            sentence(1, "markets fell sharply"),
            sentence(2, "stock markets fell again"),
            sentence(2, "volcano erupts"),
        ],
    ),
    "identical": (
        "repeated identical sentences, one with a repeated word",
        [
            sentence(0, "envoys arrive for talks"),
            sentence(1, "envoys arrive for talks"),
            sentence(2, "envoys arrive for talks"),
            sentence(0, "talks talks talks resume"),
            sentence(1, "envoys leave"),
        ],
    ),
    "single": ("a single sentence", [sentence(0, "only one sentence here")]),
    "empty_sentences": (
        "empty and one-token sentences (word overlap guard)",
        [
            sentence(0, ""),
            sentence(0, "rain"),
            sentence(1, "rain"),
            sentence(1, "rain falls today"),
            sentence(2, ""),
            sentence(2, "sun"),
        ],
    ),
    "star": (
        "a hub sentence sharing one word with each leaf",
        [
            sentence(0, "alpha beta gamma delta"),
            sentence(0, "alpha one"),
            sentence(1, "beta two"),
            sentence(1, "gamma three"),
            sentence(2, "delta four"),
        ],
    ),
    "ubiquitous": (
        "a word in every sentence: zero under standard IDF",
        [
            sentence(0, "the war the talks"),
            sentence(0, "the talks stall"),
            sentence(1, "the envoys"),
            sentence(1, "the end"),
        ],
    ),
    "no_sentences": ("no sentences at all", []),
}


def render(fixture):
    """JSON with one line per sentence and per case, for readable diffs."""
    lines = ["{"]
    for key in ("name", "description", "generator"):
        lines.append(f" {json.dumps(key)}: {json.dumps(fixture[key])},")
    for key in ("sentences", "cases"):
        items = [f"  {json.dumps(x)}" for x in fixture[key]]
        close = "]," if key == "sentences" else "]"
        lines.append(f" {json.dumps(key)}: [" + ("" if items else close))
        if items:
            lines.append(",\n".join(items))
            lines.append(f" {close}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    ensure_venv()
    import networkx
    import numpy

    OUT.mkdir(parents=True, exist_ok=True)
    for name, (description, sentences) in SETS.items():
        cases = []
        for case in CASES:
            expected = SCORERS[case["scorer"]](sentences, case)
            cases.append({**case, "expected": [float(x) for x in expected]})
        fixture = {
            "name": name,
            "description": description,
            "generator": f"gen_fixtures.py, networkx {networkx.__version__}, numpy {numpy.__version__}",
            "sentences": sentences,
            "cases": cases,
        }
        path = OUT / f"{name}.json"
        path.write_text(render(fixture))
        print(f"wrote {path.relative_to(HERE.parent)} ({len(sentences)} sentences)")


if __name__ == "__main__":
    main()
