#!/usr/bin/env bash
# The browser test of the HTML report (issue 9): installs headless Chromium
# (Debian's package) and the driver (playwright-core, from package-lock.json)
# when missing, writes the report of the corpus, and checks it in the browser.
# Screenshots and the report go to $MULTISUM_BROWSER_OUT (default: a fresh
# temporary folder, printed at the end).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
fi
command -v node >/dev/null || { echo "run.sh: node (20 or newer) is needed" >&2; exit 1; }
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

out="${MULTISUM_BROWSER_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/multisum-browser.XXXXXX")}"
mkdir -p "$out"
(cd "$root" && cargo run -q --locked -- summarize --format html corpus/ceasefire-talks) \
  >"$out/report.html"
node "$here/report.test.mjs" "$out/report.html" "$out"
