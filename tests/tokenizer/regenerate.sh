#!/usr/bin/env bash
# Regenerates the committed files that come from outside references:
#   inference/tokenizer/unicode_tables.cpp  (Unicode 16.0.0 classes, gen_unicode_tables.mjs)
#   tests/tokenizer/expected_ids.json       (ids from Hugging Face tokenizers, gen_expected_ids.js)
# and checks the class tables against the reference engine code point by code point
# (check_unicode_classes.js, ~30 s). Installs the pinned npm packages outside the repo.
# usage: tests/tokenizer/regenerate.sh [TOKENIZER_DIR]   (default: build/deps/tokenizer-llama3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
modules="$(bash "$here/node_deps.sh")"
tokdir="${1:-$root/build/deps/tokenizer-llama3}"
bash "$root/scripts/fetch-tokenizer.sh" "$tokdir"

node "$root/inference/tokenizer/gen_unicode_tables.mjs" "$modules" > "$root/inference/tokenizer/unicode_tables.cpp"
node "$here/check_unicode_classes.js" "$modules" "$tokdir"
node "$here/gen_expected_ids.js" "$modules" "$tokdir" "$here/expected_ids.json"
