// config.json from arbitrary bytes, then what the app derives from it at once: the list of tensors
// the checkpoint must hold (expectedTensors) and the summary `leopard-cli inspect` prints. A config
// must be refused with a CheckpointError before it can make either hang, overflow or exhaust memory.
#include "inference/checkpoint/error.h"
#include "inference/checkpoint/expected_tensors.h"
#include "inference/checkpoint/model_config.h"
#include "tests/fuzz/fuzz_check.h"

#include <nlohmann/json.hpp>

#include <cstring>

using namespace leopard::ckpt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const nlohmann::json j = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded())
        return 0; // not JSON: fromFile refuses it before fromJson (tested in tests/checkpoint)
    try {
        const ModelConfig c = ModelConfig::fromJson(j, "config.json");
        const std::vector<ExpectedTensor> expected = expectedTensors(c);
        FUZZ_CHECK(!expected.empty(), "no expected tensors");
        for (const ExpectedTensor &x : expected)
            for (std::int64_t d : x.shape)
                FUZZ_CHECK(d > 0, "tensor '%s' has dimension %lld", x.name.c_str(), static_cast<long long>(d));
        (void)c.summary().dump();
    } catch (const CheckpointError &e) {
        FUZZ_CHECK(std::strncmp(e.what(), "config.json: ", 13) == 0, "message does not name the file: %s", e.what());
    }
    return 0;
}
