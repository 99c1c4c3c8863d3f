#include "inference/torch/weight_loader.h"
#include "inference/checkpoint/error.h"
#include "inference/checkpoint/mapped_file.h"
#include "inference/torch/int4_weights.h"
#include "inference/torch/quantized_linear.h"

#include <torch/torch.h>

#include <algorithm>
#include <unordered_map>

namespace leopard {
namespace {

torch::ScalarType scalarType(ckpt::DType t)
{
    switch (t) {
    case ckpt::DType::F64: return torch::kFloat64;
    case ckpt::DType::F32: return torch::kFloat32;
    case ckpt::DType::F16: return torch::kFloat16;
    case ckpt::DType::BF16: return torch::kBFloat16;
    case ckpt::DType::I64: return torch::kInt64;
    case ckpt::DType::I32: return torch::kInt32;
    case ckpt::DType::I16: return torch::kInt16;
    case ckpt::DType::I8: return torch::kInt8;
    case ckpt::DType::U8: return torch::kUInt8;
    case ckpt::DType::Bool: return torch::kBool;
    }
    return torch::kFloat32;
}

bool isRowMajor(const ckpt::TensorEntry &e)
{
    std::int64_t expected = 1;
    for (std::size_t d = e.shape.size(); d-- > 0;) {
        if (e.shape[d] != 1 && e.strides[d] != expected)
            return false;
        expected *= e.shape[d];
    }
    return true;
}

bool isFloating(ckpt::DType t)
{
    return t == ckpt::DType::F64 || t == ckpt::DType::F32 || t == ckpt::DType::F16 || t == ckpt::DType::BF16;
}

} // namespace

struct LoadedWeights::Impl {
    std::vector<std::string> order;
    std::unordered_map<std::string, torch::Tensor> tensors;
    std::uint64_t bytes = 0;
    ckpt::DType dtype = ckpt::DType::BF16;
    WeightFormat weights = WeightFormat::Full;
};

LoadedWeights::LoadedWeights() : d(std::make_unique<Impl>()) {}
LoadedWeights::~LoadedWeights() = default;
LoadedWeights::LoadedWeights(LoadedWeights &&) noexcept = default;
LoadedWeights &LoadedWeights::operator=(LoadedWeights &&) noexcept = default;

LoadedWeights LoadedWeights::load(const ckpt::CheckpointIndex &index, const WeightLoadOptions &options)
{
    if (options.dtype != ckpt::DType::BF16 && options.dtype != ckpt::DType::F16 && options.dtype != ckpt::DType::F32)
        throw ckpt::CheckpointError(std::string("cannot load weights as ") + ckpt::dtypeName(options.dtype) +
                                    " (bf16, fp16 or fp32)");
    torch::Device device(torch::kCPU);
    try {
        device = torch::Device(options.device);
    } catch (const c10::Error &) {
        throw ckpt::CheckpointError("unknown device '" + options.device + "'");
    }
    if (device.is_cuda() && !torch::cuda::is_available())
        throw ckpt::CheckpointError("device '" + options.device + "' requested, but CUDA is not available");

    LoadedWeights out;
    out.d->dtype = options.dtype;
    out.d->weights = options.weights;
    const auto &entries = index.tensors();
    std::uint64_t total = 0, done = 0;
    for (const ckpt::TensorEntry &e : entries)
        if (e.used || options.includeUnused)
            total += e.bytes();
    if (options.progress)
        options.progress(0, total);

    // One shard mapped at a time; tensors() is grouped by shard and sorted by offset, so each
    // mapping is read front to back once.
    for (std::size_t s = 0; s < index.shards().size(); ++s) {
        const ckpt::MappedFile file(index.shards()[s].path);
        // A shard replaced or cut since the index read it would put the tensors at other offsets.
        if (file.size() != index.shards()[s].fileSize)
            ckpt::fail(file.path(), "its size changed since it was checked (" + std::to_string(index.shards()[s].fileSize) +
                                        " -> " + std::to_string(file.size()) + " bytes): replaced or truncated meanwhile?");
        for (const ckpt::TensorEntry &e : entries) {
            if (e.shard != s || !(e.used || options.includeUnused))
                continue;
            if (options.cancel && options.cancel->load())
                throw LoadCancelled();
            // The index was built from this file; re-check the range in case it changed since.
            if (e.recordOffset > file.size() || e.recordSize > file.size() - e.recordOffset)
                ckpt::fail(file.path(), "tensor '" + e.storedName + "' lies past the end of the file (changed since it was indexed?)");
            const auto target = isFloating(e.dtype) ? scalarType(options.dtype) : scalarType(e.dtype);
            const bool quantize = (options.weights == WeightFormat::Int8 || options.weights == WeightFormat::Int4) &&
                                  isQuantizedLinear(e.name) && isFloating(e.dtype) && e.shape.size() == 2 && e.shape[0] > 0;
            const model::Int4Layout int4 = model::int4Layout();
            const bool asInt4 = quantize && options.weights == WeightFormat::Int4 && model::int4Fits(e.shape[1], int4);
            torch::Tensor dst, scale, offset;
            torch::NoGradGuard noGrad;
            const torch::Tensor src = torch::from_blob(const_cast<std::uint8_t *>(file.data() + e.offset), e.shape,
                                                       e.strides, torch::TensorOptions().dtype(scalarType(e.dtype)));
            const std::uint64_t rowBytes = e.shape.empty() || e.shape[0] == 0 ? 0 : e.bytes() / e.shape[0];
            if (quantize) {
                // Slices of rows read, quantized into the int8 / int4 destination, their pages dropped: the
                // transient is one slice (as fp32), never the tensor in the compute dtype.
                const auto f32 = torch::TensorOptions().dtype(torch::kFloat).device(device);
                if (asInt4) {
                    dst = torch::empty({e.shape[0], e.shape[1] / 2}, torch::TensorOptions().dtype(torch::kByte).device(device));
                    const auto f16 = torch::TensorOptions().dtype(torch::kHalf).device(device);
                    scale = torch::empty({e.shape[0], e.shape[1] / int4.group}, f16);
                    offset = torch::empty({e.shape[0], e.shape[1] / int4.group}, f16);
                } else {
                    dst = torch::empty(e.shape, torch::TensorOptions().dtype(torch::kChar).device(device));
                    scale = torch::empty({e.shape[0]}, f32);
                }
                const bool rowMajor = isRowMajor(e);
                const std::int64_t rows = std::max<std::int64_t>(1, std::int64_t(options.sliceBytes / std::max<std::uint64_t>(1, rowBytes)));
                for (std::int64_t r = 0; r < e.shape[0]; r += rows) {
                    const std::int64_t n = std::min(rows, e.shape[0] - r);
                    if (asInt4)
                        model::quantizeRowsInt4(src.narrow(0, r, n), int4, dst.narrow(0, r, n), scale.narrow(0, r, n),
                                                offset.narrow(0, r, n));
                    else
                        model::quantizeRowsInt8(src.narrow(0, r, n), dst.narrow(0, r, n), scale.narrow(0, r, n));
                    if (rowMajor)
                        file.release(e.offset + std::uint64_t(r) * rowBytes, std::uint64_t(n) * rowBytes);
                }
            } else {
                if (e.bytes() > options.sliceBytes && rowBytes > 0 && isRowMajor(e)) {
                    // Big tensors (embeddings, lm_head: 1 GB in the real model) go over in slices of rows,
                    // each slice's source pages dropped right after, so the transient stays ~sliceBytes.
                    dst = torch::empty(e.shape, torch::TensorOptions().dtype(target).device(device));
                    const std::int64_t rows = std::max<std::int64_t>(1, std::int64_t(options.sliceBytes / rowBytes));
                    for (std::int64_t r = 0; r < e.shape[0]; r += rows) {
                        const std::int64_t n = std::min(rows, e.shape[0] - r);
                        dst.narrow(0, r, n).copy_(src.narrow(0, r, n));
                        file.release(e.offset + std::uint64_t(r) * rowBytes, std::uint64_t(n) * rowBytes);
                    }
                } else {
                    // copy=true: a new tensor even when dtype and device already match (the mapping goes away).
                    dst = src.to(torch::TensorOptions().dtype(target).device(device), /*non_blocking=*/false,
                                 /*copy=*/true, torch::MemoryFormat::Contiguous);
                }
            }
            // The SIGBUS guard turned pages lost to a truncation into zeros: never keep such a tensor.
            file.throwIfDamaged();
            file.release(e.recordOffset, e.recordSize);
            out.d->bytes += static_cast<std::uint64_t>(dst.numel()) * dst.element_size();
            if (scale.defined()) {
                out.d->bytes += static_cast<std::uint64_t>(scale.numel()) * scale.element_size();
                out.d->tensors[scaleNameOf(e.name)] = std::move(scale);
            }
            if (offset.defined()) {
                out.d->bytes += static_cast<std::uint64_t>(offset.numel()) * offset.element_size();
                out.d->tensors[offsetNameOf(e.name)] = std::move(offset);
            }
            if (!out.d->tensors.emplace(e.name, std::move(dst)).second)
                ckpt::fail(file.path(), "tensor '" + e.name + "' loaded twice");
            out.d->order.push_back(e.name);
            done += e.bytes();
            if (options.progress)
                options.progress(done, total);
        }
    }
    return out;
}

std::size_t LoadedWeights::size() const { return d->order.size(); }
bool LoadedWeights::contains(const std::string &n) const { return d->tensors.count(n) != 0; }
std::vector<std::string> LoadedWeights::names() const { return d->order; }
std::uint64_t LoadedWeights::bytes() const { return d->bytes; }
ckpt::DType LoadedWeights::dtype() const { return d->dtype; }
WeightFormat LoadedWeights::weightFormat() const { return d->weights; }

const at::Tensor &LoadedWeights::tensor(const std::string &n) const
{
    const auto it = d->tensors.find(n);
    if (it == d->tensors.end())
        throw std::out_of_range("no loaded tensor '" + n + "'");
    return it->second;
}

std::vector<float> LoadedWeights::valuesAsFloat(const std::string &n) const
{
    const torch::Tensor t = tensor(n).to(torch::kCPU, torch::kFloat32).contiguous();
    return std::vector<float>(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
}

std::vector<std::int64_t> LoadedWeights::shape(const std::string &n) const
{
    const auto sizes = tensor(n).sizes();
    return std::vector<std::int64_t>(sizes.begin(), sizes.end());
}

std::string LoadedWeights::deviceOf(const std::string &n) const { return tensor(n).device().str(); }

} // namespace leopard
