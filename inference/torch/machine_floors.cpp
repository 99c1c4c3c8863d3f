#include "inference/torch/machine_floors.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <initializer_list>

namespace leopard::perf {
namespace {

using Clock = std::chrono::steady_clock;

at::ScalarType scalarType(ckpt::DType t)
{
    switch (t) {
    case ckpt::DType::F16: return at::kHalf;
    case ckpt::DType::BF16: return at::kBFloat16;
    default: return at::kFloat;
    }
}

// Waits for the device so that a timing covers the work, not only its launch.
void sync(const at::Tensor &t)
{
    if (!t.device().is_cpu())
        (void)t.sum().item<float>(); // stable API: a host read waits for the stream
}

// A plain streaming read of every byte, split into `streams` sequential streams read side by side
// (one core's hardware prefetchers follow several streams at once: on this machine 1 stream reads
// ~10 GB/s, 8 streams ~15 GB/s) with the widest loads the CPU has, XOR-folded so the loop waits for
// memory, not for arithmetic. at::sum alone understates a core's bandwidth (its cascade summation is
// compute-bound at ~10 GB/s here), and a decode step reads several weight rows at once.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LEOPARD_READ_TARGETS __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define LEOPARD_READ_TARGETS
#endif
using Block = std::uint64_t __attribute__((vector_size(64)));

LEOPARD_READ_TARGETS std::uint64_t readStreams(const unsigned char *p, std::uint64_t bytes, int streams)
{
    Block acc[16] = {};
    const std::uint64_t per = bytes / std::uint64_t(streams) / 128 * 128;
    for (std::uint64_t off = 0; off < per; off += 128)
        for (int s = 0; s < streams; ++s) {
            Block a, b;
            std::memcpy(&a, p + s * per + off, sizeof a);
            std::memcpy(&b, p + s * per + off + 64, sizeof b);
            acc[s] ^= a ^ b;
        }
    Block all = {};
    for (int s = 0; s < streams; ++s)
        all ^= acc[s];
    std::uint64_t folded = 0;
    for (int i = 0; i < 8; ++i)
        folded ^= all[i];
    return folded;
}

// readStreams over every intra-op thread, each reading its own contiguous slice (as the decode
// kernels split a weight matrix by rows): the ceiling at --threads N is read by N threads. Even so,
// on the 2-vCPU EPYC of 2026-12-04 two threads read 47 GB/s here while the small model's decode read
// its own weights at 65-73 GB/s (PERFORMANCE.md, "Decode on every thread": not understood yet).
std::uint64_t readSplit(const unsigned char *p, std::uint64_t bytes, int streams)
{
    const std::int64_t threads = std::max(1, at::get_num_threads());
    const std::uint64_t slice = bytes / std::uint64_t(threads) / 4096 * 4096;
    std::atomic<std::uint64_t> folded{0};
    at::parallel_for(0, threads, 1, [&](std::int64_t t0, std::int64_t t1) {
        for (std::int64_t t = t0; t < t1; ++t)
            folded ^= readStreams(p + std::uint64_t(t) * slice, slice, streams);
    });
    return folded.load();
}

} // namespace

std::vector<double> measureReadBandwidth(std::uint64_t bytes, int repeats, const std::string &device)
{
    c10::InferenceMode guard;
    const at::Tensor buf = at::ones({std::int64_t(bytes / 4)}, at::TensorOptions().dtype(at::kFloat).device(at::Device(device)));
    sync(buf.sum()); // touch every page once before timing
    const bool cpu = buf.device().is_cpu();
    std::vector<double> out;
    volatile std::uint64_t sink = 0; // keeps the read loop from being optimised away
    for (int i = 0; i < repeats; ++i) {
        // Each sample is the best of the ways to read (on the CPU): each is an honest lower bound.
        double best = 0;
        for (int streams : {0, 1, 4, 8, 16}) { // 0: at::sum
            if (streams > 0 && !cpu)
                break;
            const auto t0 = Clock::now();
            if (streams == 0)
                sync(buf.sum());
            else
                sink = sink ^ readSplit(static_cast<const unsigned char *>(buf.data_ptr()), bytes / 4 * 4, streams);
            const double s = std::chrono::duration<double>(Clock::now() - t0).count();
            best = std::max(best, double(buf.numel()) * 4 / s / 1e9);
        }
        out.push_back(best);
    }
    return out;
}

std::vector<double> measureMatmulRate(std::int64_t m, std::int64_t k, std::int64_t n, ckpt::DType dtype, int repeats,
                                      const std::string &device)
{
    c10::InferenceMode guard;
    const auto opts = at::TensorOptions().dtype(scalarType(dtype)).device(at::Device(device));
    const at::Tensor x = at::randn({m, k}, at::TensorOptions().dtype(at::kFloat)).to(opts);
    const at::Tensor w = (at::randn({n, k}, at::TensorOptions().dtype(at::kFloat)) * 0.02).to(opts);
    sync(at::linear(x, w)); // warm-up: oneDNN primitive creation, page faults
    std::vector<double> out;
    for (int i = 0; i < repeats; ++i) {
        const auto t0 = Clock::now();
        sync(at::linear(x, w));
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        out.push_back(2.0 * double(m) * double(k) * double(n) / s / 1e9);
    }
    return out;
}

std::string torchBuildConfig() { return at::show_config(); }

} // namespace leopard::perf
