#!/usr/bin/env bash
# Installs what is missing, builds, and opens the bundled sample report in Leopard Desk.
# Extra arguments go to leopard-desk (e.g. more files, or --model DIR).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"
app="$LEOPARD_BUILD_DIR/app/leopard-desk"
sample="$LEOPARD_ROOT/resources/samples/sample-report.pdf"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  log "no display: starting Leopard Desk under xvfb-run (set DISPLAY to see the window)"
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$app" "$sample" "$@"
fi
exec "$app" "$sample" "$@"
