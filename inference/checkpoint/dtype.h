#pragma once
// Element types a checkpoint may store, with the names torch pickles (torch.<X>Storage) and
// safetensors headers ("BF16", ...) use for them.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace leopard::ckpt {

enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

std::size_t elementSize(DType t);
const char *dtypeName(DType t);  // short names used in JSON output: "bf16", "fp16", "fp32", ...

// "BFloat16Storage" -> BF16 (the class name after "torch."); nullopt for anything else.
std::optional<DType> dtypeFromTorchStorage(const std::string &className);
// "BF16" -> BF16 (safetensors header dtype); nullopt for anything else.
std::optional<DType> dtypeFromSafetensors(const std::string &name);
// "bf16"/"bfloat16", "fp16"/"float16"/"half", "fp32"/"float32"/"float" -> the dtype; nullopt otherwise.
std::optional<DType> dtypeFromUserName(const std::string &name);

std::int64_t numel(const std::vector<std::int64_t> &shape);

} // namespace leopard::ckpt
