#pragma once
// How the decoder's linear weights are held in memory (--weights): in the compute dtype, or
// quantized to int8 at load (quantized_linear.h). Torch-free: the CLI, the worker and the UI parse
// and show it without libtorch headers.
#include <cstdint>
#include <optional>
#include <string>

namespace leopard {

enum class WeightFormat {
    Full, // every weight in the compute dtype (--dtype): bf16, fp16 or fp32
    Int8, // the text decoder's projections and lm_head: int8, symmetric, one fp32 scale per output row
    Int4, // the same tensors in 4 bits, group-wise (int4_weights.h)
    Auto, // chosen at load (LeopardModel::load): Full where it fits in memory, else Int8 (chooseWeightFormat)
};

// "full" (also "bf16", "fp16", "fp32": the weights stay in the compute dtype), "int8", "int4" or "auto";
// nullopt otherwise.
std::optional<WeightFormat> weightFormatFromName(const std::string &name);
const char *weightFormatName(WeightFormat format); // "full", "int8", "int4", "auto"

// Whether a tensor (canonical name) is quantized under a format other than Full: the text decoder's
// q/k/v/o, gate/up/down projections and lm_head. The embedding table, norms, the vision tower and
// the projector stay in the compute dtype (tests/model/README.md, "Quantized weights", says why).
bool isQuantizedLinear(const std::string &canonicalName);
// Where a quantized weight's scales are kept in LoadedWeights: NAME + "_scale" (fp32: [rows] for
// int8; fp16 [rows, groups] for int4), and int4's offsets: NAME + "_offset" (fp16 [rows, groups]).
std::string scaleNameOf(const std::string &weightName);
std::string offsetNameOf(const std::string &weightName);

// Bytes one weight of a quantized tensor takes in memory, its group's scale and offset included
// (int4: half a byte + 4 bytes per group of int4Layout().group), int8's one scale per row left out
// (4 bytes per thousands of weights); the compute dtype's size for Full and Auto.
double bytesPerWeight(WeightFormat format, int computeElementBytes);

// Bytes a model's tensors take in memory under a format (Int8: quantizable tensors one byte per
// element plus 4 per row; Int4: bytesPerWeight). For choosing a format (what fits).
struct WeightBytes {
    std::uint64_t quantizableElements = 0, quantizableRows = 0, otherElements = 0;
    std::uint64_t bytes(WeightFormat format, int computeElementBytes) const;
};

// Auto's choice: Full when its bytes leave `headroomBytes` of `availableBytes` free (activations, the
// KV cache, the rest of the app), else Int8 when that does, else Int4 (even when that does not fit
// either: the load then fails with the allocator's message, as a Full load would).
WeightFormat chooseWeightFormat(const WeightBytes &b, int computeElementBytes, std::uint64_t availableBytes,
                                std::uint64_t headroomBytes);
// MemAvailable of /proc/meminfo (0 when unreadable: then Auto keeps Full).
std::uint64_t availableHostMemory();

} // namespace leopard
