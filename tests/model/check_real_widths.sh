#!/usr/bin/env bash
# By hand, not in CTest (2.5 GB checkpoint, ~3 minutes): the one_page case on a checkpoint with the REAL
# widths (SigLIP 1152/16 heads/4304, head_dim 72; Llama 4096/32 heads/8 KV heads/14336, head_dim 128, 64 RoPE
# frequencies in all three llama3 regimes) but one layer each, written by leopard-cli make-tiny. Compares
# `leopard-cli ask` (fp32 and bf16) with reference.py: input ids, greedy ids, last-prompt logits.
# usage: tests/model/check_real_widths.sh [BUILD_DIR]   (needs shared/reference/model/setup.sh's env)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
ref="${LEOPARD_REFERENCE_DIR:-/work/shared/reference/model}"
# shellcheck disable=SC1091
. "${LEOPARD_REF_ENV:-/tmp/leopard_ref_env}/env.sh"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cli="$build/app/leopard-cli"
"$cli" make-tiny --out "$work/wide" --tokenizer-dir "$build/deps/tokenizer-llama3" \
    --text-hidden 4096 --text-layers 1 --text-heads 32 --text-kv-heads 8 --text-intermediate 14336 \
    --vision-hidden 1152 --vision-layers 1 --vision-heads 16 --vision-intermediate 4304
mkdir -p "$work/case"
cp -r "$here/images" "$work/case/images"
cp "$here/cases/one_page.json" "$work/case/"
"$LEOPARD_PY" "$ref/reference.py" --checkpoint "$work/wide" --case "$work/case/one_page.json" \
    --out "$work/ref.json" --dump-logits-npy "$work/ref.npy"
question="$("$LEOPARD_PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["question"], end="")' "$here/cases/one_page.json")"
for dtype in fp32 bf16; do
  "$cli" ask --model "$work/wide" --images "$here/images/page_850x1100.png" --json --dtype "$dtype" \
      --max-new-tokens 16 --dump-logits "$work/$dtype.npy" -- "$question" > "$work/$dtype.json"
done
"$LEOPARD_PY" - "$work" <<'PY'
import json, sys, numpy as np
w = sys.argv[1]
r = json.load(open(w + "/ref.json"))
b = np.load(w + "/ref.npy")
for dtype in ("fp32", "bf16"):
    c = json.load(open("%s/%s.json" % (w, dtype)))
    a = np.load("%s/%s.npy" % (w, dtype))
    want, got = r["generation"]["ids"], c["generated_ids"]
    agree = 0
    while agree < min(len(want), len(got)) and want[agree] == got[agree]:
        agree += 1
    print("%s: input ids %s, greedy ids agree %d/%d, logits rel err %.2e, prefill %.1f s, decode %.1f s"
          % (dtype, "equal" if c["input_ids"] == r["input_ids"] else "DIFFER", agree, len(want),
             np.abs(a - b).max() / np.abs(b).max(), c["prefill_s"], c["decode_s"]))
print("reference margins:", [round(s["margin"], 3) for s in r["generation"]["steps"]])
PY
