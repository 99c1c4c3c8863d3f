#pragma once
// How much work each stage must do at least, from config.json: the bytes a decode step reads (every
// decoder weight and lm_head once; the embedding table contributes one row) and the FLOPs of a
// prefill token and of one vision image. Divided into the machine's measured memory bandwidth and
// GEMM rate they give the physical floor leopard-bench prints beside each figure.
#include "inference/checkpoint/model_config.h"
#include "inference/torch/weight_format.h"

#include <cstdint>

namespace leopard::bench {

// Bytes of weights one decode token streams: decoder layers + final norm + lm_head. Int8: the
// projections and lm_head one byte per weight and 4 per row (the scales), the norms in the dtype;
// int4: half a byte per weight and 4 per group (fp16 scale and offset).
double decodeWeightBytes(const ckpt::TextConfig &cfg, int bytesPerElement, WeightFormat weights = WeightFormat::Full);

// FLOPs per prompt token for a prompt of `length` tokens: 2 x decoder linear weights + causal
// attention (QK^T and PV over on average (length+1)/2 keys) + the one lm_head row of logits spread
// over the prompt.
double prefillFlopsPerToken(const ckpt::TextConfig &cfg, std::int64_t length);

// FLOPs per model image: patch embedding, every SigLIP layer (projections, attention, MLP) and the
// projector after the pixel shuffle.
double visionFlopsPerImage(const ckpt::ModelConfig &cfg);

// Parameters of the tensors the model uses (vision tower, projector, text decoder with both tables).
double modelParameters(const ckpt::ModelConfig &cfg);

} // namespace leopard::bench
