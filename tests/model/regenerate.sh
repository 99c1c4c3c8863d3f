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
# 3. one reference run per case (fp32, one thread: reproducible bytes); the cases in ATTENTION_CASES
#    also dump the attention weights of every generated token (test_attention_maps)
ATTENTION_CASES=" rgba no_tags_grey "
for spec in "$here"/cases/*.json; do
  name="$(basename "$spec" .json)"
  echo "[regenerate] $name" >&2
  att=()
  [[ "$ATTENTION_CASES" == *" $name "* ]] && att=(--dump-attentions-npz "$work/out/$name.att.npz")
  "$LEOPARD_PY" "$ref/reference.py" --checkpoint "$work/tiny" --case "$work/cases/$name.json" \
      --out "$work/out/$name.json" --dump-logits-npy "$work/out/$name.logits.npy" \
      --dump-npz "$work/out/$name.npz" --dump-pixel-values "${att[@]}"
done
# 3b. follow-up turns (cases/followup/*.json: a first-turn case + a new user turn adding images): the
#     whole conversation so far as one prompt (reference.py has no second turn), its attention dumped
mkdir -p "$work/cases/followup" "$work/followup"
cp "$here"/cases/followup/*.json "$work/cases/followup/"
for spec in "$here"/cases/followup/*.json; do
  name="$(basename "$spec" .json)"
  first="$("$LEOPARD_PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["first_turn"])' "$spec")"
  echo "[regenerate] $name (follow-up of $first)" >&2
  LEOPARD_REFERENCE_DIR="$ref" "$LEOPARD_PY" "$here/attention_cases.py" followup-ids "$spec" "$work/out/$first.json" \
      "$work/tiny" "$work/followup/$name.ids.json"
  "$LEOPARD_PY" "$ref/reference.py" --checkpoint "$work/tiny" --case "$work/cases/followup/$name.json" \
      --input-ids-json "$work/followup/$name.ids.json" --out "$work/followup/$name.json" \
      --dump-attentions-npz "$work/followup/$name.att.npz"
done
# 4. the small committed subset: JSON facts, last-prompt logits, tile-0 features of one case, the
#    attention weights of the image keys (attention_cases.py); the
#    images themselves (85 kB), which the test sends through inference/preprocess like the app
"$LEOPARD_PY" "$here/extract_expected.py" --runs "$work/out" --out "$here/expected"
for name in $ATTENTION_CASES; do
  "$LEOPARD_PY" "$here/attention_cases.py" extract "$work/out/$name.json" "$work/out/$name.att.npz" "$name" "$here/expected/attention"
done
for spec in "$here"/cases/followup/*.json; do
  name="$(basename "$spec" .json)"
  "$LEOPARD_PY" "$here/attention_cases.py" extract "$work/followup/$name.json" "$work/followup/$name.att.npz" "$name" "$here/expected/attention"
done
mkdir -p "$here/images"
cp "$work/cases/images/"*.png "$here/images/"
