#pragma once
// The DRAM read-bandwidth ceiling behind the decode floor, measured per thread count and checked in
// the same run against a plain C++ read loop that shares nothing with the bench's own measurement
// (perf::measureReadBandwidth, machine_floors.h: a libtorch buffer, at::sum and hand-vectorised
// stream loops). When the two disagree, the floor built on either is not to be trusted, so both are
// printed side by side, per thread count; the floor uses the faster of the two at the thread count
// decode runs with (each is an honest lower bound on what the memory delivers).
#include "app/bench/bench_report.h"

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace leopard::bench {

// A buffer of `bytes` (written once, so every page is really backed: untouched pages of a fresh
// allocation all map the kernel's one zero page and would read from cache; offered to transparent
// huge pages) and plain summing loops over it: no libtorch, no intrinsics, only what the compiler
// makes of `s += p[i]`.
class PlainReadBuffer {
public:
    explicit PlainReadBuffer(std::uint64_t bytes);
    // GB/s of one pass over the whole buffer by `threads` std::threads, each summing its own
    // contiguous slice; the clock starts when all of them are ready and stops when the last is done.
    double readOnce(int threads);
    std::uint64_t bytes() const { return count_ * sizeof(std::uint64_t); }
    double hugePagesMb() const { return hugeMb_; } // of the buffer on 2 MB pages (-1: unknown)

private:
    struct Free {
        void operator()(std::uint64_t *p) const { std::free(p); }
    };
    std::unique_ptr<std::uint64_t, Free> data_;
    double hugeMb_ = -1;
    std::uint64_t count_ = 0;
    std::uint64_t sink_ = 0; // the sums go here, so the loops cannot be dropped
};

// The CPUs this process may run on (its affinity mask), at least 1.
int cpusAllowed();

struct BandwidthCeilings {
    std::vector<Measurement> rows; // "read_bandwidth" (the floor's basis) first, then per thread count and method
    double floorBandwidth = 0;     // GB/s: the best sample of "read_bandwidth"
};

// For each count in `threadCounts` (on the CPU): `repeats` samples of the bench's own measurement
// with libtorch at that many intra-op threads and of the plain loop on that many threads, taken in
// turn (a noisy machine drifts; neighbours see the same load). `runThreads` is the count decode
// runs with: "read_bandwidth" holds, per sample, the better of the two methods at that count. On
// another device only the bench's own measurement runs (the plain loop reads host memory).
// libtorch's thread count is `runThreads` again on return.
BandwidthCeilings measureBandwidthCeilings(std::uint64_t bytes, int repeats, const std::string &device,
                                           std::vector<int> threadCounts, int runThreads,
                                           const std::function<void(const std::string &)> &log);

} // namespace leopard::bench
