#!/usr/bin/env python3
"""An independent forward pass of the sentence-embedding model, in NumPy.

crates/embed/tests/model.rs compares multisum-embed's cosines with the ones
this prints. It is written from the BERT paper's equations (float64, exact
GELU, mean pooling over every word piece, unit length), and shares with the
Rust side only the weights and tokenizer.json.

    python3 -m venv /tmp/ref && /tmp/ref/bin/pip install numpy tokenizers safetensors
    /tmp/ref/bin/python scripts/embed-reference.py models/all-MiniLM-L6-v2
"""
import math
import sys

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

SENTENCES = [
    "The Kremlin is studying the proposal.",
    "Moscow would be examining the terms of the agreement.",
    "Putin visited troops in Kursk.",
]


def main(model_dir):
    weights = {k: v.astype(np.float64) for k, v in load_file(model_dir + "/model.safetensors").items()}
    tokenizer = Tokenizer.from_file(model_dir + "/tokenizer.json")
    tokenizer.no_padding()
    w = weights.__getitem__
    erf = np.vectorize(math.erf)

    def layer_norm(x, name):
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * w(name + ".weight") + w(name + ".bias")

    def linear(x, name):
        return x @ w(name + ".weight").T + w(name + ".bias")

    def encode(text):
        ids = tokenizer.encode(text).ids
        n = len(ids)
        x = (w("embeddings.word_embeddings.weight")[ids]
             + w("embeddings.position_embeddings.weight")[:n]
             + w("embeddings.token_type_embeddings.weight")[0])
        x = layer_norm(x, "embeddings.LayerNorm")
        heads, size = 12, 32
        for layer in range(6):
            p = f"encoder.layer.{layer}."
            q, k, v = (linear(x, p + "attention.self." + m).reshape(n, heads, size).transpose(1, 0, 2)
                       for m in ("query", "key", "value"))
            scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            attended = (scores @ v).transpose(1, 0, 2).reshape(n, heads * size)
            x = layer_norm(linear(attended, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
            h = linear(x, p + "intermediate.dense")
            h = 0.5 * h * (1 + erf(h / math.sqrt(2)))
            x = layer_norm(linear(h, p + "output.dense") + x, p + "output.LayerNorm")
        mean = x.mean(0)
        return mean / np.linalg.norm(mean)

    vectors = [encode(s) for s in SENTENCES]
    for i in range(len(SENTENCES)):
        for j in range(i + 1, len(SENTENCES)):
            print(f"{vectors[i] @ vectors[j]:.4f}\t{SENTENCES[i]}\t{SENTENCES[j]}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "models/all-MiniLM-L6-v2")
