#pragma once
// A safe reader for the pickle inside a torch.save archive (`*/data.pkl`).
//
// It is a small stack machine over exactly the pickle opcodes torch.save (protocol 2) emits, and it
// knows exactly four kinds of globals: collections.OrderedDict, torch._utils._rebuild_tensor_v2,
// torch._utils._rebuild_parameter and the torch.*Storage classes. Nothing is ever called or
// imported: each allowed global is a tag, and REDUCE of a tag builds the corresponding plain C++
// value. Any other global, opcode, callable or malformed structure throws CheckpointError naming
// the file, the byte offset and the offending item. (libtorch's unpickler cannot be used: it returns
// None for an OrderedDict and rejects unknown globals with internal asserts.)
#include "inference/checkpoint/dtype.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace leopard::ckpt {

// One tensor of the state dict, as the pickle describes it. Its bytes live in the zip record
// "<prefix>data/<storageKey>", starting storageOffset elements in.
struct PickledTensor {
    std::string name;
    std::string storageKey;
    std::string location;           // "cpu", "cuda:0", ... (ignored when loading)
    DType dtype = DType::F32;
    std::int64_t storageNumel = 0;  // elements in the whole storage (record)
    std::int64_t storageOffset = 0; // in elements
    std::vector<std::int64_t> shape;
    std::vector<std::int64_t> strides; // in elements
    bool parameter = false;            // came through torch._utils._rebuild_parameter
};

struct PickledStateDict {
    bool ordered = false; // collections.OrderedDict (state_dict()) vs plain dict (HF shard_checkpoint)
    std::vector<PickledTensor> tensors; // in pickle order
};

// Reads a state dict (a dict or OrderedDict of name -> tensor). `file` names the archive in errors.
PickledStateDict unpickleStateDict(const std::string &file, const std::uint8_t *data, std::size_t size);

} // namespace leopard::ckpt
