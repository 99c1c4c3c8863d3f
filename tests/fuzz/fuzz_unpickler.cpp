// The allow-list unpickler over arbitrary bytes (the data.pkl of a torch.save archive). Outcomes:
// a state dict whose every tensor stays inside its storage, or a CheckpointError naming the file.
// Anything else (another exception, a sanitizer report, a leak, a timeout) is a finding.
#include "inference/checkpoint/error.h"
#include "inference/checkpoint/safe_unpickler.h"
#include "tests/fuzz/fuzz_check.h"

#include <cstring>

using namespace leopard::ckpt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        const PickledStateDict sd = unpickleStateDict("fuzz.pkl", data, size);
        for (const PickledTensor &t : sd.tensors) {
            FUZZ_CHECK(t.shape.size() == t.strides.size(), "tensor '%s'", t.name.c_str());
            FUZZ_CHECK(t.storageOffset >= 0 && t.storageNumel >= 0, "tensor '%s'", t.name.c_str());
            bool empty = false;
            for (std::int64_t d : t.shape)
                empty = empty || d == 0;
            if (empty)
                continue;
            // The furthest element, in 128-bit so the check cannot overflow where the reader might.
            __int128 last = t.storageOffset;
            for (std::size_t k = 0; k < t.shape.size(); ++k) {
                FUZZ_CHECK(t.shape[k] >= 0 && t.strides[k] >= 0, "tensor '%s'", t.name.c_str());
                last += static_cast<__int128>(t.shape[k] - 1) * t.strides[k];
            }
            FUZZ_CHECK(last < t.storageNumel, "tensor '%s' reaches outside its storage", t.name.c_str());
        }
    } catch (const CheckpointError &e) {
        FUZZ_CHECK(std::strncmp(e.what(), "fuzz.pkl: ", 10) == 0, "message does not name the file: %s", e.what());
    }
    return 0;
}
