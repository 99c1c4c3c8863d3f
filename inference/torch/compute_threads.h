#pragma once
// How many threads libtorch computes on. By default the model keeps libtorch's own choice (its
// physical-core count as cpuinfo sees it; 1 on this project's 2-vCPU VM: PERFORMANCE.md). A count set
// with setComputeThreads() (leopard-bench --threads) or the environment variable LEOPARD_THREADS is
// applied by useComputeThreads(), which the model calls before each vision encode and generation: with
// OpenMP the count is kept per calling thread, so setting it once on another thread would not reach
// the model's worker. The same count goes to OpenBLAS (fp32 products of several rows), which otherwise
// keeps one thread per core. Torch-free header.

namespace leopard::perf {

// 0: back to the default (LEOPARD_THREADS when set, else libtorch's choice).
void setComputeThreads(int threads);
// The count useComputeThreads() applies; 0 when libtorch's own choice stands.
int wantedComputeThreads();
// Sets libtorch's intra-op threads for the calling thread to wantedComputeThreads() (when not 0).
void useComputeThreads();
// libtorch's intra-op threads of the calling thread.
int computeThreads();

} // namespace leopard::perf
