#!/usr/bin/env bash
# Every disagreement and update multisum makes, for reading one by one: on
# the corpus (dated by its manifest, where it has dates) and on DUC 2006
# event clusters, each summarized at 10 sentences with every report dated
# by its document id (APW20000814.0117 → 2000-08-14, the wire's own date).
# Prints, per cluster, each summary sentence with disagreements, then each
# of them (relation, kind, our value, the report's, and its sentence), and
# each update (the chosen sentence a newer report's replaced).
#
# Usage: scripts/eval-disagreements.sh [--sentences N] [CLUSTER...]
#   CLUSTER: DUC 2006 cluster ids under ../shared/eval/duc2006 (or $DUC);
#   default: the event clusters of ../shared/eval/README.md (d0617h d0631d
#   d0640d, annotated for citations, then d0626h d0624f d0647b) and two more
#   about one event (d0604d, d0649d).
# The DUC files are copied to a temporary folder, never into the repository.
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

(cd "$ROOT" && "$MULTISUM" summarize --sentences "$N" --explain --format json corpus/ceasefire-talks >"$TMP/corpus.json")
NAMES=(corpus)
for c in "${CLUSTERS[@]}"; do
  mkdir -p "$TMP/$c"
  for f in "$DUC/$c/docs"/*; do
    name=$(basename "$f")
    cp "$f" "$TMP/$c/$name"
    id=${name%.txt}
    date=$(echo "$name" | sed -nE 's/^[A-Z]+([0-9]{4})([0-9]{2})([0-9]{2}).*/\1-\2-\3/p')
    printf '[[report]]\nid = "%s"\nfile = "%s"\n' "$id" "$name" >>"$TMP/$c/manifest.toml"
    [ -z "$date" ] || printf 'date = "%s"\n' "$date" >>"$TMP/$c/manifest.toml"
    printf '\n' >>"$TMP/$c/manifest.toml"
  done
  "$MULTISUM" summarize --sentences "$N" --explain --format json "$TMP/$c" >"$TMP/$c.json"
  NAMES+=("$c")
done

python3 - "$TMP" "$ROOT" "${NAMES[@]}" <<'PY'
import json, os, sys
tmp, root, names = sys.argv[1], sys.argv[2], sys.argv[3:]
one = lambda b: " ".join(b.decode("utf-8", "replace").split())
flagged = updates = 0
for name in names:
    doc = json.load(open(os.path.join(tmp, name + ".json"), encoding="utf-8"))
    s, candidates = doc["summary"], doc["candidates"]
    texts = [open(src["path"] if os.path.isabs(src["path"]) else os.path.join(root, src["path"]), "rb").read()
             for src in s["sources"]]
    ds = [x for x in s["sentences"] if x["disagreements"]]
    ups = [c for c in candidates if c["verdict"] == "updated"]
    count = sum(len(x["disagreements"]) for x in ds)
    flagged += count
    updates += len(ups)
    print(f"== {name}: {count} disagreements on {len(ds)} of {len(s['sentences'])} sentences, {len(ups)} updates")
    for x in ds:
        print(f"  [{x['source'] + 1}] {' '.join(x['text'].split())}")
        for d in x["disagreements"]:
            a, b = d["span"]
            print(f"    {d['relation']} {d['kind']}: ours {d['ours']!r}, [{d['source'] + 1}] {d['value']!r}: "
                  f"{one(texts[d['source']][a:b])}")
            print(f"      (claim {one(texts[x['source']][d['claim'][0]:d['claim'][1]])!r}, coverage "
                  f"{d['coverage']:.2f}, words {', '.join(d['words'])})")
    for c in ups:
        w = candidates[c["with"]]
        print(f"  update: [{c['source'] + 1}] {one(texts[c['source']][c['span'][0]:c['span'][1]])}")
        print(f"      by [{w['source'] + 1}] {one(texts[w['source']][w['span'][0]:w['span'][1]])}")
print(f"== all: {flagged} disagreements, {updates} updates")
PY
