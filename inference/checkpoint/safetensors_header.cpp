#include "inference/checkpoint/safetensors_header.h"
#include "inference/checkpoint/error.h"
#include "inference/checkpoint/strict_json.h"

#include <nlohmann/json.hpp>

namespace leopard::ckpt {

std::vector<SafetensorsEntry> parseSafetensorsHeader(const std::string &file, const std::uint8_t *data,
                                                     std::uint64_t size)
{
    if (size < 8)
        fail(file, "too small to be a safetensors file (" + std::to_string(size) + " bytes): truncated download?");
    std::uint64_t n = 0;
    for (int k = 7; k >= 0; --k)
        n = (n << 8) | data[k];
    if (n > size - 8 || n > (100u << 20))
        fail(file, "safetensors header length " + std::to_string(n) + " exceeds the file (size " +
                       std::to_string(size) + "): truncated or not a safetensors file");
    const nlohmann::json header = parseStrictJson(reinterpret_cast<const char *>(data + 8),
                                                  reinterpret_cast<const char *>(data + 8 + n), file, "safetensors header");
    if (!header.is_object())
        fail(file, "safetensors header is not a JSON object");
    const std::uint64_t base = 8 + n;
    std::vector<SafetensorsEntry> out;
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == "__metadata__")
            continue;
        const std::string &name = it.key();
        const nlohmann::json &t = it.value();
        auto bad = [&](const std::string &what) { fail(file, "tensor '" + name + "': " + what); };
        if (!t.is_object() || !t.contains("dtype") || !t.contains("shape") || !t.contains("data_offsets"))
            bad("header entry lacks dtype, shape or data_offsets");
        SafetensorsEntry e;
        e.name = name;
        const auto dt = t["dtype"].is_string() ? dtypeFromSafetensors(t["dtype"].get<std::string>()) : std::nullopt;
        if (!dt)
            bad("unsupported dtype " + t["dtype"].dump());
        e.dtype = *dt;
        if (!t["shape"].is_array() || t["shape"].size() > 64)
            bad("shape is not a list of dimensions");
        std::uint64_t count = 1;
        for (const auto &d : t["shape"]) {
            if (!d.is_number_unsigned())
                bad("shape holds something other than a non-negative integer");
            const std::uint64_t v = d.get<std::uint64_t>();
            if (v != 0 && count > (UINT64_MAX / 8) / v)
                bad("shape too large");
            count *= v;
            e.shape.push_back(static_cast<std::int64_t>(v));
        }
        const auto &off = t["data_offsets"];
        if (!off.is_array() || off.size() != 2 || !off[0].is_number_unsigned() || !off[1].is_number_unsigned())
            bad("data_offsets is not [begin, end]");
        const std::uint64_t b = off[0].get<std::uint64_t>(), end = off[1].get<std::uint64_t>();
        if (end < b)
            bad("data_offsets end before they begin");
        e.size = end - b;
        if (e.size != count * elementSize(e.dtype))
            bad("data_offsets cover " + std::to_string(e.size) + " bytes, but " + dtypeName(e.dtype) + " " +
                t["shape"].dump() + " needs " + std::to_string(count * elementSize(e.dtype)));
        // Checked before adding the header length, which a hostile offset near 2^64 would wrap around.
        if (end > size - base)
            bad("data_offsets [" + std::to_string(b) + ", " + std::to_string(end) + "] (after the " +
                std::to_string(base) + "-byte header) extend past the end of the file (size " + std::to_string(size) +
                "): the file is truncated");
        e.offset = base + b;
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace leopard::ckpt
