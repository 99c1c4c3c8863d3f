#!/usr/bin/env bash
# CTest `fuzz_bounded` (label fuzz): configures and builds the libFuzzer harnesses with clang in their
# own build directory (ccache makes the rebuild seconds), then runs each for LEOPARD_FUZZ_SECONDS
# (default 20) from the committed seed corpus. Any crash, sanitizer report, leak, timeout (> 10 s for
# one input) or out-of-memory (> 2 GB) fails the test; the input is left in <fuzz build>/artifacts.
# usage: run-bounded.sh SOURCE_DIR FUZZ_BUILD_DIR CLANGXX TOKENIZER_DIR [target...]
set -euo pipefail
src="$1" build="$2" cxx="$3" tokdir="$4"; shift 4
seconds="${LEOPARD_FUZZ_SECONDS:-20}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_unpickler fuzz_torch_zip fuzz_safetensors fuzz_model_config fuzz_tokenizer fuzz_planner)

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$src" -B "$build" -G Ninja -DLEOPARD_FUZZ=ON -DCMAKE_CXX_COMPILER="$cxx" \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEOPARD_TOKENIZER_DIR="$tokdir" >/dev/null
fi
nice cmake --build "$build" -j "${LEOPARD_JOBS:-2}" --target "${targets[@]}"

mkdir -p "$build/artifacts" "$build/work"
export LEOPARD_TOKENIZER_DIR="$tokdir"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
status=0
for t in "${targets[@]}"; do
  work="$build/work/$t"
  rm -rf "$work" && mkdir -p "$work"   # new inputs go here; the committed seeds stay as they are
  log="$build/work/$t.log"
  if nice "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
          -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "$work" "$src/tests/fuzz/corpus/$t" >"$log" 2>&1; then
    execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "$t: ${execs:-?} executions in ${seconds} s, no finding"
  else
    echo "$t: FINDING (log $log):"; grep -E 'ERROR|invariant broken|SUMMARY|Test unit written' "$log" | head -20
    status=1
  fi
done
exit $status
