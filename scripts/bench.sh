#!/usr/bin/env bash
# Speed of multisum against sumy LexRank and TextRank (../shared/peers), side
# by side in one run, and how multisum's cost grows with the input. Prints
# two Markdown tables.
#
#   scripts/bench.sh [--words N] [--runs N] [--sumy-limit SECS] [--no-sumy] [--model DIR|--no-model] [DATASET]
#
# DATASET: <cluster>/docs/*.txt (default ../shared/eval/duc2006). Workloads:
#   (a) the five reports of corpus/ceasefire-talks;
#   (b) every cluster of DATASET in one batch: `multisum batch --dirs`, and
#       sumy over every cluster in one Python process (scripts/bench-sumy.py;
#       sumy's best case, its imports paid once);
#   (c) every document of DATASET as one cluster (1,250 for DUC 2006).
# Times are whole-process wall clock and peak RSS from /usr/bin/time -v
# (installed from Debian's `time` package if missing). multisum runs --runs
# times (default 3) and the median wall time is shown, with the CPU time
# (user + system) of that run; sumy runs once. sumy is stopped after
# --sumy-limit seconds (default 300) on (c) and the table says so.
# Each workload also runs as "multisum --model" (citations by meaning) when
# the model is there (--model DIR, default models/all-MiniLM-L6-v2 of the
# repository as scripts/fetch-model.sh installs it; --no-model skips it).
# Scaling: the first 1, 10, 100, 1,000 and all documents of DATASET (by
# path) as one cluster, multisum only.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
SHARED=${MULTISUM_SHARED:-$(cd "$ROOT/.." && pwd)/shared}
WORDS=250
RUNS=3
LIMIT=300
SUMY=1
MODEL=$ROOT/models/all-MiniLM-L6-v2
DATA=$SHARED/eval/duc2006
while [ $# -gt 0 ]; do
  case "$1" in
    --words) WORDS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --sumy-limit) LIMIT=$2; shift 2 ;;
    --no-sumy) SUMY=0; shift ;;
    --model) MODEL=$2; shift 2 ;;
    --no-model) MODEL=""; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    -*) echo "bench: unknown option $1" >&2; exit 2 ;;
    *) DATA=$1; shift ;;
  esac
done
[ -d "$DATA" ] || { echo "bench: no dataset at $DATA" >&2; exit 2; }

if [ ! -x /usr/bin/time ]; then
  echo "bench: installing GNU time (/usr/bin/time)" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get install -y -q time >&2
fi

MULTISUM=${MULTISUM:-}
if [ -z "$MULTISUM" ]; then
  (cd "$ROOT" && cargo build --release -q -p multisum) >&2
  MULTISUM=${CARGO_TARGET_DIR:-$ROOT/target}/release/multisum
fi
if [ -n "$MODEL" ] && [ ! -f "$MODEL/model.safetensors" ]; then
  echo "bench: no model in $MODEL (scripts/fetch-model.sh installs it); no --model rows" >&2
  MODEL=""
