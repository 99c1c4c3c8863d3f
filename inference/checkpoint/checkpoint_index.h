#pragma once
// Everything about a model directory's weights that can be known without loading them: which files,
// and for each tensor its file, dtype, shape, strides and byte range — checked against config.json.
// Opening reads only the zip directories / pickles / safetensors headers (a few MB of a 17 GB model).
#include "inference/checkpoint/dtype.h"
#include "inference/checkpoint/expected_tensors.h"
#include "inference/checkpoint/model_config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace leopard::ckpt {

enum class FileFormat { TorchZip, Safetensors };

struct ShardFile {
    std::string path;     // absolute or as given: directory + file name
    std::string fileName; // as named in the index
    FileFormat format = FileFormat::TorchZip;
    std::uint64_t fileSize = 0;
    bool orderedDict = false; // torch.save pickled an OrderedDict (vs a plain dict)
    std::size_t tensorCount = 0;
    std::uint64_t tensorBytes = 0;
};

struct TensorEntry {
    std::string name;       // canonical (transformers 4.4x) name
    std::string storedName; // as stored in the file
    std::size_t shard = 0;  // index into CheckpointIndex::shards()
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    std::vector<std::int64_t> strides; // in elements
    std::uint64_t offset = 0;       // absolute file offset of element [0, ..., 0]
    std::uint64_t recordOffset = 0; // the whole storage record holding it (zip) / the tensor (safetensors)
    std::uint64_t recordSize = 0;
    bool used = true;               // false for known-unused tensors (SigLIP head, inv_freq)
    std::int64_t numel() const { return leopard::ckpt::numel(shape); }
    std::uint64_t bytes() const { return static_cast<std::uint64_t>(numel()) * elementSize(dtype); }
};

class CheckpointIndex {
public:
    // Opens a model directory the way the app does: config.json, then (in transformers' order of
    // preference) model.safetensors.index.json, model.safetensors, pytorch_model.bin.index.json,
    // pytorch_model.bin. Throws CheckpointError with a one-line reason naming file and tensor.
    static CheckpointIndex open(const std::string &dir);

    const std::string &directory() const { return dir_; }
    const ModelConfig &config() const { return config_; }
    const std::vector<ShardFile> &shards() const { return shards_; }
    const std::vector<TensorEntry> &tensors() const { return tensors_; } // grouped by shard, file order
    const TensorEntry *find(const std::string &canonicalName) const;
    FileFormat format() const { return format_; }
    NameLayout layout() const { return layout_; }
    bool sharded() const { return sharded_; }
    std::uint64_t tensorBytes() const;     // sum of the tensors' bytes as stored
    std::int64_t parameterCount() const;   // sum of numel over used tensors

private:
    std::string dir_;
    ModelConfig config_;
    std::vector<ShardFile> shards_;
    std::vector<TensorEntry> tensors_;
    FileFormat format_ = FileFormat::TorchZip;
    NameLayout layout_ = NameLayout::Legacy;
    bool sharded_ = false;
};

// Reads one torch.save archive's tensor table (no config checks); used by open() and by tests.
struct RawTensor {
    std::string name;
    DType dtype;
    std::vector<std::int64_t> shape, strides;
    std::uint64_t offset, recordOffset, recordSize;
};
std::vector<RawTensor> readTorchZipTensors(const std::string &path, bool *orderedDict = nullptr);
std::vector<RawTensor> readSafetensorsTensors(const std::string &path);
// The same over bytes already in memory (`path` only names them in errors): what the fuzzers call.
std::vector<RawTensor> readTorchZipTensors(const std::string &path, const std::uint8_t *data, std::uint64_t size,
                                           bool *orderedDict = nullptr);
std::vector<RawTensor> readSafetensorsTensors(const std::string &path, const std::uint8_t *data, std::uint64_t size);

} // namespace leopard::ckpt
