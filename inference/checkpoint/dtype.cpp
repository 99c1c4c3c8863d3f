#include "inference/checkpoint/dtype.h"
#include "inference/checkpoint/error.h"

namespace leopard::ckpt {

void fail(const std::string &file, const std::string &what)
{
    throw CheckpointError(file + ": " + what);
}

std::size_t elementSize(DType t)
{
    switch (t) {
    case DType::F64: case DType::I64: return 8;
    case DType::F32: case DType::I32: return 4;
    case DType::F16: case DType::BF16: case DType::I16: return 2;
    case DType::I8: case DType::U8: case DType::Bool: return 1;
    }
    return 1;
}

const char *dtypeName(DType t)
{
    switch (t) {
    case DType::F64: return "fp64";
    case DType::F32: return "fp32";
    case DType::F16: return "fp16";
    case DType::BF16: return "bf16";
    case DType::I64: return "int64";
    case DType::I32: return "int32";
    case DType::I16: return "int16";
    case DType::I8: return "int8";
    case DType::U8: return "uint8";
    case DType::Bool: return "bool";
    }
    return "?";
}

std::optional<DType> dtypeFromTorchStorage(const std::string &c)
{
    if (c == "FloatStorage") return DType::F32;
    if (c == "HalfStorage") return DType::F16;
    if (c == "BFloat16Storage") return DType::BF16;
    if (c == "DoubleStorage") return DType::F64;
    if (c == "LongStorage") return DType::I64;
    if (c == "IntStorage") return DType::I32;
    if (c == "ShortStorage") return DType::I16;
    if (c == "CharStorage") return DType::I8;
    if (c == "ByteStorage") return DType::U8;
    if (c == "BoolStorage") return DType::Bool;
    return std::nullopt;
}

std::optional<DType> dtypeFromSafetensors(const std::string &n)
{
    if (n == "F32") return DType::F32;
    if (n == "F16") return DType::F16;
    if (n == "BF16") return DType::BF16;
    if (n == "F64") return DType::F64;
    if (n == "I64") return DType::I64;
    if (n == "I32") return DType::I32;
    if (n == "I16") return DType::I16;
    if (n == "I8") return DType::I8;
    if (n == "U8") return DType::U8;
    if (n == "BOOL") return DType::Bool;
    return std::nullopt;
}

std::optional<DType> dtypeFromUserName(const std::string &n)
{
    if (n == "bf16" || n == "bfloat16") return DType::BF16;
    if (n == "fp16" || n == "float16" || n == "half") return DType::F16;
    if (n == "fp32" || n == "float32" || n == "float") return DType::F32;
    return std::nullopt;
}

std::int64_t numel(const std::vector<std::int64_t> &shape)
{
    std::int64_t n = 1;
    for (std::int64_t d : shape)
        n *= d;
    return n;
}

} // namespace leopard::ckpt
