#pragma once
// Writes a state dict as torch.save (torch 1.13, zip format) does, without Python or libtorch:
// records "<stem>/data.pkl" (pickle protocol 2), "<stem>/data/<key>" (one storage per tensor, raw
// little-endian bytes, 64-byte aligned, stored uncompressed) and "<stem>/version". ZIP64 fields are
// written when a size or offset needs them (shards over 4 GB). The output is a pure function of the
// input: no timestamps, no randomness — the same tensors give the same bytes.
#include "inference/checkpoint/dtype.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace leopard::ckpt {

struct TensorToWrite {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    // Fills `out` with the tensor's numel * elementSize bytes, row-major, little-endian; called once,
    // when the tensor is written (so only one tensor's bytes are in memory at a time).
    std::function<void(std::vector<std::uint8_t> &out)> fill;
};

// The pickle torch.save would write for these tensors (storage keys "0", "1", ... in order).
std::string pickleStateDict(const std::vector<TensorToWrite> &tensors, bool orderedDict);

// Writes the archive to `path` (the record folder is the file name without its extension, as torch
// 1.13 does). Throws CheckpointError on I/O failure. Record sizes and the central directory position
// >= zip64Limit get ZIP64 fields (tests lower the limit to exercise on a small file the structures a
// > 4 GB shard has); local header offsets always switch at 4 GB.
void writeTorchSave(const std::string &path, const std::vector<TensorToWrite> &tensors, bool orderedDict,
                    std::uint64_t zip64Limit = 0xffffffffu);

} // namespace leopard::ckpt
