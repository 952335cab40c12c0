#!/usr/bin/env bash
# How right multisum's citations are, on clusters whose facts were annotated
# by reading: every <cluster>.json of the annotation folder (default
# ../shared/eval/citations, documents in ../shared/eval/duc2006/<cluster>/docs)
# and corpus/ceasefire-talks (its facts.json), each summarized at 6 and 10
# sentences, without and with --model, and scored by the annotation's
# check.py (see its README: precision of the citations of other reports,
# recall of the reports stating each annotated sentence's facts, facts said
# twice).
#
#   scripts/eval-citations.sh [--sentences "6 10"] [--model DIR|--no-model] [-v] [-- OPTIONS...]
#
# OPTIONS go to `multisum summarize` as they are. --model DIR names the
# model (default models/all-MiniLM-L6-v2; skipped with a note when it is not
# there); -v prints check.py's list of every wrong, missing and repeated
# citation after the tables. Prints one Markdown table per setting (a row
# per cluster and budget, then the total over the DUC 2006 clusters).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
SHARED=${MULTISUM_SHARED:-$(cd "$ROOT/.." && pwd)/shared}
GOLD=$SHARED/eval/citations
DUC=$SHARED/eval/duc2006
MODEL=$ROOT/models/all-MiniLM-L6-v2
SIZES="6 10"
VERBOSE=0
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sentences) SIZES=$2; shift 2 ;;
    --model) MODEL=$2; shift 2 ;;
    --no-model) MODEL=""; shift ;;
    -v) VERBOSE=1; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "eval-citations: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$GOLD/check.py" ] || { echo "eval-citations: no annotations at $GOLD" >&2; exit 2; }

MULTISUM=${MULTISUM:-}
if [ -z "$MULTISUM" ]; then
  (cd "$ROOT" && cargo build --release --locked -q -p multisum) >&2
  MULTISUM=${CARGO_TARGET_DIR:-$ROOT/target}/release/multisum
fi
if [ -n "$MODEL" ] && [ ! -f "$MODEL/model.safetensors" ]; then
  echo "eval-citations: no model in $MODEL (scripts/fetch-model.sh installs it): --model runs skipped" >&2
  MODEL=""
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Clusters: name, annotation, input.
CLUSTERS=()
for gold in "$GOLD"/*.json; do
  name=$(basename "$gold" .json)
  [ -d "$DUC/$name/docs" ] && CLUSTERS+=("$name|$gold|$DUC/$name/docs")
done
if [ -f "$ROOT/corpus/ceasefire-talks/facts.json" ]; then
  CLUSTERS+=("corpus|$ROOT/corpus/ceasefire-talks/facts.json|corpus/ceasefire-talks")
fi

SETTINGS=("words")
[ -n "$MODEL" ] && SETTINGS+=("model")
for setting in "${SETTINGS[@]}"; do
  with=()
  [ "$setting" = model ] && with=(--model "$MODEL")
  : >"$WORK/results"
  for entry in "${CLUSTERS[@]}"; do
    IFS='|' read -r name gold input <<<"$entry"
    for n in $SIZES; do
      out=$WORK/$setting-$name-$n
      (cd "$ROOT" && env -u MULTISUM_MODEL "$MULTISUM" summarize --format json --sentences "$n" \
        "${with[@]}" "${EXTRA[@]}" "$input" >"$out.json")
      (cd "$ROOT" && python3 "$GOLD/check.py" "$gold" "$out.json" -v >"$out.check")
      echo "$name $n $(tail -n 1 "$out.check")" >>"$WORK/results"
    done
  done
  echo
  echo "### citations by ${setting}$([ "$setting" = model ] && echo " (--model)")"
  echo
  python3 - "$WORK/results" <<'EOF'
import sys
rows = []
for line in open(sys.argv[1]):
    name, n, *fields = line.split()
    rows.append((name, int(n), dict(f.split("=") for f in fields)))
keys = ["sentences", "annotated", "repeats", "span_errors", "tp", "fp", "got", "exp",
        "words_tp", "words_fp", "meaning_tp", "meaning_fp"]
def ratio(a, b):
    return f"{a / b:.2f}" if b else "–"
print("| cluster | sentences | annotated | repeated facts | precision (tp/all) | recall (got/exp) | by words tp/fp | by meaning tp/fp |")
print("|---|---|---|---|---|---|---|---|")
def row(label, n, d):
    v = {k: int(d.get(k, 0)) for k in keys}
    print(f"| {label} | {n} | {v['annotated']}/{v['sentences']} | {v['repeats']} "
          f"| {ratio(v['tp'], v['tp'] + v['fp'])} ({v['tp']}/{v['tp'] + v['fp']}) "
          f"| {ratio(v['got'], v['exp'])} ({v['got']}/{v['exp']}) "
          f"| {v['words_tp']}/{v['words_fp']} | {v['meaning_tp']}/{v['meaning_fp']} |")
    if v["span_errors"]:
        print(f"| (span errors: {v['span_errors']}) | | | | | | | |")
for name, n, d in rows:
    row(name, n, d)
total = {}
for name, n, d in rows:
    if name == "corpus":
        continue
    for k in keys:
        total.setdefault(n, {}).setdefault(k, 0)
        total[n][k] += int(d.get(k, 0))
for n, d in sorted(total.items()):
    row("**DUC 2006 together**", n, d)
both = {k: sum(d[k] for d in total.values()) for k in keys}
row("**DUC 2006, 6 and 10**", "all", both)
EOF
  if [ "$VERBOSE" = 1 ]; then
    for f in "$WORK"/"$setting"-*.check; do
      echo
      echo "#### $(basename "$f" .check)"
      sed '$d' "$f"
    done
  fi
done
