#pragma once
// The header of a .safetensors file: u64 little-endian length N, then N bytes of JSON
// {name: {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {...}}; tensor bytes follow,
// offsets relative to the end of the header, row-major and contiguous.
#include "inference/checkpoint/dtype.h"

#include <cstdint>
#include <string>
#include <vector>

namespace leopard::ckpt {

struct SafetensorsEntry {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t offset = 0; // absolute offset in the file
    std::uint64_t size = 0;   // bytes
};

// Parses and checks the header of the file mapped at [data, data+size): every tensor's byte range
// must match its dtype and shape and lie inside the file (else: the file is truncated, naming the tensor).
std::vector<SafetensorsEntry> parseSafetensorsHeader(const std::string &file, const std::uint8_t *data,
                                                     std::uint64_t size);

} // namespace leopard::ckpt
