#!/bin/bash
# Regenerates expected_*.json here from the reference harness itself (shared/reference/model):
# its own test images (make_images.py), a tiny checkpoint (make_tiny.py; the tiles do not depend on
# the weights, reference.py just needs one to run) and one reference.py run per case. Only the
# image-side fields are kept: the input images' modes and convert('RGB') hashes, the crop plan, and
# per model image its `resized_u8_sha256` and pixel_values statistics.
#
#   bash /work/shared/reference/model/setup.sh && . /tmp/leopard_ref_env/env.sh
#   bash tests/preprocess/harness/regenerate.sh        # from the repository root, ~40 s
set -euo pipefail
: "${LEOPARD_PY:?source /tmp/leopard_ref_env/env.sh first}"
here="$(cd "$(dirname "$0")" && pwd)"
ref="${LEOPARD_REFERENCE_DIR:-/work/shared/reference/model}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$LEOPARD_PY" "$ref/make_images.py" --out "$work/images" > /dev/null
"$LEOPARD_PY" "$ref/make_tiny.py" --out "$work/tiny" --tokenizer-dir "$LEOPARD_REF_ENV/tokenizer-llama3-instruct" > /dev/null
mkdir -p "$here/images"
for name in page_850x1100 half_910x546 rgba_640x480 tiny_200x150_L strip_3000x400; do
  cp "$work/images/$name.png" "$here/images/"
done

run_case() { # name, then the image names
  local name="$1"; shift
  local list=""
  for image in "$@"; do list="$list${list:+, }\"$here/images/$image.png\""; done
  printf '{"images": [%s], "question": "What do these show?", "setting": "direct", "ques_type": "open-ended", "max_new_tokens": 1}\n' \
    "$list" > "$work/$name.case.json"
  "$LEOPARD_PY" "$ref/reference.py" --checkpoint "$work/tiny" --case "$work/$name.case.json" --out "$work/$name.json" > /dev/null 2>&1
  "$LEOPARD_PY" - "$work/$name.json" "$here/expected_$name.json" <<'PY'
import json, sys
full = json.load(open(sys.argv[1]))
kept = {
    "made_by": "tests/preprocess/harness/regenerate.sh (shared/reference/model/reference.py, image fields only)",
    "environment": {k: full["environment"][k] for k in ("pillow", "transformers", "numpy") if k in full["environment"]},
    "original_code": full["original_code"],
    "images": [{k: im[k] for k in ("file", "mode", "size_wh", "rgb_sha256")} for im in full["inputs"]["images"]],
    "image_processor": full["inputs"]["image_processor"],
    "crop_plan": full["crop_plan"],
    "tiles": [{k: t[k] for k in ("image", "kind", "crop_index", "resized_u8_sha256", "pixel_values_channel_mean",
                                "pixel_values_sum")} for t in full["tiles"]],
}
with open(sys.argv[2], "w") as f:
    json.dump(kept, f, indent=1)
    f.write("\n")
PY
}

run_case four_images page_850x1100 half_910x546 rgba_640x480 tiny_200x150_L
run_case strip strip_3000x400
echo "wrote $here/expected_four_images.json $here/expected_strip.json"
