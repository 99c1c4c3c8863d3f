#pragma once
// Helpers shared by the checkpoint tests: where the committed fixtures are, their expected.json
// (written by make_fixtures.py from what torch itself says), and decoding stored values independently
// of the code under test.
#include "inference/checkpoint/error.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QString>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>

namespace fixtures {

inline std::string dir() { return std::string(LEOPARD_SOURCE_DIR) + "/tests/checkpoint/fixtures"; }
inline std::string path(const std::string &rel) { return dir() + "/" + rel; }

inline const nlohmann::json &expected()
{
    static const nlohmann::json j = [] {
        std::ifstream in(path("expected.json"));
        return nlohmann::json::parse(in);
    }();
    return j;
}

// IEEE half / bfloat16 bit patterns to double (written from the formats' definitions).
inline double halfToDouble(std::uint16_t h)
{
    const int sign = h >> 15, exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
    double v;
    if (exp == 0)
        v = std::ldexp(mant, -24);
    else if (exp == 31)
        v = mant ? NAN : INFINITY;
    else
        v = std::ldexp(1024 + mant, exp - 25);
    return sign ? -v : v;
}
inline double bf16ToDouble(std::uint16_t b)
{
    const std::uint32_t bits = static_cast<std::uint32_t>(b) << 16;
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

// Copies a directory of fixtures (flat) into `to`.
inline bool copyDir(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QString &f : QDir(from).entryList(QDir::Files))
        if (!QFile::copy(from + "/" + f, to + "/" + f))
            return false;
    return true;
}

// Runs f and returns the CheckpointError message ("" when nothing was thrown).
inline QString errorOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const leopard::ckpt::CheckpointError &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace fixtures
