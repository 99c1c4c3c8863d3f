#pragma once
// One query position's attention over a bf16 or fp32 KV cache (a decode step), by hand: libtorch 1.13's bf16
// `at::matmul` of [kv heads, rep, head dim] × [kv heads, head dim, positions] reads the cache at
// ~2 GB/s on the CPU (7.95 ms a layer at 8 500 positions, docs/NOTES.md), which at Llama-3.1-8B's 32
// layers adds ~0.3 s to every token of a long question. Here the scores are dot products of each key
// row, read once for its group's query heads, with every query head of the group (the arithmetic of
// row_gemv.h's row product), and the output is the probability-weighted sum of the value rows, both
// with fp32 products and sums; the caller does the softmax (fp32) between. From 512 cached positions
// on, the kv heads are split over libtorch's intra-op threads. Torch-free header: raw pointers only. AVX-512 only (decodeAttentionAvailable()); elsewhere the caller
// keeps at::matmul.
#include <cstdint>

namespace leopard::model {

bool decodeAttentionAvailable();

// scores[(g * rep + r) * total + j] = dot(q[(g * rep + r) * hd ..], K[g, j, :]) * scale, where K[g, j, d]
// is at k + g * headStride + j * rowStride + d (bf16 bit patterns).
void decodeScoresBf16(const float *q, const std::uint16_t *k, std::int64_t headStride, std::int64_t rowStride,
                      std::int64_t kvHeads, std::int64_t rep, std::int64_t hd, std::int64_t total, float scale,
                      float *scores);

// The same over an fp32 cache.
void decodeScoresF32(const float *q, const float *k, std::int64_t headStride, std::int64_t rowStride,
                     std::int64_t kvHeads, std::int64_t rep, std::int64_t hd, std::int64_t total, float scale,
                     float *scores);

// out[(g * rep + r) * hd + d] = sum_j probs[(g * rep + r) * total + j] * V[g, j, d] (V laid out as K).
// hd must be a multiple of 16.
void decodeWeightedValuesBf16(const float *probs, const std::uint16_t *v, std::int64_t headStride,
                              std::int64_t rowStride, std::int64_t kvHeads, std::int64_t rep, std::int64_t hd,
                              std::int64_t total, float *out);
void decodeWeightedValuesF32(const float *probs, const float *v, std::int64_t headStride, std::int64_t rowStride,
                             std::int64_t kvHeads, std::int64_t rep, std::int64_t hd, std::int64_t total, float *out);

} // namespace leopard::model
