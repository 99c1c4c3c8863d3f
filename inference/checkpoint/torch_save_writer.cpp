#include "inference/checkpoint/torch_save_writer.h"
#include "inference/checkpoint/crc32.h"
#include "inference/checkpoint/error.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace leopard::ckpt {
namespace {

const char *storageClass(DType t)
{
    switch (t) {
    case DType::F64: return "DoubleStorage";
    case DType::F32: return "FloatStorage";
    case DType::F16: return "HalfStorage";
    case DType::BF16: return "BFloat16Storage";
    case DType::I64: return "LongStorage";
    case DType::I32: return "IntStorage";
    case DType::I16: return "ShortStorage";
    case DType::I8: return "CharStorage";
    case DType::U8: return "ByteStorage";
    case DType::Bool: return "BoolStorage";
    }
    return "FloatStorage";
}

// --- pickle protocol 2, the opcodes CPython's pickler uses for these values
void putInt(std::string &p, std::int64_t v)
{
    if (v >= 0 && v < 256) {
        p += 'K';
        p += static_cast<char>(v);
    } else if (v >= 0 && v < 65536) {
        p += 'M';
        p += static_cast<char>(v & 0xff);
        p += static_cast<char>(v >> 8);
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
        p += 'J';
        for (int k = 0; k < 4; ++k)
            p += static_cast<char>((static_cast<std::uint32_t>(v) >> (8 * k)) & 0xff);
    } else { // LONG1: minimal little-endian two's complement
        std::string bytes;
        std::uint64_t u = static_cast<std::uint64_t>(v);
        for (int k = 0; k < 8; ++k)
            bytes += static_cast<char>((u >> (8 * k)) & 0xff);
        while (bytes.size() > 1 && ((bytes.back() == 0 && !(bytes[bytes.size() - 2] & 0x80)) ||
                                    (bytes.back() == char(0xff) && (bytes[bytes.size() - 2] & 0x80))))
            bytes.pop_back();
        p += '\x8a';
        p += static_cast<char>(bytes.size());
        p += bytes;
    }
}
void putStr(std::string &p, const std::string &s)
{
    p += 'X';
    const std::uint32_t n = static_cast<std::uint32_t>(s.size());
    for (int k = 0; k < 4; ++k)
        p += static_cast<char>((n >> (8 * k)) & 0xff);
    p += s;
}
void putGlobal(std::string &p, const char *module, const char *name)
{
    p += 'c';
    p += module;
    p += '\n';
    p += name;
    p += '\n';
}
void putIntTuple(std::string &p, const std::vector<std::int64_t> &v)
{
    if (v.empty()) {
        p += ')';
        return;
    }
    p += '(';
    for (std::int64_t x : v)
        putInt(p, x);
    p += 't';
}

// --- zip
struct Out {
    std::FILE *f;
    const std::string &path;
    std::uint64_t pos = 0;
    void write(const void *data, std::size_t n)
    {
        if (n && std::fwrite(data, 1, n, f) != n)
            fail(path, std::string("write failed: ") + std::strerror(errno));
        pos += n;
    }
    void u16(std::uint16_t v)
    {
        const std::uint8_t b[2] = {static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v >> 8)};
        write(b, 2);
    }
    void u32(std::uint32_t v)
    {
        for (int k = 0; k < 4; ++k) {
            const std::uint8_t b = static_cast<std::uint8_t>(v >> (8 * k));
            write(&b, 1);
        }
    }
    void u64(std::uint64_t v)
    {
        u32(static_cast<std::uint32_t>(v));
        u32(static_cast<std::uint32_t>(v >> 32));
    }
};

struct Written {
    std::string name;
    std::uint64_t localOffset, size;
    std::uint32_t crc;
};

constexpr std::uint16_t kDosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01: fixed, so runs are identical
constexpr std::uint32_t k32 = 0xffffffffu; // the saturated classic field that says "see ZIP64"

