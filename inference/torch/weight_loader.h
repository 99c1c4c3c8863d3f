#pragma once
// Loads a checkpoint's tensors into libtorch, shard by shard, straight into the target dtype and
// device. Torch-free header: at::Tensor is only forward-declared, so code that merely starts a load
// (the UI, the CLI) never includes libtorch; model code (inference/*.cpp) includes torch itself and
// uses tensor().
//
// Memory: each shard is memory-mapped; every tensor is converted from the mapped bytes directly into
// its destination (one new allocation of the target size), then the mapped pages it used are dropped
// from the process (MADV_DONTNEED); tensors over 64 MB go over in 64 MB slices of rows, each slice's
// pages dropped after it. Peak resident memory is therefore the loaded model plus about 64 MB (or one
// small tensor) — never two copies of the model, whatever the shard size.
#include "inference/checkpoint/checkpoint_index.h"
#include "inference/checkpoint/dtype.h"
#include "inference/torch/weight_format.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace at {
class Tensor;
}

namespace leopard {

struct WeightLoadOptions {
    ckpt::DType dtype = ckpt::DType::BF16; // bf16, fp16 or fp32
    std::string device = "cpu";            // any torch device string: "cpu", "cuda", "cuda:1"
    bool includeUnused = false;            // also load tensors Leopard never uses (SigLIP head, inv_freq)
    // Int8 / Int4: the tensors isQuantizedLinear() names are quantized slice by slice as they are
    // read (quantized_linear.h, int4_weights.h), their scales kept under scaleNameOf(name) (and int4's
    // offsets under offsetNameOf(name)); never a full-size copy. Int4 rows that do not fit its group
    // are held as int8.
    WeightFormat weights = WeightFormat::Full;
    // Called after every tensor with source bytes done / total (from the loading thread).
    std::function<void(std::uint64_t done, std::uint64_t total)> progress;
    const std::atomic<bool> *cancel = nullptr; // checked between tensors
    std::uint64_t sliceBytes = 64ull << 20;    // tensors bigger than this are converted in row slices
};

class LoadCancelled : public std::runtime_error {
public:
    LoadCancelled() : std::runtime_error("loading cancelled") {}
};

class LoadedWeights {
public:
    LoadedWeights();
    ~LoadedWeights();
    LoadedWeights(LoadedWeights &&) noexcept;
    LoadedWeights &operator=(LoadedWeights &&) noexcept;

    // Throws ckpt::CheckpointError (bad files, unsupported dtype/device), LoadCancelled.
    static LoadedWeights load(const ckpt::CheckpointIndex &index, const WeightLoadOptions &options);

    std::size_t size() const;
    bool contains(const std::string &canonicalName) const;
    std::vector<std::string> names() const; // canonical names, in load order (quantized weights' scales not listed)
    // The tensor under its canonical (transformers 4.4x) name; throws std::out_of_range when absent.
    const at::Tensor &tensor(const std::string &canonicalName) const;
    std::uint64_t bytes() const;        // bytes held by all loaded tensors (scales included)
    ckpt::DType dtype() const;          // the compute dtype (quantized weights are int8 whatever it is)
    WeightFormat weightFormat() const;

    // For tests and tools without torch headers: a tensor's values as fp32 (row-major), its shape.
    std::vector<float> valuesAsFloat(const std::string &canonicalName) const;
    std::vector<std::int64_t> shape(const std::string &canonicalName) const;
    std::string deviceOf(const std::string &canonicalName) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace leopard
