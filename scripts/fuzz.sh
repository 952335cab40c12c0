#!/usr/bin/env bash
# Fuzzes the splitter/tokenizer (`segment`) and the whole pipeline
# (`pipeline`) with cargo-fuzz (issue 8). The targets live in `fuzz/`, which
# is not part of the workspace: the normal build stays on stable, and this
# script installs the nightly toolchain and cargo-fuzz when they are missing.
#
# Usage: scripts/fuzz.sh [RUNS] [TARGET...]
#   RUNS     executions per target (default 10000000)
#   TARGET   segment and/or pipeline (default both, one after the other)
# Environment: SANITIZER (address | none, default none: our crates forbid
#   unsafe code, so address sanitizing only slows the search for panics,
#   hangs and overflows), TRACE_COMPARES (1 or 0, default 1: 0 trades
#   comparison-guided mutations for 2-3 times the executions per second),
#   TIMEOUT (seconds one input may take, default 10),
#   LOGS (default fuzz/logs). One process per target: the machine has 2
#   cores, shared with builds.
#
# Inputs found are added to fuzz/corpus/TARGET (only the seed-* files are
# committed); a crash or timeout stops the run and leaves its reproducer in
# fuzz/artifacts/TARGET: turn it into a regression test (`issue_8_…`).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-10000000}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(segment pipeline)
sanitizer=${SANITIZER:-none}
timeout=${TIMEOUT:-10}
trace=()
[ "${TRACE_COMPARES:-1}" = 1 ] || trace=(--no-trace-compares)
logs=${LOGS:-fuzz/logs}

if ! rustup toolchain list | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

mkdir -p "$logs"
for target in "${targets[@]}"; do
    case $target in
        segment) max_len=8192 ;;
        pipeline) max_len=4096 ;;
        *) echo "unknown target: $target" >&2; exit 2 ;;
    esac
    mkdir -p "fuzz/corpus/$target"
    log="$logs/$target.log"
    echo "fuzzing $target: $runs runs, -max_len=$max_len, sanitizer $sanitizer ${trace[*]} (log: $log)"
    start=$(date +%s)
    # -O with -a: optimised, with debug assertions and overflow checks.
    (cd fuzz && cargo +nightly fuzz run -O -a --sanitizer "$sanitizer" "${trace[@]}" "$target" \
        "corpus/$target" -- \
        -runs="$runs" -max_len="$max_len" \
        -timeout="$timeout" -rss_limit_mb=4096 -print_final_stats=1) \
        >"$log" 2>&1 || { tail -n 40 "$log"; echo "$target: FAILED, see $log" >&2; exit 1; }
    took=$(($(date +%s) - start))
    executed=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$')
    echo "$target: ${executed:-?} executions in ${took}s, no crash"
done
