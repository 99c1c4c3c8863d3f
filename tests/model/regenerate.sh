#!/usr/bin/env bash
# Regenerates tests/model/expected/ from the ORIGINAL Python implementation (shared/reference/model:
# Leopard's llava_multiimg_siglip_anyres.py on transformers 4.44.2, fp32 CPU) run on the tiny checkpoint
# that the project's own writer produces (leopard-cli make-tiny; its weights are not make_tiny.py's,
# which need numpy's RandomState, so the test can recreate the same bytes without Python).
# Run by hand when the cases or the reference change; CTest only reads the committed results.
#
# usage: tests/model/regenerate.sh [BUILD_DIR]     (default: build; needs app/leopard-cli built)
# needs: shared/reference/model/setup.sh's environment (created here if missing), ~3 minutes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
ref="${LEOPARD_REFERENCE_DIR:-$(cd "$root/.." && pwd)/shared/reference/model}"
[ -d "$ref" ] || ref=/work/shared/reference/model
env_dir="${LEOPARD_REF_ENV:-/tmp/leopard_ref_env}"
[ -f "$env_dir/env.sh" ] || bash "$ref/setup.sh" --env "$env_dir"
# shellcheck disable=SC1091
. "$env_dir/env.sh"

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# 1. the checkpoint, exactly as the test writes it (same writer, same tokenizer files)
"$build/app/leopard-cli" make-tiny --out "$work/tiny" --tokenizer-dir "$build/deps/tokenizer-llama3"
# 2. the synthetic images and the case specs (image paths in the specs are relative to the spec)
mkdir -p "$work/cases" "$work/out"
"$LEOPARD_PY" "$ref/make_images.py" --out "$work/cases/images" >/dev/null
cp "$here"/cases/*.json "$work/cases/"
# 3. one reference run per case (fp32, one thread: reproducible bytes)
for spec in "$here"/cases/*.json; do
  name="$(basename "$spec" .json)"
  echo "[regenerate] $name" >&2
  "$LEOPARD_PY" "$ref/reference.py" --checkpoint "$work/tiny" --case "$work/cases/$name.json" \
      --out "$work/out/$name.json" --dump-logits-npy "$work/out/$name.logits.npy" \
      --dump-npz "$work/out/$name.npz" --dump-pixel-values
done
# 4. the small committed subset: JSON facts, last-prompt logits, tile-0 features of one case; the
#    images themselves (85 kB), which the test sends through inference/preprocess like the app
"$LEOPARD_PY" "$here/extract_expected.py" --runs "$work/out" --out "$here/expected"
mkdir -p "$here/images"
cp "$work/cases/images/"*.png "$here/images/"