void writeRecord(Out &o, std::vector<Written> &dir, const std::string &name, const std::uint8_t *data, std::size_t n,
                 std::uint64_t limit)
{
    Written w{name, o.pos, n, crc32(data, n)};
    const bool z64 = n >= limit;
    // Extra fields: ZIP64 sizes when needed, then padding (id "FB", as torch's writer) so that the data
    // starts on a 64-byte boundary and can be memory-mapped as an array of any element type.
    const std::uint64_t fixed = o.pos + 30 + name.size() + (z64 ? 20 : 0) + 4;
    const std::uint16_t pad = static_cast<std::uint16_t>((64 - fixed % 64) % 64);
    o.u32(0x04034b50);
    o.u16(z64 ? 45 : 20); // version needed
    o.u16(0);             // flags
    o.u16(0);             // stored
    o.u16(0);             // time
    o.u16(kDosDate);
    o.u32(w.crc);
    o.u32(z64 ? k32 : static_cast<std::uint32_t>(n));
    o.u32(z64 ? k32 : static_cast<std::uint32_t>(n));
    o.u16(static_cast<std::uint16_t>(name.size()));
    o.u16(static_cast<std::uint16_t>((z64 ? 20 : 0) + 4 + pad));
    o.write(name.data(), name.size());
    if (z64) {
        o.u16(0x0001);
        o.u16(16);
        o.u64(n);
        o.u64(n);
    }
    o.u16(0x4246);
    o.u16(pad);
    static const std::uint8_t zeros[64] = {};
    o.write(zeros, pad);
    o.write(data, n);
    dir.push_back(std::move(w));
}

void writeDirectory(Out &o, const std::vector<Written> &dir, std::uint64_t limit)
{
    const std::uint64_t cdStart = o.pos;
    for (const Written &w : dir) {
        // Offsets keep the real 4 GB limit even when a test lowers `limit`: miniz (torch.load) checks a
        // saturated offset + record size against the file size, which only a > 4 GB file passes.
        const bool bigSize = w.size >= limit, bigOffset = w.localOffset >= k32;
        const std::uint16_t extra = (bigSize || bigOffset) ? 4 + (bigSize ? 16 : 0) + (bigOffset ? 8 : 0) : 0;
        o.u32(0x02014b50);
        o.u16(extra ? 45 : 20); // version made by
        o.u16(extra ? 45 : 20); // version needed
        o.u16(0);
        o.u16(0);
        o.u16(0);
        o.u16(kDosDate);
        o.u32(w.crc);
        o.u32(bigSize ? k32 : static_cast<std::uint32_t>(w.size));
        o.u32(bigSize ? k32 : static_cast<std::uint32_t>(w.size));
        o.u16(static_cast<std::uint16_t>(w.name.size()));
        o.u16(extra);
        o.u16(0); // comment
        o.u16(0); // disk
        o.u16(0); // internal attributes
        o.u32(0); // external attributes
        o.u32(bigOffset ? k32 : static_cast<std::uint32_t>(w.localOffset));
        o.write(w.name.data(), w.name.size());
        if (extra) {
            o.u16(0x0001);
            o.u16(static_cast<std::uint16_t>(extra - 4));
            if (bigSize) {
                o.u64(w.size);
                o.u64(w.size);
            }
            if (bigOffset)
                o.u64(w.localOffset);
        }
    }
    const std::uint64_t cdSize = o.pos - cdStart, count = dir.size();
    const bool z64 = count >= 0xffff || cdStart >= limit || cdSize >= limit;
    if (z64) {
        const std::uint64_t end64 = o.pos;
        o.u32(0x06064b50);
        o.u64(44); // size of the rest of this record
        o.u16(45);
        o.u16(45);
        o.u32(0);
        o.u32(0);
        o.u64(count);
        o.u64(count);
        o.u64(cdSize);
        o.u64(cdStart);
        o.u32(0x07064b50); // locator
        o.u32(0);
        o.u64(end64);
        o.u32(1);
    }
    o.u32(0x06054b50);
    o.u16(0);
    o.u16(0);
    o.u16(static_cast<std::uint16_t>(z64 ? 0xffff : count));
    o.u16(static_cast<std::uint16_t>(z64 ? 0xffff : count));
    o.u32(z64 ? k32 : static_cast<std::uint32_t>(cdSize));
    o.u32(z64 ? k32 : static_cast<std::uint32_t>(cdStart));
    o.u16(0);
}

} // namespace

