#!/usr/bin/env bash
# Every disagreement multisum flags, for reading one by one: the corpus
# (its manifest) and DUC 2006 event clusters, each summarized at 10
# sentences, each DUC report dated by its document id (APW20000814.0117 →
# 2000-08-14, the wire's own date). Prints, per cluster, each summary
# sentence that has disagreements, then each: relation, kind, our value,
# theirs, and the report's sentence.
#
# Usage: scripts/eval-disagreements.sh [--sentences N] [CLUSTER...]
#   CLUSTER: DUC 2006 cluster ids (default: the event clusters d0617h d0626h
#   d0631d d0640d d0624f d0647b) under ../shared/eval/duc2006.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DUC=${DUC:-$ROOT/../shared/eval/duc2006}
N=10
if [ "${1:-}" = "--sentences" ]; then N=$2; shift 2; fi
CLUSTERS=("$@")
[ ${#CLUSTERS[@]} -gt 0 ] || CLUSTERS=(d0617h d0631d d0640d d0626h d0624f d0647b d0604d d0649d)
(cd "$ROOT" && cargo build --release --locked -q -p multisum) >&2
MULTISUM=${CARGO_TARGET_DIR:-$ROOT/target}/release/multisum
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 - "$DUC" "$TMP/in.jsonl" "${CLUSTERS[@]}" <<'PY'
import json, os, re, sys
duc, out, clusters = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(out, "w") as f:
    for c in clusters:
        docs = []
        folder = os.path.join(duc, c, "docs")
        for name in sorted(os.listdir(folder)):
            doc = {"id": name[:-4] if name.endswith(".txt") else name,
                   "text": open(os.path.join(folder, name), encoding="utf-8").read()}
            m = re.match(r"[A-Z]+(\d{4})(\d{2})(\d{2})", name)
            if m:
                doc["date"] = "-".join(m.groups())
            docs.append(doc)
        f.write(json.dumps({"id": c, "documents": docs}) + "\n")
PY
(cd "$ROOT" && "$MULTISUM" batch -q --sentences "$N" --input "$TMP/in.jsonl" >"$TMP/duc.jsonl")
(cd "$ROOT" && "$MULTISUM" summarize --sentences "$N" --format json corpus/ceasefire-talks >"$TMP/corpus.json")

python3 - "$TMP/duc.jsonl" "$TMP/in.jsonl" "$TMP/corpus.json" "$ROOT/corpus/ceasefire-talks" <<'PY'
import json, os, sys
duc, given, corpus, corpus_dir = sys.argv[1:5]
inputs = {}
for line in open(given, encoding="utf-8"):
    c = json.loads(line)
    inputs[c["id"]] = [d["text"].encode("utf-8") for d in c["documents"]]
runs = []
for line in open(duc, encoding="utf-8"):
    s = json.loads(line)
    runs.append((s["id"], s["summary"], inputs[s["id"]]))
summary = json.load(open(corpus, encoding="utf-8"))
root = os.path.dirname(os.path.dirname(os.path.abspath(corpus_dir)))
texts = [open(os.path.join(root, src["path"]), "rb").read() for src in summary["sources"]]
runs.insert(0, ("corpus", summary, texts))
total = 0
for name, s, texts in runs:
    flagged = [x for x in s["sentences"] if x["disagreements"]]
    count = sum(len(x["disagreements"]) for x in flagged)
    total += count
    print(f"== {name}: {count} disagreements on {len(flagged)} of {len(s['sentences'])} sentences")
    for x in flagged:
        print(f"  [{x['source'] + 1}] {' '.join(x['text'].split())}")
        for d in x["disagreements"]:
            a, b = d["span"]
            said = " ".join(texts[d["source"]][a:b].decode("utf-8", "replace").split())
            print(f"    {d['relation']} {d['kind']}: ours {d['ours']!r}, [{d['source'] + 1}] {d['value']!r}: {said}")
print(f"== all: {total} disagreements")
PY
