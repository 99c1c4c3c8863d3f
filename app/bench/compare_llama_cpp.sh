#!/usr/bin/env bash
# By hand (not CI): the text decoder's prefill and decode speed in leopard-bench against llama.cpp on
# the same machine, the same weights (the generated model's language_model part written as a Llama
# GGUF by export_gguf.py), the same dtype (bf16) and the same thread count. Prints both JSON reports
# and the ratios. Nothing of llama.cpp is kept in the repository: node-llama-cpp (npm) brings its
# prebuilt binaries into a scratch directory.
#
# usage: app/bench/compare_llama_cpp.sh [SIZE=small] [SCRATCH=/work/peer]
#   env: LEOPARD_BENCH (default build/app/bench/leopard-bench), THREADS (2), PREFILL (256), DECODE (8), REPEATS (3)
set -euo pipefail
SIZE="${1:-small}"
SCRATCH="${2:-/work/peer}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="${LEOPARD_BENCH:-$HERE/../../build/app/bench/leopard-bench}"
THREADS="${THREADS:-2}" PREFILL="${PREFILL:-256}" DECODE="${DECODE:-8}" REPEATS="${REPEATS:-3}"
mkdir -p "$SCRATCH/models"
MODEL="$SCRATCH/models/$SIZE"
GGUF="$SCRATCH/$SIZE-bf16.gguf"

# 1. The model (random weights, real shapes) and its text decoder as GGUF (python3 + torch + numpy).
[ -f "$MODEL/config.json" ] || "$BENCH" make-model --size "$SIZE" --out "$MODEL"
[ -f "$GGUF" ] || python3 "$HERE/export_gguf.py" "$MODEL" "$GGUF" --dtype bf16

# 2. llama.cpp's prebuilt CPU binaries from npm.
[ -d "$SCRATCH/node_modules/node-llama-cpp" ] || (cd "$SCRATCH" && npm install node-llama-cpp)
cp "$HERE/llama_cpp_peer.mjs" "$SCRATCH/"

# 3. Both, one after the other, same prompt ids, same lengths.
"$BENCH" --model "$MODEL" --dtype bf16 --threads "$THREADS" --stages prefill,decode --repeats "$REPEATS" \
    --prefill-tokens "$PREFILL" --decode-tokens "$DECODE" --json > "$SCRATCH/leopard-$SIZE.json"
(cd "$SCRATCH" && node llama_cpp_peer.mjs "$GGUF" --threads "$THREADS" --prefill "$PREFILL" --decode "$DECODE" \
    --repeats "$REPEATS") > "$SCRATCH/llamacpp-$SIZE.json"

python3 - "$SCRATCH/leopard-$SIZE.json" "$SCRATCH/llamacpp-$SIZE.json" <<'PY'
import json, sys
ours = {s["name"]: s for s in json.load(open(sys.argv[1]))["stages"]}
peer = json.load(open(sys.argv[2]))
for stage, key in (("prefill", "prefill_tokens_per_s"), ("decode", "decode_tokens_per_s")):
    a, b = ours[stage]["median"], peer[key]["median"]
    print(f"{stage:8s} leopard {a:9.2f} tokens/s   llama.cpp {b:9.2f} tokens/s   leopard/llama.cpp = {a / b:.2f}")
PY