std::string pickleStateDict(const std::vector<TensorToWrite> &tensors, bool orderedDict)
{
    std::string p = "\x80\x02";
    if (orderedDict) {
        putGlobal(p, "collections", "OrderedDict");
        p += ")R";
    } else {
        p += '}';
    }
    // CPython batches dict items 1000 per MARK ... SETITEMS.
    for (std::size_t begin = 0; begin < tensors.size(); begin += 1000) {
        p += '(';
        for (std::size_t k = begin; k < tensors.size() && k < begin + 1000; ++k) {
            const TensorToWrite &t = tensors[k];
            putStr(p, t.name);
            putGlobal(p, "torch._utils", "_rebuild_tensor_v2");
            p += "((";
            putStr(p, "storage");
            putGlobal(p, "torch", storageClass(t.dtype));
            putStr(p, std::to_string(k));
            putStr(p, "cpu");
            putInt(p, numel(t.shape));
            p += "tQ";
            putInt(p, 0); // storage offset
            putIntTuple(p, t.shape);
            std::vector<std::int64_t> strides(t.shape.size(), 1);
            for (std::size_t d = t.shape.size(); d-- > 1;)
                strides[d - 1] = strides[d] * t.shape[d];
            putIntTuple(p, strides);
            p += '\x89'; // requires_grad False
            putGlobal(p, "collections", "OrderedDict");
            p += ")Rt"; // backward hooks: an empty OrderedDict; end of the argument tuple
            p += 'R';
        }
        p += 'u';
    }
    p += '.';
    return p;
}

void writeTorchSave(const std::string &path, const std::vector<TensorToWrite> &tensors, bool orderedDict,
                    std::uint64_t zip64Limit)
{
    const std::uint64_t limit = std::min<std::uint64_t>(zip64Limit, k32);
    std::string stem = path.substr(path.find_last_of('/') + 1);
    if (const auto dot = stem.find_last_of('.'); dot != std::string::npos && dot > 0)
        stem.erase(dot);
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> f(std::fopen(path.c_str(), "wb"), &std::fclose);
    if (!f)
        fail(path, std::string("cannot create: ") + std::strerror(errno));
    Out o{f.get(), path};
    std::vector<Written> dir;
    const std::string pkl = pickleStateDict(tensors, orderedDict);
    writeRecord(o, dir, stem + "/data.pkl", reinterpret_cast<const std::uint8_t *>(pkl.data()), pkl.size(), limit);
    std::vector<std::uint8_t> bytes;
    for (std::size_t k = 0; k < tensors.size(); ++k) {
        const TensorToWrite &t = tensors[k];
        bytes.clear();
        t.fill(bytes);
        const std::uint64_t want = static_cast<std::uint64_t>(numel(t.shape)) * elementSize(t.dtype);
        if (bytes.size() != want)
            fail(path, "tensor '" + t.name + "': " + std::to_string(bytes.size()) + " bytes given, " +
                           std::to_string(want) + " expected");
        writeRecord(o, dir, stem + "/data/" + std::to_string(k), bytes.data(), bytes.size(), limit);
    }
    static const char version[] = "3\n";
    writeRecord(o, dir, stem + "/version", reinterpret_cast<const std::uint8_t *>(version), 2, limit);
    writeDirectory(o, dir, limit);
    if (std::fclose(f.release()) != 0)
        fail(path, std::string("write failed: ") + std::strerror(errno));
}

} // namespace leopard::ckpt
