#!/usr/bin/env bash
# Builds the whole project with AddressSanitizer + UndefinedBehaviorSanitizer (gcc) in build-asan and
# runs the whole CTest suite there; any sanitizer report fails the test that triggered it.
# Suppressions cover third-party libraries only (scripts/sanitizers/*.supp, one comment per entry).
#
# usage: scripts/run-sanitized-tests.sh [ctest args...]      e.g.  -R checkpoint
# Environment: LEOPARD_ASAN_BUILD_DIR (default ./build-asan), LEOPARD_JOBS (default nproc).
# Takes long on 2 cores (a cold sanitized build of libtorch-using code plus a ~3x slower suite).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${LEOPARD_ASAN_BUILD_DIR:-$root/build-asan}"
jobs="${LEOPARD_JOBS:-$(nproc)}"
supp="$root/scripts/sanitizers"

"$root/scripts/fetch-tokenizer.sh" "$build/deps/tokenizer-llama3"

flags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DLEOPARD_TEST_TIMEOUT_FACTOR=4 >/dev/null
fi
cmake --build "$build" -j "$jobs"

# halt_on_error: the first report ends the process with a failure exit, so CTest marks the test failed.
# detect_leaks: leaks in our code fail too (third-party ones are suppressed by name in lsan.supp).
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:exitcode=86:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=0:check_initialization_order=1:suppressions=$supp/asan.supp"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=87:suppressions=$supp/ubsan.supp"
export QT_QPA_PLATFORM=offscreen
cd "$build"
# The fuzz test (label fuzz) builds its own clang+sanitizer targets; it does not belong in this build.
ctest --output-on-failure -j "$jobs" -LE fuzz "$@"
