#!/usr/bin/env bash
# Tokens per second of the C++ tokenizer and of Hugging Face tokenizers on the same generated text,
# side by side, median of REPEATS runs each, and their ratio. Both must produce the same token count.
# usage: tests/tokenizer/bench_tokenizer.sh [BUILD_DIR=build] [SIZE_MB=4] [REPEATS=5]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
size="${2:-4}"
repeats="${3:-5}"
tokdir="$build/deps/tokenizer-llama3"
bash "$root/scripts/fetch-tokenizer.sh" "$tokdir"
modules="$(bash "$here/node_deps.sh")"
text="$(mktemp --suffix=.txt)"; trap 'rm -f "$text"' EXIT
node "$here/bench_text.js" "$text" "$size"

ours="$("$build/tests/tokenizer/tokenizer-bench" "$tokdir" "$text" "$repeats")"
ref="$(node "$here/bench_reference.js" "$modules" "$tokdir" "$text" "$repeats")"
echo "$ours"
echo "$ref"
node -e '
const [a, b] = process.argv.slice(1).map(JSON.parse);
if (a.tokens !== b.tokens) { console.error(`token counts differ: ${a.tokens} vs ${b.tokens}`); process.exit(1); }
const f = (x) => x.toLocaleString("en-US");
console.log(`text ${f(a.bytes)} bytes, ${f(a.tokens)} tokens, median of ${a.repeats} runs`);
console.log(`leopard C++      ${f(a.tokens_per_second).padStart(12)} tokens/s`);
console.log(`HF tokenizers    ${f(b.tokens_per_second).padStart(12)} tokens/s`);
console.log(`ratio C++ / HF   ${(a.tokens_per_second / b.tokens_per_second).toFixed(2)}`);
' "$ours" "$ref"
