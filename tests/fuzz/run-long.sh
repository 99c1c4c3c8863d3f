#!/usr/bin/env bash
# Long fuzzing by hand: every harness (or the ones named) for LEOPARD_FUZZ_SECONDS each (default 600),
# with the clang build in build/fuzz. New interesting inputs accumulate in build/fuzz/work/<target>;
# copy crash inputs (build/fuzz/artifacts) into tests/fuzz/corpus/<target>/regress-<what> once fixed.
# usage: tests/fuzz/run-long.sh [target...]     e.g. LEOPARD_FUZZ_SECONDS=3600 tests/fuzz/run-long.sh fuzz_unpickler
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export LEOPARD_FUZZ_SECONDS="${LEOPARD_FUZZ_SECONDS:-600}"
exec bash "$root/tests/fuzz/run-bounded.sh" "$root" "${LEOPARD_FUZZ_BUILD_DIR:-$root/build/fuzz}" "${CXX:-clang++}" \
     "${LEOPARD_TOKENIZER_DIR:-$root/build/deps/tokenizer-llama3}" "$@"
