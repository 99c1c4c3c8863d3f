#!/usr/bin/env bash
# Differential fuzzing of `leopard-cli tokenize encode` against Hugging Face tokenizers, for Meta's
# Llama 3 file and Leopard's extended one. Not part of CTest (needs the npm reference); run by hand:
# usage: tests/tokenizer/fuzz_against_reference.sh [BUILD_DIR=build] [SEED=1] [COUNT=20000]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
seed="${2:-1}"
count="${3:-20000}"
modules="$(bash "$here/node_deps.sh")"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/leopard"
node -e '
const fs = require("fs");
const tj = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
let id = Object.keys(tj.model.vocab).length + tj.added_tokens.length;
const plain = ["<|im_start|>", "<|im_end|>"].concat([2,3,4,5,6,7,8,9].map((n) => "\t".repeat(n)), ["<|im_omitted|>"]);
for (const [content, special] of [["<unk>", true]].concat(plain.map((t) => [t, false])))
  tj.added_tokens.push({ id: id++, content, single_word: false, lstrip: false, rstrip: false, normalized: !special, special });
fs.writeFileSync(process.argv[2], JSON.stringify(tj));
' "$build/deps/tokenizer-llama3/tokenizer.json" "$work/leopard/tokenizer.json"
for dir in "$build/deps/tokenizer-llama3" "$work/leopard"; do
  node "$here/fuzz_reference.js" "$modules" "$dir/tokenizer.json" "$seed" "$count" "$work/in" "$work/want"
  "$build/app/leopard-cli" tokenize --tokenizer "$dir" encode < "$work/in" > "$work/got"
  if cmp -s "$work/want" "$work/got"; then
    echo "$(basename "$dir"): $count strings, seed $seed: identical ids"
  else
    line="$(cmp "$work/want" "$work/got" | sed -n 's/.* line \([0-9]*\)$/\1/p')"
    echo "$(basename "$dir"): first difference on line $line"
    sed -n "${line}p" "$work/in"; sed -n "${line}p" "$work/want"; sed -n "${line}p" "$work/got"
    exit 1
  fi
done
