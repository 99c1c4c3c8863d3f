#include "app/bench/read_bandwidth.h"

#include "inference/torch/compute_threads.h"
#include "inference/torch/machine_floors.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include <fstream>
#include <new>

#include <sched.h>
#include <sys/mman.h>

namespace leopard::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Four independent sums: one chain of adds would wait on its own latency (1 add per cycle, 8 bytes a
// cycle, near DRAM speed on a fast core) instead of on memory. Integer adds, so the compiler may
// vectorise the loop as it likes without changing the result.
std::uint64_t sumSlice(const std::uint64_t *p, std::uint64_t n)
{
    std::uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0, i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += p[i];
        s1 += p[i + 1];
        s2 += p[i + 2];
        s3 += p[i + 3];
    }
    for (; i < n; ++i)
        s0 += p[i];
    return s0 + s1 + s2 + s3;
}

std::string threadsText(int n) { return std::to_string(n) + (n == 1 ? " thread" : " threads"); }

// AnonHugePages of this process in MB (/proc/self/smaps_rollup), -1 where the kernel does not say.
double anonHugePagesMb()
{
    std::ifstream in("/proc/self/smaps_rollup");
    std::string key;
    double kb = 0;
    while (in >> key)
        if (key == "AnonHugePages:" && in >> kb)
            return kb / 1024;
    return -1;
}

} // namespace

PlainReadBuffer::PlainReadBuffer(std::uint64_t bytes)
    : count_(std::max<std::uint64_t>(1, bytes / sizeof(std::uint64_t)))
{
    // 2 MB aligned and offered to transparent huge pages: a stream over 4 KB pages is slower (a TLB
    // walk per page, prefetchers that stop at page ends: 5-15 % on this VM), and memory-mapped weights
    // (llama.cpp's GGUF in the page cache) can sit on 2 MB pages, so a floor read over 4 KB pages only
    // would be too low. Where the kernel gives none, the loop reads 4 KB pages and the note says so.
    const std::uint64_t size = (count_ * sizeof(std::uint64_t) + (2u << 20) - 1) / (2u << 20) * (2u << 20);
    void *p = nullptr;
    if (posix_memalign(&p, 2u << 20, size) != 0)
        throw std::bad_alloc();
    data_.reset(static_cast<std::uint64_t *>(p));
    const double before = anonHugePagesMb();
    madvise(p, size, MADV_HUGEPAGE); // advice only: failure leaves ordinary pages
    for (std::uint64_t i = 0; i < count_; ++i)
        data_.get()[i] = i;
    hugeMb_ = before < 0 ? -1 : std::max(0.0, anonHugePagesMb() - before);
}

double PlainReadBuffer::readOnce(int threads)
{
    threads = std::max(1, threads);
    const std::uint64_t *p = data_.get();
    auto begin = [&](int t) { return count_ * std::uint64_t(t) / std::uint64_t(threads); };
    std::vector<std::uint64_t> sums(std::size_t(threads), 0);
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back([&, t] {
            ready.fetch_add(1);
            while (!go.load(std::memory_order_acquire))
                std::this_thread::yield();
            sums[std::size_t(t)] = sumSlice(p + begin(t), begin(t + 1) - begin(t));
        });
    // Thread start-up is not timed: the clock starts once every worker waits for the signal.
    while (ready.load() < threads - 1)
        std::this_thread::yield();
    const auto t0 = Clock::now();
    go.store(true, std::memory_order_release);
    sums[0] = sumSlice(p, begin(1)); // this thread reads the first slice itself
    for (std::thread &t : pool)
        t.join();
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    for (std::uint64_t v : sums)
        sink_ ^= v;
    return double(bytes()) / s / 1e9;
}

int cpusAllowed()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        return std::max(1, CPU_COUNT(&set));
    return std::max(1u, std::thread::hardware_concurrency());
}

