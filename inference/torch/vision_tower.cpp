#include "inference/torch/vision_tower.h"

#include "inference/torch/activations.h"
#include "inference/torch/compute_threads.h"
#include "inference/torch/weight_loader.h"
#include "inference/torch/wide_sums.h"

#include <ATen/ATen.h>

#include <cmath>
#include <string>

namespace leopard::model {
namespace {

struct Layer {
    const LoadedWeights &w;
    std::string prefix;
    const at::Tensor &t(const char *name) const { return w.tensor(prefix + name); }
};

// LayerNorm over the last dimension. Computed in fp32 and cast back: bf16/fp16 statistics over
// 1152 channels lose digits for nothing; in fp32 this is exactly nn.LayerNorm.
at::Tensor layerNorm(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias, double eps)
{
    const at::Tensor y = at::layer_norm(x.to(at::kFloat), {x.size(-1)}, weight.to(at::kFloat), bias.to(at::kFloat), eps);
    return y.to(x.scalar_type());
}

at::Tensor attention(const Layer &l, const at::Tensor &x, std::int64_t heads)
{
    const std::int64_t n = x.size(0), len = x.size(1), hidden = x.size(2), headDim = hidden / heads;
    auto proj = [&](const char *name) {
        const std::string base = std::string("self_attn.") + name;
        return at::linear(x, l.t((base + ".weight").c_str()), l.t((base + ".bias").c_str()))
            .view({n, len, heads, headDim})
            .transpose(1, 2); // [n, heads, len, headDim]
    };
    const at::Tensor q = proj("q_proj"), k = proj("k_proj"), v = proj("v_proj");
    // As SiglipAttention (eager): (q k^T) * head_dim^-0.5, softmax accumulated in fp32, no mask.
    const double scale = std::pow(double(headDim), -0.5);
    at::Tensor scores = matmulWideSums(q, k.transpose(2, 3)); // fp32 sums where libtorch would not (wide_sums.h)
    scores.mul_(scale);
    // In the scores' own dtype, computed in fp32 and written narrow directly (no fp32 copy of the
    // biggest tensor here, no cast pass); bf16 on the CPU runs the AVX-512 kernel in place of the
    // scores (activations.h), fp32 is at::softmax.
    const at::Tensor probs = softmaxLastDimOverwriting(scores);
    const at::Tensor out = matmulWideSums(probs, v).transpose(1, 2).reshape({n, len, hidden});
    return at::linear(out, l.t("self_attn.out_proj.weight"), l.t("self_attn.out_proj.bias"));
}

at::Tensor activation(const at::Tensor &x, const std::string &name)
{
    if (name == "gelu_pytorch_tanh" || name == "gelu_new" || name == "gelu_fast")
        return geluTanh(x);
    if (name == "gelu")
        return at::gelu(x);
    if (name == "quick_gelu")
        return x * at::sigmoid(1.702 * x);
    if (name == "relu")
        return at::relu(x);
    if (name == "silu" || name == "swish")
        return at::silu(x);
    throw std::runtime_error("vision_config.hidden_act '" + name + "' is not supported");
}

} // namespace

at::Tensor runVisionTower(const LoadedWeights &w, const ckpt::VisionConfig &cfg, const at::Tensor &pixelValues)
{
    perf::useComputeThreads(); // the calling (worker) thread's own OpenMP count: see compute_threads.h
    const std::string p = kVisionPrefix;
    const at::Tensor &patchW = w.tensor(p + "embeddings.patch_embedding.weight");
    const at::Tensor x0 = pixelValues.to(patchW.device(), patchW.scalar_type());
    // Conv2d(3 -> hidden, kernel = stride = patch) then flatten the grid row-major.
    at::Tensor h = conv2dWideSums(x0, patchW, w.tensor(p + "embeddings.patch_embedding.bias"), cfg.patchSize);
    h = h.flatten(2).transpose(1, 2); // [N, P, hidden]
    const at::Tensor &pos = w.tensor(p + "embeddings.position_embedding.weight");
    if (pos.size(0) != h.size(1))
        throw std::runtime_error("SigLIP position embedding has " + std::to_string(pos.size(0)) + " rows for " +
                                 std::to_string(h.size(1)) + " patches");
    h = h + pos.unsqueeze(0);

    for (std::int64_t i = 0; i < cfg.numHiddenLayers; ++i) {
        const Layer l{w, p + "encoder.layers." + std::to_string(i) + "."};
        const at::Tensor a = layerNorm(h, l.t("layer_norm1.weight"), l.t("layer_norm1.bias"), cfg.layerNormEps);
        h = h + attention(l, a, cfg.numAttentionHeads);
        const at::Tensor m = layerNorm(h, l.t("layer_norm2.weight"), l.t("layer_norm2.bias"), cfg.layerNormEps);
        const at::Tensor f = activation(at::linear(m, l.t("mlp.fc1.weight"), l.t("mlp.fc1.bias")), cfg.hiddenAct);
        h = h + at::linear(f, l.t("mlp.fc2.weight"), l.t("mlp.fc2.bias"));
    }
    return layerNorm(h, w.tensor(p + "post_layernorm.weight"), w.tensor(p + "post_layernorm.bias"), cfg.layerNormEps);
}

} // namespace leopard::model
