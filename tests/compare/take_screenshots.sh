#!/usr/bin/env bash
# By hand: docs/screenshot-compare.png (the compare view mid-answer, demo model) and
# docs/screenshot-export-pdf.png (page 1 of the exported conversation, rendered by pdftoppm).
#   bash tests/compare/take_screenshots.sh [BUILD_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${1:-$ROOT/build}"
cmake --build "$BUILD" --target shot_compare leopard_demo_model
DISPLAY_NUM=${LEOPARD_SHOT_DISPLAY:-:87}
Xvfb "$DISPLAY_NUM" -screen 0 1600x1000x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1
TMP="$(mktemp -d)"
DISPLAY="$DISPLAY_NUM" QT_QPA_PLATFORM=xcb "$BUILD/tests/compare/shot_compare" "$ROOT/docs/screenshot-compare.png" "$TMP/conversation.pdf"
pdftoppm -r 70 -f 1 -l 1 -singlefile -png "$TMP/conversation.pdf" "$ROOT/docs/screenshot-export-pdf"
pdfinfo "$TMP/conversation.pdf" | grep Pages
rm -rf "$TMP"