BandwidthCeilings measureBandwidthCeilings(std::uint64_t bytes, int repeats, const std::string &device,
                                           std::vector<int> threadCounts, int runThreads,
                                           const std::function<void(const std::string &)> &log)
{
    const bool cpu = device == "cpu";
    threadCounts.push_back(runThreads);
    std::sort(threadCounts.begin(), threadCounts.end());
    threadCounts.erase(std::unique(threadCounts.begin(), threadCounts.end()), threadCounts.end());
    if (!cpu)
        threadCounts = {runThreads};
    const std::string mb = std::to_string(bytes >> 20) + " MB";
    if (log)
        log("measuring memory bandwidth (" + mb + ", " + std::to_string(repeats) + " samples per thread count and method)");

    std::vector<Measurement> ours, plain;
    for (int n : threadCounts) {
        Measurement o{"read_bandwidth_" + std::to_string(n) + "t", "  " + threadsText(n) + ", bench loops (GB/s)", "GB/s"};
        o.note = "machine_floors: best of at::sum (" + threadsText(n) + ") and 1-16 stream loops (one thread), " + mb +
                 " fp32";
        o.extra = {{"threads", n}, {"method", "machine_floors"}};
        Measurement p{"plain_read_" + std::to_string(n) + "t", "  " + threadsText(n) + ", plain C loop (GB/s)", "GB/s"};
        p.note = "uint64 sum over " + mb + " by " + std::to_string(n) + (n == 1 ? " std::thread" : " std::threads") +
                 ", no libtorch";
        p.extra = {{"threads", n}, {"method", "plain_loop"}};
        ours.push_back(o);
        plain.push_back(p);
    }
    std::unique_ptr<PlainReadBuffer> buffer;
    if (cpu) {
        buffer = std::make_unique<PlainReadBuffer>(bytes);
        for (Measurement &p : plain) {
            p.note += buffer->hugePagesMb() < 0 ? ", page size unknown"
                                                : ", on 2 MB pages: " + fixed(buffer->hugePagesMb(), 1) + " MB";
            p.extra["huge_pages_mb"] = buffer->hugePagesMb();
        }
    }
    for (int r = 0; r < repeats; ++r)
        for (std::size_t i = 0; i < threadCounts.size(); ++i) {
            // at::sum follows libtorch's intra-op thread count; the stream loops stay on this thread.
            perf::setComputeThreads(threadCounts[i]);
            ours[i].samples.push_back(perf::measureReadBandwidth(bytes, 1, device).front());
            if (buffer)
                plain[i].samples.push_back(buffer->readOnce(threadCounts[i]));
        }
    perf::setComputeThreads(runThreads);

    BandwidthCeilings out;
    Measurement floor{"read_bandwidth", "DRAM read bandwidth, " + threadsText(runThreads) + " (GB/s)", "GB/s"};
    const std::size_t at = std::size_t(std::find(threadCounts.begin(), threadCounts.end(), runThreads) - threadCounts.begin());
    for (int r = 0; r < repeats; ++r)
        floor.samples.push_back(cpu ? std::max(ours[at].samples[std::size_t(r)], plain[at].samples[std::size_t(r)])
                                    : ours[at].samples[std::size_t(r)]);
    floor.note = cpu ? "decode's floor basis: per sample the better of the two methods below at " + threadsText(runThreads)
                     : "at::sum over " + mb + " fp32 on " + device;
    floor.extra = {{"threads", runThreads}, {"method", cpu ? "best of machine_floors and plain_loop" : "machine_floors"}};
    out.floorBandwidth = figuresOf(floor.samples).max;
    out.rows.push_back(floor);
    for (std::size_t i = 0; i < threadCounts.size(); ++i) {
        if (!cpu) {
            out.rows.push_back(ours[i]);
            continue;
        }
        // Beside each other in the table, and the ratio of the medians where a machine reads it.
        const double a = figuresOf(ours[i].samples).median, b = figuresOf(plain[i].samples).median;
        ours[i].note += "; median " + fixed(a, 1) + " vs plain loop " + fixed(b, 1) + " GB/s (" + fixed(100 * a / b, 1) + " %)";
        ours[i].extra["plain_loop_median"] = b;
        ours[i].extra["bench_over_plain"] = a / b;
        out.rows.push_back(ours[i]);
        out.rows.push_back(plain[i]);
        if (log)
            log("read bandwidth at " + threadsText(threadCounts[i]) + ": bench loops " + fixed(a, 1) + " GB/s, plain loop " +
                fixed(b, 1) + " GB/s (medians)");
    }
    return out;
}

} // namespace leopard::bench
