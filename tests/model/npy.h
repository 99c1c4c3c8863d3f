#pragma once
// Minimal reader for the float32 little-endian .npy files tests/model commits (numpy format 1.0,
// C order). Enough for expected tensors; not a general .npy reader.
#include <QFile>
#include <QString>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace npy {

struct Array {
    std::vector<std::int64_t> shape;
    std::vector<float> values;
};

inline Array readFloat32(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot open " + path.toStdString());
    const QByteArray bytes = f.readAll();
    if (bytes.size() < 10 || std::memcmp(bytes.constData(), "\x93NUMPY", 6) != 0)
        throw std::runtime_error(path.toStdString() + " is not a .npy file");
    const int major = static_cast<unsigned char>(bytes[6]);
    std::size_t headerLen = 0, pos = 0;
    if (major == 1) {
        headerLen = static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
        pos = 10;
    } else {
        std::uint32_t n = 0;
        std::memcpy(&n, bytes.constData() + 8, 4);
        headerLen = n;
        pos = 12;
    }
    const std::string header(bytes.constData() + pos, headerLen);
    if (header.find("'<f4'") == std::string::npos || header.find("'fortran_order': False") == std::string::npos)
        throw std::runtime_error(path.toStdString() + ": only little-endian float32 C-order arrays: " + header);
    Array a;
    const std::size_t open = header.find('(', header.find("'shape'")), close = header.find(')', open);
    std::string dims = header.substr(open + 1, close - open - 1);
    std::size_t start = 0;
    while (start < dims.size()) {
        std::size_t comma = dims.find(',', start);
        if (comma == std::string::npos)
            comma = dims.size();
        const std::string tok = dims.substr(start, comma - start);
        if (tok.find_first_not_of(' ') != std::string::npos)
            a.shape.push_back(std::stoll(tok));
        start = comma + 1;
    }
    std::int64_t n = 1;
    for (std::int64_t s : a.shape)
        n *= s;
    const std::size_t data = pos + headerLen;
    if (std::int64_t(bytes.size() - data) != n * 4)
        throw std::runtime_error(path.toStdString() + ": size does not match its shape");
    a.values.resize(std::size_t(n));
    std::memcpy(a.values.data(), bytes.constData() + data, std::size_t(n) * 4);
    return a;
}

} // namespace npy
