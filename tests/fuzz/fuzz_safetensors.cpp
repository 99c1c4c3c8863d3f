// A .safetensors file from arbitrary bytes (u64 header length, JSON header, tensor bytes). Outcomes:
// entries whose byte ranges match dtype x shape and lie inside the file, or a CheckpointError.
#include "inference/checkpoint/checkpoint_index.h"
#include "inference/checkpoint/dtype.h"
#include "inference/checkpoint/error.h"
#include "inference/checkpoint/safetensors_header.h"
#include "tests/fuzz/fuzz_check.h"

#include <cstring>

using namespace leopard::ckpt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        for (const SafetensorsEntry &e : parseSafetensorsHeader("fuzz.safetensors", data, size)) {
            FUZZ_CHECK(e.offset <= size && e.size <= size - e.offset, "tensor '%s' outside the file", e.name.c_str());
            unsigned __int128 n = elementSize(e.dtype);
            for (std::int64_t d : e.shape) {
                FUZZ_CHECK(d >= 0, "tensor '%s' has a negative dimension", e.name.c_str());
                n *= static_cast<unsigned __int128>(d);
            }
            FUZZ_CHECK(n == e.size, "tensor '%s': size does not match dtype x shape", e.name.c_str());
        }
        readSafetensorsTensors("fuzz.safetensors", data, size); // the strides computed from the shape
    } catch (const CheckpointError &e) {
        FUZZ_CHECK(std::strncmp(e.what(), "fuzz.safetensors: ", 18) == 0, "message does not name the file: %s",
                   e.what());
    }
    return 0;
}
