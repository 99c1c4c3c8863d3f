#include "inference/torch/llama_decoder.h"

#include "inference/torch/activations.h"
#include "inference/torch/decode_attention.h"
#include "inference/torch/wide_sums.h"
#include "inference/torch/kv_cache.h"
#include "inference/torch/linear.h"
#include "inference/torch/rope.h"
#include "inference/torch/step_profile.h"
#include "inference/torch/weight_loader.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

namespace leopard::model {
namespace {

// LlamaRMSNorm: statistics in fp32, the normalised value cast back before the weight multiplies.
at::Tensor rmsNorm(const at::Tensor &x, const at::Tensor &weight, double eps)
{
    const profile::Scope timing(profile::Op::Norm);
    const at::Tensor h = x.to(at::kFloat);
    const at::Tensor variance = h.pow(2).mean(-1, true);
    return weight * (h * at::rsqrt(variance + eps)).to(x.scalar_type());
}

// mask: [t, past + t] bool, true where a query must not see a key (undefined for one query).
// The last query row of probs [kvHeads, rep * t, total] (query head h = g * rep + r is row r * t + i
// of group g) into the tap: one in-place add per chosen layer, no host sync.
void tapLastRow(const AttentionTap &tap, const at::Tensor &probs, std::int64_t heads, std::int64_t t, std::int64_t layer)
{
    const std::int64_t total = probs.size(-1), kvHeads = probs.size(0);
    const at::Tensor row = t == 1 ? probs.view({heads, total})
                                  : probs.view({kvHeads, heads / kvHeads, t, total}).select(2, t - 1).reshape({heads, total});
    if (tap.sum && layer >= tap.firstLayer && layer <= tap.lastLayer) {
        const std::int64_t n = std::min(total, tap.sum->size(1));
        tap.sum->narrow(1, 0, n).add_(row.narrow(1, 0, n)); // fp32 += the scores' dtype
    }
    if (tap.rows)
        tap.rows->push_back(row.to(at::kFloat, /*non_blocking=*/false, /*copy=*/true));
}

// A decode step (one query) over a bf16 or fp32 cache on the CPU goes through decode_attention.h
// (fp32 scores, softmax and sums; for bf16 the result rounded once) instead of libtorch's matmuls,
// which read a bf16 cache at ~2 GB/s and run a one-row fp32 product through OpenBLAS's threads.
// LEOPARD_DECODE_ATTENTION=matmul keeps the matmuls (before/after).
bool useDecodeKernel(const at::Tensor &kAll, const at::Tensor &vAll, std::int64_t t, std::int64_t hd)
{
    static const bool allowed = [] {
        const char *env = std::getenv("LEOPARD_DECODE_ATTENTION");
        return !(env && std::strcmp(env, "matmul") == 0) && decodeAttentionAvailable();
    }();
    const auto type = kAll.scalar_type();
    return allowed && t == 1 && (type == at::kBFloat16 || type == at::kFloat) && vAll.scalar_type() == type
           && kAll.device().is_cpu() && (hd == 16 || hd == 32 || hd == 64 || hd == 128) && kAll.stride(2) == 1
           && vAll.stride(2) == 1 && kAll.stride(0) == vAll.stride(0) && kAll.stride(1) == vAll.stride(1);
}

// q [heads, 1, hd] against kAll / vAll [kvHeads, total, hd]: the output [1, heads * hd] in the cache's
// dtype, and the probabilities [kvHeads, rep, total] (fp32) in *probs.
at::Tensor decodeAttentionKernel(const at::Tensor &q, const at::Tensor &kAll, const at::Tensor &vAll,
                                 std::int64_t heads, std::int64_t kvHeads, std::int64_t hd, at::Tensor *probs)
{
    const std::int64_t rep = heads / kvHeads, total = kAll.size(1);
    const bool bf16 = kAll.scalar_type() == at::kBFloat16;
    const at::Tensor qf = q.reshape({heads, hd}).to(at::kFloat).contiguous();
    at::Tensor scores = at::empty({kvHeads, rep, total}, at::TensorOptions().dtype(at::kFloat));
    // as transformers: the scores divided by sqrt(hd) (here as one fp32 multiply of the fp32 score)
    const float scale = float(1.0 / std::sqrt(double(hd)));
    if (bf16)
        decodeScoresBf16(qf.data_ptr<float>(), reinterpret_cast<const std::uint16_t *>(kAll.data_ptr<at::BFloat16>()),
                         kAll.stride(0), kAll.stride(1), kvHeads, rep, hd, total, scale, scores.data_ptr<float>());
    else
        decodeScoresF32(qf.data_ptr<float>(), kAll.data_ptr<float>(), kAll.stride(0), kAll.stride(1), kvHeads, rep, hd,
                        total, scale, scores.data_ptr<float>());
    *probs = at::softmax(scores, -1);
    at::Tensor out = at::empty({heads, hd}, at::TensorOptions().dtype(at::kFloat));
    if (bf16)
        decodeWeightedValuesBf16(probs->data_ptr<float>(),
                                 reinterpret_cast<const std::uint16_t *>(vAll.data_ptr<at::BFloat16>()), vAll.stride(0),
                                 vAll.stride(1), kvHeads, rep, hd, total, out.data_ptr<float>());
    else
        decodeWeightedValuesF32(probs->data_ptr<float>(), vAll.data_ptr<float>(), vAll.stride(0), vAll.stride(1),
                                kvHeads, rep, hd, total, out.data_ptr<float>());
    return (bf16 ? out.to(at::kBFloat16) : out).reshape({1, heads * hd});
}

// The general path (prefill chunks; fp32 or another device): libtorch's matmuls. q [heads, t, hd]
// against kAll / vAll [kvHeads, total, hd]; mask as decoderForward's. Returns [t, heads * hd].
at::Tensor matmulAttention(const at::Tensor &q, const at::Tensor &kAll, const at::Tensor &vAll, const at::Tensor &mask,
                           std::int64_t heads, std::int64_t kvHeads, std::int64_t hd, const AttentionTap *tap,
                           std::int64_t layer)
{
    const std::int64_t t = q.size(1), rep = heads / kvHeads, total = kAll.size(1);
    // GQA without copying keys: query head h = g * rep + r uses kv head g, so the rep query heads
    // of group g are stacked as rows [rep * t] against that group's keys.
    const at::Tensor qg = q.reshape({kvHeads, rep * t, hd});
    // In place: at long prompts the scores are the biggest tensor here (heads x chunk x total).
    at::Tensor scores = matmulWideSums(qg, kAll.transpose(1, 2)); // [kvHeads, rep*t, total]; wide_sums.h
    scores.div_(std::sqrt(double(hd)));                        // as transformers: divided, not pre-scaled
    if (mask.defined())
        scores.view({kvHeads, rep, t, total}).masked_fill_(mask, -std::numeric_limits<float>::infinity());
    // In the scores' dtype, computed in fp32 and written narrow directly (no fp32 copy of the biggest
    // tensor here, no cast pass); bf16 on the CPU in place on the AVX-512 kernel (activations.h).
    const at::Tensor probs = softmaxLastDimOverwriting(scores);
    if (tap)
        tapLastRow(*tap, probs, heads, t, layer);
    return matmulWideSums(probs, vAll) // [kvHeads, rep*t, hd]
        .view({heads, t, hd})
        .transpose(0, 1)
        .reshape({t, heads * hd});
}

at::Tensor attention(const LoadedWeights &w, const std::string &p, const ckpt::TextConfig &cfg, const at::Tensor &x,
                     const at::Tensor &cos, const at::Tensor &sin, const at::Tensor &mask, KvCache &cache,
                     std::int64_t layer, const AttentionTap *tap)
{
    using profile::Op;
    using profile::timed;
    const std::int64_t t = x.size(0), heads = cfg.numAttentionHeads, kvHeads = cfg.numKeyValueHeads,
                       hd = cfg.headDim;
    at::Tensor q, k, v;
    {
        const profile::Scope timing(Op::QkvProj);
        q = model::projection(w, p + "self_attn.q_proj.weight", x).view({t, heads, hd}).transpose(0, 1);
        k = model::projection(w, p + "self_attn.k_proj.weight", x).view({t, kvHeads, hd}).transpose(0, 1);
        v = model::projection(w, p + "self_attn.v_proj.weight", x).view({t, kvHeads, hd}).transpose(0, 1);
    }
    {
        const profile::Scope timing(Op::Rope);
        q = applyRope(q, cos, sin);
        k = applyRope(k, cos, sin);
    }
    at::Tensor kAll, vAll;
    {
        const profile::Scope timing(Op::CacheStore);
        cache.store(layer, k, v, kAll, vAll);
    }
    const at::Tensor out = timed(Op::Attention, [&] {
        if (!useDecodeKernel(kAll, vAll, t, hd))
            return matmulAttention(q, kAll, vAll, mask, heads, kvHeads, hd, tap, layer);
        at::Tensor probs;
        at::Tensor o = decodeAttentionKernel(q, kAll, vAll, heads, kvHeads, hd, &probs);
        if (tap)
            tapLastRow(*tap, probs, heads, t, layer);
        return o;
    });
    return timed(Op::OProj, [&] { return model::projection(w, p + "self_attn.o_proj.weight", out); });
}

} // namespace

at::Tensor embedTokens(const LoadedWeights &w, const at::Tensor &ids)
{
    const profile::Scope timing(profile::Op::Embed);
    const at::Tensor &table = w.tensor(std::string(kTextPrefix) + "embed_tokens.weight");
    return at::embedding(table, ids.to(table.device(), at::kLong));
}

at::Tensor decoderForward(const LoadedWeights &w, const ckpt::TextConfig &cfg, const at::Tensor &invFreq,
                          const at::Tensor &embeds, KvCache &cache, const AttentionTap *tap)
{
    const std::int64_t t = embeds.size(0);
    at::Tensor cos, sin;
    const std::int64_t past = cache.length();
    ropeCosSin(invFreq, past, t, cos, sin);
    // Causal mask of this chunk, shared by every layer: query i (position past + i) sees keys
    // 0 .. past + i. (-inf instead of transformers' finfo.min: the same softmax, every row keeps
    // its own diagonal.)
    at::Tensor mask;
    if (t > 1) {
        const auto opts = at::TensorOptions().dtype(at::kLong).device(embeds.device());
        mask = at::arange(0, past + t, opts).unsqueeze(0) > at::arange(past, past + t, opts).unsqueeze(1);
    }
    at::Tensor h = embeds;
    for (std::int64_t i = 0; i < cfg.numHiddenLayers; ++i) {
        const std::string p = std::string(kTextPrefix) + "layers." + std::to_string(i) + ".";
        using profile::Op;
        using profile::timed;
        const at::Tensor a = rmsNorm(h, w.tensor(p + "input_layernorm.weight"), cfg.rmsNormEps);
        const at::Tensor attended = attention(w, p, cfg, a, cos, sin, mask, cache, i, tap);
        h = timed(Op::Residual, [&] { return h + attended; });
        const at::Tensor m = rmsNorm(h, w.tensor(p + "post_attention_layernorm.weight"), cfg.rmsNormEps);
        at::Tensor gate, up;
        {
            const profile::Scope timing(Op::GateUpProj);
            gate = model::projection(w, p + "mlp.gate_proj.weight", m);
            up = model::projection(w, p + "mlp.up_proj.weight", m);
        }
        const at::Tensor gated = timed(Op::SiluMul, [&] { return model::silu(gate) * up; });
        const at::Tensor down = timed(Op::DownProj, [&] { return model::projection(w, p + "mlp.down_proj.weight", gated); });
        h = timed(Op::Residual, [&] { return h + down; });
    }
    cache.advance(t);
    return rmsNorm(h, w.tensor(std::string(kTextPrefix) + "norm.weight"), cfg.rmsNormEps);
}

at::Tensor lmHeadLogits(const LoadedWeights &w, const at::Tensor &hidden)
{
    const profile::Scope timing(profile::Op::LmHead);
    return model::projection(w, "language_model.lm_head.weight", hidden).to(at::kFloat);
}

} // namespace leopard::model
