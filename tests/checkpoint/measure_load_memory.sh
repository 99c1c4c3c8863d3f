#!/usr/bin/env bash
# Peak resident memory while loading a multi-GB checkpoint in the published format (issue [2/7]).
# Writes a ~6.5 GB Leopard-LLaVA-structured checkpoint with leopard-cli make-tiny (shard 1 is 4.9 GB, so
# ZIP64), re-saves it with the real torch.save (needs python3-torch), then loads both with
# `leopard-cli inspect --load` in bf16 and fp32 and prints peak RSS / loaded bytes. Needs ~13 GB of disk
# under WORK and ~14 GB of RAM for the fp32 load. Nothing is kept in the repository.
# usage: tests/checkpoint/measure_load_memory.sh BUILD_DIR [WORK=/tmp/leopard-load-memory]
set -euo pipefail
build="${1:?usage: measure_load_memory.sh BUILD_DIR [WORK]}"
work="${2:-/tmp/leopard-load-memory}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cli="$build/app/leopard-cli"
rm -rf "$work/ours" "$work/torch"
mkdir -p "$work"
"$cli" make-tiny --out "$work/ours" --text-hidden 3072 --text-layers 20 --text-heads 24 --text-kv-heads 8 \
  --text-intermediate 8192 --vision-hidden 1152 --vision-layers 27 --vision-heads 16 --vision-intermediate 4304
/usr/bin/python3 "$here/resave_with_torch.py" "$work/ours" "$work/torch"
for dir in torch ours; do
  for dtype in bf16 fp32; do
    "$cli" inspect --model "$work/$dir" --load --dtype "$dtype" 2>/dev/null > "$work/inspect-$dir-$dtype.json"
    /usr/bin/python3 - "$work/inspect-$dir-$dtype.json" "$dir" <<'PY'
import json, sys
j = json.load(open(sys.argv[1])); l = j["load"]
print("%-5s writer  %s  files %.2f GB  loaded %.2f GB  peak RSS %.2f GB  ratio %.3f  (before load %.2f GB, %.1f s)" % (
    sys.argv[2], l["dtype"], j["file_bytes"] / 1e9, l["loaded_bytes"] / 1e9, l["peak_rss"] / 1e9,
    l["peak_rss_over_loaded_bytes"], l["rss_before_load"] / 1e9, l["seconds"]))
PY
  done
done
