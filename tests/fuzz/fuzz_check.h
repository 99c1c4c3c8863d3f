#pragma once
// What every harness does with a broken invariant: say which, then abort, so libFuzzer records the
// input as a crash (a plain assert would vanish under NDEBUG).
#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond, ...)                                                                         \
    do {                                                                                              \
        if (!(cond)) {                                                                                \
            std::fprintf(stderr, "invariant broken: %s (%s:%d): ", #cond, __FILE__, __LINE__);      \
            std::fprintf(stderr, __VA_ARGS__);                                                        \
            std::fputc('\n', stderr);                                                                 \
            std::abort();                                                                             \
        }                                                                                             \
    } while (0)
