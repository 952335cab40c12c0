#!/usr/bin/env bash
# multisum's Python package against sumy LexRank in one Python process
# (scripts/bench-python.py): installs the package from ./python into the
# peers' virtualenv (../shared/peers/setup.sh), then runs the benchmark.
#
#   scripts/bench-python.sh [--runs N]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
SHARED=${MULTISUM_SHARED:-$(cd "$ROOT/.." && pwd)/shared}
PY=$("$SHARED/peers/setup.sh" 2>/dev/null)
"$PY" -m pip install -q --disable-pip-version-check "$ROOT/python" >&2
exec "$PY" "$HERE/bench-python.py" "$@"
