#!/usr/bin/env bash
# Summarize every cluster of a DUC-style dataset with multisum (several
# settings), sumy's classic methods and lead baselines, score them all with
# `multisum eval` in the same run, and print one Markdown table.
#
#   scripts/eval-duc.sh [--out DIR] [--words N] [--jobs N] [--clusters N] [--no-sumy] [--fresh] DATASET
#
# DATASET: <cluster>/docs/*.txt and <cluster>/refs/*.txt (e.g. ../shared/eval/duc2006).
# --out DIR: where summaries go, DIR/<system>/<cluster>.txt, one sentence per
#   line (default: a new temporary folder, printed at the end). Never inside
#   the repository. sumy and lead summaries already in DIR are reused (they do
#   not depend on multisum; sumy needs ~20 s per cluster and method) unless
#   --fresh; multisum's are always recomputed.
# --clusters N: only the first N clusters by name (a quick look; sumy is slow).
# Scores: recall x100, ROUGE-1.5.5 settings -m -l N -f A -p 0.5, stopwords
#   kept, jackknifed over the references (as DUC reported), averaged over
#   clusters as ROUGE-1.5.5 prints averages.
set -euo pipefail

# ---- Systems (edit here) ------------------------------------------------------------
# multisum settings, "name|summarize arguments". Every value of
# `multisum summarize --algorithm` is added as "multisum-<algorithm>" too
# (set AUTO_ALGORITHMS=0 to turn that off).
# TOPIC in the arguments stands for the cluster's topic.txt (its question).
MULTISUM_SETTINGS=(
  "multisum|"
  "multisum-query|--query-file TOPIC"
  "multisum-mmr|--selector mmr"
  "multisum-mmr-query|--selector mmr --query-file TOPIC"
)
AUTO_ALGORITHMS=${AUTO_ALGORITHMS:-1}
SUMY_METHODS=(lexrank textrank lsa kl sumbasic)
# ------------------------------------------------------------------------------------

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
SHARED=${MULTISUM_SHARED:-$(cd "$ROOT/.." && pwd)/shared}
OUT=""
WORDS=250
JOBS=2
SUMY=1
FRESH=0
NCLUSTERS=0
DATA=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT=$2; shift 2 ;;
    --words) WORDS=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --clusters) NCLUSTERS=$2; shift 2 ;;
    --no-sumy) SUMY=0; shift ;;
    --fresh) FRESH=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "eval-duc: unknown option $1" >&2; exit 2 ;;
    *) DATA=$1; shift ;;
  esac
done
[ -n "$DATA" ] && [ -d "$DATA" ] || { echo "usage: $0 [--out DIR] [--words N] [--jobs N] [--no-sumy] [--fresh] DATASET" >&2; exit 2; }
DATA=$(cd "$DATA" && pwd)
[ -n "$OUT" ] || OUT=$(mktemp -d "${TMPDIR:-/tmp}/eval-duc.XXXXXX")
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
case "$OUT/" in "$ROOT"/*) echo "eval-duc: --out must be outside the repository" >&2; exit 2 ;; esac

MULTISUM=${MULTISUM:-}
if [ -z "$MULTISUM" ]; then
  (cd "$ROOT" && cargo build --release -q -p multisum) >&2
  MULTISUM=${CARGO_TARGET_DIR:-$ROOT/target}/release/multisum
fi
export MULTISUM WORDS OUT DATA

CLUSTERS=()
for d in "$DATA"/*/; do
  [ -d "$d/docs" ] && [ -d "$d/refs" ] && CLUSTERS+=("$(basename "$d")")
