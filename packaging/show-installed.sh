#!/usr/bin/env bash
# By hand (not a CTest test: it takes a minute and needs Xvfb): build the .deb, unpack it into a clean
# directory with `dpkg -x`, start leopard-desk from there under Xvfb with the installed sample report,
# check all pages (Ctrl+Shift+A, sent with xdotool) and take screenshots:
#   docs/screenshot-installed.png  (the system palette)     docs/screenshot-dark.png  (--palette dark)
# Prints the package's size, its control fields and lintian's verdict.
# Usage: packaging/show-installed.sh [BUILD_DIR]     (needs xvfb, imagemagick, xdotool; lintian if present)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-${LEOPARD_BUILD_DIR:-$root/build}}"
display="${LEOPARD_SHOW_DISPLAY:-:93}"

(cd "$build" && cpack -G DEB >/dev/null)
deb="$(ls -t "$build"/leopard-desk_*.deb | head -1)"
echo "== $deb: $(stat -c %s "$deb") bytes"
dpkg-deb -f "$deb"
if command -v lintian >/dev/null; then
  echo "== lintian (no output: no tags)"; lintian --tag-display-limit 0 "$deb" 2>&1 | grep -v "root privileges" || true
fi

work="$(mktemp -d)"
trap 'kill "${app:-}" "${xvfb:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
dpkg -x "$deb" "$work/root"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1

shoot() { # shoot OUT.png [leopard-desk options]
  local out="$1"; shift
  mkdir -p "$work/home"
  # A clean environment: nothing from the build tree, settings in a fresh home.
  env -i PATH=/usr/bin:/bin DISPLAY="$display" HOME="$work/home" XDG_RUNTIME_DIR="$work/home" LANG=C.UTF-8 \
    "$work/root/usr/bin/leopard-desk" --new-instance "$@" "$work/root/usr/share/leopard-desk/samples/sample-report.pdf" \
    >"$work/app.log" 2>&1 &
  app=$!
  local wid=""
  for _ in $(seq 60); do
    wid="$(DISPLAY="$display" xdotool search --onlyvisible --name 'Leopard Desk' 2>/dev/null | head -1 || true)"
    [ -n "$wid" ] && break; sleep 0.5
  done
  [ -n "$wid" ] || { echo "no window; log:"; cat "$work/app.log"; exit 1; }
  sleep 4 # the report opens and renders, the demo model loads
  # No window manager: give the window the keyboard focus directly, then type.
  DISPLAY="$display" xdotool windowfocus --sync "$wid" key ctrl+shift+a
  sleep 3
  DISPLAY="$display" import -window "$wid" "$out"
  echo "== $out"; kill "$app"; wait "$app" 2>/dev/null || true; app=""
  rm -rf "$work/home"
}
shoot "$root/docs/screenshot-installed.png"
shoot "$root/docs/screenshot-dark.png" --palette dark