fi
PY=""
if [ "$SUMY" = 1 ]; then
  PY=$("$SHARED/peers/setup.sh")
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/multisum-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
CORPUS=$ROOT/corpus/ceasefire-talks
CLUSTER_DOCS=()
for d in "$DATA"/*/; do
  if [ -d "$d/docs" ]; then CLUSTER_DOCS+=("${d%/}/docs"); else CLUSTER_DOCS+=("${d%/}"); fi
done
mapfile -t ALL_FILES < <(for d in "${CLUSTER_DOCS[@]}"; do ls "$d"/*.txt; done)
NCLUSTERS=${#CLUSTER_DOCS[@]}
NDOCS=${#ALL_FILES[@]}

# once LIMIT CMD...: runs CMD once under /usr/bin/time -v (stopped after
# LIMIT seconds, 0 = never); prints "wall cpu rss_mb status".
once() {
  local limit=$1; shift
  local t=$TMP/time.txt status=ok start end
  start=$(date +%s%N)
  if [ "$limit" -gt 0 ]; then
    /usr/bin/time -v -o "$t" timeout "$limit" "$@" >"$TMP/out" 2>"$TMP/err" || true
  else
    /usr/bin/time -v -o "$t" "$@" >"$TMP/out" 2>"$TMP/err" || true
  fi
  end=$(date +%s%N)
  if grep -q "exited with non-zero status 124" "$t"; then
    status=cutoff
  elif grep -q "exited with non-zero status" "$t"; then
    status=failed
  fi
  # Wall time from the shell's clock (GNU time rounds to 10 ms).
  awk -v status=$status -v wall="$(( (end - start) / 1000 ))e-6" '
    /User time/ { cpu += $NF } /System time/ { cpu += $NF }
    /Maximum resident set size/ { rss = $NF / 1024 }
    END { printf "%.3f %.3f %.1f %s\n", wall, cpu, rss, status }' "$t"
}

# median RUNS CMD...: the run with the median wall time of RUNS runs.
median() {
  local runs=$1; shift
  for _ in $(seq "$runs"); do once 0 "$@"; done | sort -n | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }'
}

fmt_s() { awk -v w="$1" 'BEGIN { if (w < 10) printf "%.3f", w; else printf "%.1f", w }'; }

# row WORKLOAD TOOL "wall cpu rss status" MULTISUM_WALL
row() {
  local workload=$1 tool=$2 wall cpu rss status base=${4:-1} ratio wall_s
  read -r wall cpu rss status <<<"$3"
  wall_s=$(fmt_s "$wall")
  ratio=$(awk -v a="$wall" -v b="$base" 'BEGIN { printf "%.0f×", a / b }')
  case "$status" in
    cutoff) wall_s="> $wall_s (stopped at ${LIMIT} s)"; ratio="> $ratio" ;;
    failed) wall_s="$wall_s (failed)"; ratio="–" ;;
  esac
  [ "$tool" = multisum ] && ratio="1×"
  case "$tool" in "multisum --model") ratio="$ratio (of multisum)" ;; esac
  printf '| %s | %s | %s | %s | %.0f | %s |\n' "$workload" "$tool" "$wall_s" "$(fmt_s "$cpu")" "$rss" "$ratio"
}

echo "multisum $("$MULTISUM" --version | awk '{ print $2 }'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg) at start; --words $WORDS"
echo
echo "| workload | tool | wall s | CPU s | peak RSS MB | sumy ÷ multisum (wall) |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"

A="(a) 5 reports"
B="(b) $NCLUSTERS clusters, one batch"
C="(c) $NDOCS documents, one cluster"
m=$(median "$RUNS" "$MULTISUM" summarize --words "$WORDS" "$CORPUS")
row "$A" multisum "$m"
[ -z "$MODEL" ] || row "$A" "multisum --model" "$(median "$RUNS" "$MULTISUM" summarize --model "$MODEL" --words "$WORDS" "$CORPUS")" "${m%% *}"
if [ "$SUMY" = 1 ]; then
  for method in lexrank textrank; do
    row "$A" "sumy $method" "$(once 0 "$SHARED/peers/sumy" "$CORPUS" --method "$method" --words "$WORDS")" "${m%% *}"
  done
fi
m=$(median "$RUNS" "$MULTISUM" batch --quiet --words "$WORDS" --dirs "$DATA")
row "$B" multisum "$m"
[ -z "$MODEL" ] || row "$B" "multisum --model" "$(median "$RUNS" "$MULTISUM" batch --model "$MODEL" --quiet --words "$WORDS" --dirs "$DATA")" "${m%% *}"
if [ "$SUMY" = 1 ]; then
  for method in lexrank textrank; do
    row "$B" "sumy $method" "$(once 0 "$PY" "$HERE/bench-sumy.py" --method "$method" --words "$WORDS" --each "$DATA")" "${m%% *}"
  done
fi
m=$(median "$RUNS" "$MULTISUM" summarize --words "$WORDS" "${CLUSTER_DOCS[@]}")
row "$C" multisum "$m"
[ -z "$MODEL" ] || row "$C" "multisum --model" "$(median "$RUNS" "$MULTISUM" summarize --model "$MODEL" --words "$WORDS" "${CLUSTER_DOCS[@]}")" "${m%% *}"
if [ "$SUMY" = 1 ]; then
  for method in lexrank textrank; do
    row "$C" "sumy $method" "$(once "$LIMIT" "$PY" "$HERE/bench-sumy.py" --method "$method" --words "$WORDS" --merge "${CLUSTER_DOCS[@]}")" "${m%% *}"
  done
fi

echo
echo "Scaling, multisum summarize --words $WORDS on the first N documents as one cluster:"
echo
echo "| documents | body sentences | wall s | CPU s | CPU µs per sentence | peak RSS MB |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
for n in 1 10 100 1000 "$NDOCS"; do
  [ "$n" -le "$NDOCS" ] || continue
  files=("${ALL_FILES[@]:0:n}")
  sentences=$("$MULTISUM" summarize --explain --words "$WORDS" "${files[@]}" | sed -n 's/^Body sentences (\([0-9]*\)).*/\1/p')
  read -r wall cpu rss _ <<<"$(median "$RUNS" "$MULTISUM" summarize --words "$WORDS" "${files[@]}")"
  awk -v n="$n" -v s="$sentences" -v w="$wall" -v c="$cpu" -v r="$rss" \
    'BEGIN { printf "| %d | %d | %.3f | %.2f | %.0f | %.0f |\n", n, s, w, c, (s > 0 ? c * 1e6 / s : 0), r }'
done