done
[ ${#CLUSTERS[@]} -gt 0 ] || { echo "eval-duc: no <cluster>/docs + refs under $DATA" >&2; exit 1; }
# The dataset multisum eval scores against: all of DATA, or a view of the
# first N clusters.
REFS=$DATA
if [ "$NCLUSTERS" -gt 0 ] && [ "$NCLUSTERS" -lt ${#CLUSTERS[@]} ]; then
  CLUSTERS=("${CLUSTERS[@]:0:NCLUSTERS}")
  REFS=$OUT/dataset-$NCLUSTERS
  rm -rf "$REFS"
  mkdir -p "$REFS"
  for c in "${CLUSTERS[@]}"; do ln -s "$DATA/$c" "$REFS/$c"; done
fi
echo "eval-duc: ${#CLUSTERS[@]} clusters, summaries in $OUT" >&2

if [ "$AUTO_ALGORITHMS" = 1 ]; then
  # Values of --algorithm, from the help text; the default one is already the
  # "multisum" row.
  algorithms=$("$MULTISUM" summarize --help | awk '
    /^ *--algorithm/ {f = 1; next}
    f && /^ *--/ {f = 0}
    f && /\[default: / {sub(/.*\[default: /, ""); sub(/\].*/, ""); def = $0}
    f && /^ *- [a-z0-9-]+/ {sub(/^ *- /, ""); sub(/[: ].*/, ""); v[++n] = $0}
    END {for (i = 1; i <= n; i++) if (v[i] != def) print v[i]}')
  for alg in $algorithms; do
    MULTISUM_SETTINGS+=("multisum-$alg|--algorithm $alg")
  done
fi

SYSTEMS=()

# multisum: the JSON output's sentences, one per line, white space collapsed.
summarize_multisum() { # name cluster args...
  local name=$1 cluster=$2; shift 2
  local args=("${@//TOPIC/$DATA/$cluster/topic.txt}")
  "$MULTISUM" summarize --words "$WORDS" --format json "${args[@]}" "$DATA/$cluster/docs" \
    | python3 -c 'import json, sys
for s in json.load(sys.stdin)["sentences"]:
    print(" ".join(s["text"].split()))' > "$OUT/$name/$cluster.txt.tmp"
  mv "$OUT/$name/$cluster.txt.tmp" "$OUT/$name/$cluster.txt"
}
export -f summarize_multisum
for setting in "${MULTISUM_SETTINGS[@]}"; do
  name=${setting%%|*}
  args=${setting#*|}
  mkdir -p "$OUT/$name"
  rm -f "$OUT/$name"/*.txt
  printf '%s\n' "${CLUSTERS[@]}" \
    | xargs -P "$JOBS" -I{} bash -c 'summarize_multisum "$@"' _ "$name" {} $args \
    || { echo "eval-duc: multisum $args failed" >&2; exit 1; }
  SYSTEMS+=("$name")
done

# Lead baselines: the first N words of one article, its paragraphs as lines.
#  lead: of the most recent article (by the date in its file name, as
#        NIST's DUC baseline: "the first 250 words of the most recent document");
#  lead-first: of the first article in name order.
lead_of() { # file
  awk -v max="$WORDS" 'BEGIN {RS = ""; n = 0}
    { line = ""; for (i = 1; i <= NF && n < max; i++) { line = line (line == "" ? "" : " ") $i; n++ }
      if (line != "") print line; if (n >= max) exit }' "$1"
}
for lead in lead lead-first; do
  mkdir -p "$OUT/$lead"
  for c in "${CLUSTERS[@]}"; do
    f="$OUT/$lead/$c.txt"
    [ "$FRESH" = 0 ] && [ -s "$f" ] && continue
    if [ "$lead" = lead ]; then
      doc=$(for p in "$DATA/$c/docs"/*.txt; do
              b=$(basename "$p"); printf '%s %s\n' "$(printf '%s' "$b" | grep -oE '[0-9]{8}' | head -1)" "$p"
            done | sort | tail -1 | cut -d' ' -f2-)
    else
      doc=$(printf '%s\n' "$DATA/$c/docs"/*.txt | sort | head -1)
    fi
    lead_of "$doc" > "$f"
  done
  SYSTEMS+=("$lead")
done

# sumy, one Python process per method and half of the clusters.
if [ "$SUMY" = 1 ]; then
  PY=$("$SHARED/peers/setup.sh")
  for m in "${SUMY_METHODS[@]}"; do
    [ "$FRESH" = 1 ] && rm -rf "$OUT/sumy-$m"
    mkdir -p "$OUT/sumy-$m"
    SYSTEMS+=("sumy-$m")
  done
  jobs_file=$(mktemp)
  for m in "${SUMY_METHODS[@]}"; do
    todo=()
    for c in "${CLUSTERS[@]}"; do [ -s "$OUT/sumy-$m/$c.txt" ] || todo+=("$DATA/$c"); done
    [ ${#todo[@]} -eq 0 ] && continue
    half=$(( (${#todo[@]} + 1) / 2 ))
    echo "$m ${todo[*]:0:half}" >> "$jobs_file"
    [ ${#todo[@]} -gt "$half" ] && echo "$m ${todo[*]:half}" >> "$jobs_file"
  done
  if [ -s "$jobs_file" ]; then
    echo "eval-duc: running sumy ($(wc -l < "$jobs_file") jobs, ~20 s per cluster and method)" >&2
    # shellcheck disable=SC2016
    xargs -P "$JOBS" -L 1 sh -c 'm=$1; shift; exec "$0" "'"$HERE"'/sumy-duc.py" "'"$SHARED"'/peers" "'"$OUT"'/sumy-$m" "$m" "'"$WORDS"'" "$@"' "$PY" \
      < "$jobs_file"
  fi
  rm -f "$jobs_file"
fi

# Score everything with multisum eval, one Markdown table.
for s in "${SYSTEMS[@]}"; do
  "$MULTISUM" eval --refs "$REFS" "$OUT/$s" --words "$WORDS" --jackknife --format json > "$OUT/$s.rouge.json"
done
python3 - "$OUT" "$WORDS" "${SYSTEMS[@]}" <<'PYEOF'
import json, os, sys
out, words, systems = sys.argv[1], sys.argv[2], sys.argv[3:]
print(f"| system | R-1 | R-2 | R-L | SU4 |")
print("|---|---|---|---|---|")
for s in systems:
    j = json.load(open(os.path.join(out, s + ".rouge.json")))
    a = j["average"]
    cells = [f"{100 * a[m]['recall']['rouge']:.2f}" for m in ("ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4")]
    note = f" ({len(j['missing'])} missing)" if j["missing"] else ""
    print(f"| {s}{note} | " + " | ".join(cells) + " |")
print(f"\nRecall x100; ROUGE-1.5.5 -m -l {words} -f A, stopwords kept, jackknifed over the "
      f"references; {j['clusters']} clusters.")
PYEOF
echo "eval-duc: summaries and scores in $OUT" >&2
