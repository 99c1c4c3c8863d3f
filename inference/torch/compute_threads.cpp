#include "inference/torch/compute_threads.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>

#include <dlfcn.h>

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

// fp32 products of more than one row go to OpenBLAS, whose pthreads build keeps its own pool (all
// cores, whatever libtorch's count): `--threads 1` still ran two busy threads in fp32 prefill. Looked up
// at run time because libtorch links the BLAS, not this project, and a build without OpenBLAS (MKL,
// Accelerate) has no such symbol.
static void setBlasThreads(int threads)
{
    using SetThreads = void (*)(int);
    static const auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    if (set)
        set(threads);
}

void useComputeThreads()
{
    const int want = wantedComputeThreads();
    if (want > 0 && at::get_num_threads() != want)
        at::set_num_threads(want);
    static std::atomic<int> blasThreads{0};
    if (want > 0 && blasThreads.exchange(want) != want)
        setBlasThreads(want);
}

int computeThreads() { return at::get_num_threads(); }

} // namespace leopard::perf
