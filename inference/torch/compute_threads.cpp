#include "inference/torch/compute_threads.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>

namespace leopard::perf {
namespace {

std::atomic<int> g_explicit{0};

int defaultThreads()
{
    if (const char *env = std::getenv("LEOPARD_THREADS"))
        return std::max(0, std::atoi(env));
    return 0;
}

} // namespace

void setComputeThreads(int threads)
{
    g_explicit.store(std::max(0, threads));
    useComputeThreads();
}

int wantedComputeThreads()
{
    const int e = g_explicit.load();
    return e > 0 ? e : defaultThreads();
}

void useComputeThreads()
{
    const int want = wantedComputeThreads();
    if (want > 0 && at::get_num_threads() != want)
        at::set_num_threads(want);
}

int computeThreads() { return at::get_num_threads(); }

} // namespace leopard::perf
