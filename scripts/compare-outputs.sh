#!/usr/bin/env bash
# Checks that the working tree's multisum prints byte for byte what a base
# commit's prints: for changes meant to leave behaviour alone (refactors).
#
#   scripts/compare-outputs.sh BASE [--model DIR|--no-model] [--no-duc] [DATASET]
#
# BASE (a commit, branch or tag) is checked out in a temporary worktree and
# built in release mode (its own target folder, target/compare-base, kept
# between runs so that only what changed is rebuilt); the working tree is
# built as usual. Both then run, on corpus/ceasefire-talks:
#   - JSON for every algorithm × selector at 6, 10 and 15 sentences, with
#     and without --model (citations by meaning);
#   - the default settings with --order score and --order date, --explain,
#     Markdown and HTML, with and without --model;
# and, on DATASET (default ../shared/eval/duc2006, <cluster>/docs/*.txt):
#   - `multisum batch --dirs DATASET --words 250`, with --selector mmr and
#     --selector coverage;
#   - every document of DATASET as one cluster, JSON at 250 words.
# --model DIR names the model (default models/all-MiniLM-L6-v2, as
# scripts/fetch-model.sh installs it); --no-model, or no model there, skips
# the --model runs and says so. --no-duc skips the batch runs.
# Prints one line per run (same / DIFFERS) and a total; exits 1 when any
# output differs, 2 on bad usage.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
SHARED=${MULTISUM_SHARED:-$(cd "$ROOT/.." && pwd)/shared}
MODEL=$ROOT/models/all-MiniLM-L6-v2
DATA=$SHARED/eval/duc2006
DUC=1
BASE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) MODEL=$2; shift 2 ;;
    --no-model) MODEL=""; shift ;;
    --no-duc) DUC=0; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    -*) echo "compare-outputs: unknown option $1" >&2; exit 2 ;;
    *) if [ -z "$BASE" ]; then BASE=$1; else DATA=$1; fi; shift ;;
  esac
done
[ -n "$BASE" ] || { echo "usage: scripts/compare-outputs.sh BASE [--model DIR|--no-model] [--no-duc] [DATASET]" >&2; exit 2; }
COMMIT=$(git -C "$ROOT" rev-parse --verify "$BASE^{commit}") || exit 2

WORK=$(mktemp -d)
cleanup() {
  git -C "$ROOT" worktree remove --force "$WORK/base" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
echo "building base ${COMMIT:0:10} and the working tree (release)" >&2
git -C "$ROOT" worktree add -q --detach "$WORK/base" "$COMMIT"
(cd "$WORK/base" && CARGO_TARGET_DIR=$TARGET/compare-base cargo build --release --locked -q -p multisum)
(cd "$ROOT" && cargo build --release --locked -q -p multisum)
OLD=$TARGET/compare-base/release/multisum
NEW=$TARGET/release/multisum

if [ -n "$MODEL" ] && [ ! -f "$MODEL/model.safetensors" ]; then
  echo "compare-outputs: no model in $MODEL (scripts/fetch-model.sh installs it): --model runs skipped" >&2
  MODEL=""
fi
MODELS=("")
[ -n "$MODEL" ] && MODELS+=("$MODEL")

same=0
differ=0
# run NAME ARGS...: both binaries with ARGS (from the repository root, so
# paths in the output are the same), outputs compared byte for byte.
run() {
  local name=$1
  shift
  (cd "$ROOT" && env -u MULTISUM_MODEL "$OLD" "$@" >"$WORK/old" 2>"$WORK/old.err") || echo "exit $?" >>"$WORK/old"
  (cd "$ROOT" && env -u MULTISUM_MODEL "$NEW" "$@" >"$WORK/new" 2>"$WORK/new.err") || echo "exit $?" >>"$WORK/new"
  if cmp -s "$WORK/old" "$WORK/new" && cmp -s "$WORK/old.err" "$WORK/new.err"; then
    same=$((same + 1))
    printf 'same     %-52s %8d bytes\n' "$name" "$(wc -c <"$WORK/new")"
  else
    differ=$((differ + 1))
    printf 'DIFFERS  %-52s\n' "$name"
    { diff <(cat "$WORK/old" "$WORK/old.err") <(cat "$WORK/new" "$WORK/new.err") || true; } |
      head -n 6 | sed 's/^/         /'
  fi
}

CORPUS=corpus/ceasefire-talks
for model in "${MODELS[@]}"; do
  with=(); tag=""
  if [ -n "$model" ]; then with=(--model "$model"); tag=" --model"; fi
  for algorithm in textrank lexrank centroid tfidf; do
    for selector in mmr coverage concepts; do
      for n in 6 10 15; do
        run "json $algorithm $selector $n$tag" summarize --format json --algorithm "$algorithm" \
          --selector "$selector" --sentences "$n" "${with[@]}" "$CORPUS"
      done
    done
  done
  run "text --order score$tag" summarize --order score "${with[@]}" "$CORPUS"
  run "text --order date$tag" summarize --order date "${with[@]}" "$CORPUS"
  run "explain 10$tag" summarize --explain --sentences 10 "${with[@]}" "$CORPUS"
  run "markdown 10$tag" summarize --format markdown --sentences 10 "${with[@]}" "$CORPUS"
  run "html$tag" summarize --format html "${with[@]}" "$CORPUS"
done

if [ "$DUC" = 1 ]; then
  if [ -d "$DATA" ]; then
    for selector in auto mmr coverage concepts; do
      run "batch --dirs $(basename "$DATA") --words 250 $selector" batch --dirs "$DATA" --words 250 --selector "$selector"
    done
    run "one cluster of all $(basename "$DATA") documents" summarize --format json --words 250 "$DATA"/*/docs
  else
    echo "compare-outputs: no dataset at $DATA: batch runs skipped" >&2
  fi
fi

echo "base ${COMMIT:0:10} against the working tree: $same same, $differ differ"
[ "$differ" = 0 ]
