#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (CTest; GUI tests run offscreen).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"
cd "$LEOPARD_BUILD_DIR"
export QT_QPA_PLATFORM=offscreen
ctest --output-on-failure -j "$LEOPARD_JOBS" "$@"
