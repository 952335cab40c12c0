#!/usr/bin/env bash
# Tests scripts/spark-batch.py in Spark local mode: the clusters of DATASET
# (default ../shared/eval/duc2006) as JSON Lines, piped through
# `multisum batch` by Spark in several partitions, must give the same bytes
# as one `multisum batch` over the whole file.
#
#   scripts/spark-batch-test.sh [--partitions N] [DATASET]
#
# Installs pyspark into a virtualenv (default ~/.cache/multisum-spark,
# PySpark needs Java 17+: `java -version`).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
SHARED=${MULTISUM_SHARED:-$(cd "$ROOT/.." && pwd)/shared}
PARTITIONS=5
DATA=$SHARED/eval/duc2006
while [ $# -gt 0 ]; do
  case "$1" in
    --partitions) PARTITIONS=$2; shift 2 ;;
    *) DATA=$1; shift ;;
  esac
done
V=${SPARK_VENV:-$HOME/.cache/multisum-spark}
if [ ! -x "$V/bin/python" ] || ! "$V/bin/python" -c "import pyspark" 2>/dev/null; then
  python3 -m venv "$V" >&2
  "$V/bin/pip" install -q pyspark >&2
fi
MULTISUM=${MULTISUM:-}
if [ -z "$MULTISUM" ]; then
  (cd "$ROOT" && cargo build --release -q -p multisum) >&2
  MULTISUM=${CARGO_TARGET_DIR:-$ROOT/target}/release/multisum
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/multisum-spark-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# The dataset as JSON Lines, with one bad line in the middle.
"$V/bin/python" - "$DATA" >"$TMP/clusters.jsonl" <<'EOF'
import json, os, sys
root = sys.argv[1]
for i, name in enumerate(sorted(os.listdir(root))):
    d = os.path.join(root, name, "docs")
    if not os.path.isdir(d):
        d = os.path.join(root, name)
    docs = [{"id": f[:-4], "text": open(os.path.join(d, f), encoding="utf-8").read()}
            for f in sorted(os.listdir(d)) if f.endswith(".txt")]
    print(json.dumps({"id": name, "documents": docs}, ensure_ascii=False))
    if i == 7:
        print('{"id": "bad", "documents": []}')
EOF

"$MULTISUM" batch --quiet --words 250 --input "$TMP/clusters.jsonl" --output "$TMP/direct.jsonl"
"$V/bin/python" "$HERE/spark-batch.py" --input "$TMP/clusters.jsonl" --output "$TMP/spark.jsonl" \
  --partitions "$PARTITIONS" --multisum "$MULTISUM" -- --words 250
lines=$(wc -l <"$TMP/direct.jsonl")
if cmp -s "$TMP/direct.jsonl" "$TMP/spark.jsonl"; then
  echo "spark-batch: ok, $lines lines, $PARTITIONS partitions, same bytes as one multisum batch"
else
  echo "spark-batch: FAILED, outputs differ" >&2
  exit 1
fi
