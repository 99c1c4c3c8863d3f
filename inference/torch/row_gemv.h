#pragma once
// y[r] = dot(W[r, :], x) for a block of weight rows: the matrix-vector product of one decode step,
// where every weight is read once per token and the speed is the memory's. Written by hand because
// libtorch 1.13's CPU paths stream weights well below the machine's bandwidth at one row of input
// (oneDNN's bf16 brgemm at M = 1: ~50 % of a plain sum(); OpenBLAS's sgemv runs its own threads that
// stall when the cores are busy) — PERFORMANCE.md, "Decode". Torch-free: raw pointers only, so the
// kernel can be tested and benchmarked against any reference.
//
// x86-64 only, chosen at run time from what the CPU has (AVX-512 or AVX2 + FMA); elsewhere
// rowGemvLevel() is None and the caller keeps at::linear. Products and sums are fp32 (bf16 weights
// are widened exactly), with several partial sums per row: the result matches a double-precision dot
// product to fp32 rounding, not any particular library's summation order.
#include <cstdint>

namespace leopard::model {

// Avx512Bf16: Avx512 plus vdpbf16ps for rowGemvBf16In (bf16 weights and row); the other entry
// points run their Avx512 code at that level.
enum class GemvLevel { None, Avx2, Avx512, Avx512Bf16 };

// The best level this CPU runs; LEOPARD_KERNELS=avx512, avx2 or none lowers it (for before/after
// comparisons; none also turns off bf16_math.h, so the model runs on libtorch alone).
GemvLevel rowGemvLevel();
const char *gemvLevelName(GemvLevel level);

// Rows [rowBegin, rowEnd) of W (row r at w + r * rowStride, `cols` elements) times x (`cols` fp32),
// written to y[rowBegin .. rowEnd). bf16 weights are raw bit patterns. `level` must not exceed
// rowGemvLevel() and must not be None.
void rowGemvBf16(GemvLevel level, const std::uint16_t *w, std::int64_t rowStride, std::int64_t cols, const float *x,
                 std::int64_t rowBegin, std::int64_t rowEnd, float *y);
// The same with x as bf16 bit patterns (every bf16 model's row is one: nothing is rounded). At
// Avx512 x is widened in registers: the same fp32 products and sums as rowGemvBf16 on the widened x
// (bit-identical), with half the bytes of x in L1 (x of the down projection, 14336 columns, is 57 kB
// in fp32, more than Zen 5's 48 kB L1, and is read again for every row). At Avx512Bf16 the products
// run on vdpbf16ps: exact products and fp32 sums as well, in another order (not bit-identical).
void rowGemvBf16In(GemvLevel level, const std::uint16_t *w, std::int64_t rowStride, std::int64_t cols,
                   const std::uint16_t *x, std::int64_t rowBegin, std::int64_t rowEnd, float *y);
void rowGemvF32(GemvLevel level, const float *w, std::int64_t rowStride, std::int64_t cols, const float *x,
                std::int64_t rowBegin, std::int64_t rowEnd, float *y);
// int8 weights (symmetric, one fp32 scale per row: W[r, k] = w[r, k] * scale[r]) times an fp32 x:
// y[r] = scale[r] * sum_k w[r, k] x[k], the int8 widened exactly in registers, fp32 sums
// (row_gemv_int8.cpp; AVX2 code at every level above None).
void rowGemvInt8(GemvLevel level, const std::int8_t *w, std::int64_t rowStride, std::int64_t cols, const float *x,
                 const float *scale, std::int64_t rowBegin, std::int64_t rowEnd, float *y);
// Group-wise 4-bit weights (int4_weights.h: codes packed in blocks of 32, W = q * d + m per group of
// `group` weights; rowStride in bytes) times an fp32 x; xGroupSums[g] = sum of x over group g.
// scale / offset: fp16 bit patterns, [rows, cols / group] row-major. group: a multiple of 32 dividing cols.
void rowGemvInt4(GemvLevel level, const std::uint8_t *w, std::int64_t rowStride, std::int64_t cols, std::int64_t group,
                 const float *x, const float *xGroupSums, const std::uint16_t *scale, const std::uint16_t *offset,
                 std::int64_t rowBegin, std::int64_t rowEnd, float *y);

} // namespace leopard::model
