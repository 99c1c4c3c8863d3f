#include "inference/checkpoint/zip_reader.h"
#include "inference/checkpoint/error.h"

#include <algorithm>
#include <cstring>

namespace leopard::ckpt {
namespace {

constexpr std::uint32_t kLocalSig = 0x04034b50;
constexpr std::uint32_t kCentralSig = 0x02014b50;
constexpr std::uint32_t kEndSig = 0x06054b50;
constexpr std::uint32_t kEnd64Sig = 0x06064b50;
constexpr std::uint32_t kEnd64LocatorSig = 0x07064b50;

std::uint16_t u16(const std::uint8_t *p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }
std::uint32_t u32(const std::uint8_t *p)
{
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}
std::uint64_t u64(const std::uint8_t *p) { return u32(p) | (static_cast<std::uint64_t>(u32(p + 4)) << 32); }

// Bounds-checked view of the mapped archive: every read says what it was reading, so a truncated
// or corrupt archive gives "<file>: zip <what> at offset N lies outside the file (size M)".
struct Bytes {
    const std::string &path;
    const std::uint8_t *data;
    std::uint64_t size;
    const std::uint8_t *at(std::uint64_t off, std::uint64_t len, const char *what) const
    {
        if (off > size || len > size - off)
            fail(path, std::string("zip ") + what + " at offset " + std::to_string(off) +
                           " lies outside the file (size " + std::to_string(size) +
                           "): the file is truncated or not a torch.save archive");
        return data + off;
    }
};

} // namespace

bool looksLikeZip(const std::uint8_t *data, std::uint64_t size)
{
    return size >= 4 && u32(data) == kLocalSig;
}

ZipDirectory::ZipDirectory(const std::string &path, const std::uint8_t *data, std::uint64_t size)
{
    const Bytes b{path, data, size};
    if (size < 22)
        fail(path, "too small to be a zip archive (" + std::to_string(size) + " bytes): truncated download?");

    // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
    std::uint64_t eocd = UINT64_MAX;
    const std::uint64_t lowest = size >= 22 + 65535 ? size - 22 - 65535 : 0;
    for (std::uint64_t off = size - 22 + 1; off-- > lowest;) {
        if (u32(data + off) == kEndSig) {
            eocd = off;
            break;
        }
    }
    if (eocd == UINT64_MAX)
        fail(path, "no zip end-of-central-directory record: the file is truncated (interrupted download?) "
                   "or is not a torch.save archive");
    const std::uint8_t *e = data + eocd;
    if (u16(e + 4) != 0 || u16(e + 6) != 0)
        fail(path, "multi-disk zip archives are not supported");
    std::uint64_t count = u16(e + 10);
    std::uint64_t cdSize = u32(e + 12);
    std::uint64_t cdOffset = u32(e + 16);
    if (count == 0xFFFF || cdSize == 0xFFFFFFFFu || cdOffset == 0xFFFFFFFFu) {
        // ZIP64: the locator sits right before the classic record and points at the ZIP64 record.
        if (eocd < 20 || u32(data + eocd - 20) != kEnd64LocatorSig)
            fail(path, "zip archive needs ZIP64 fields but has no ZIP64 end-of-central-directory locator");
        const std::uint64_t end64 = u64(data + eocd - 20 + 8);
        const std::uint8_t *z = b.at(end64, 56, "ZIP64 end-of-central-directory record");
        if (u32(z) != kEnd64Sig)
            fail(path, "bad ZIP64 end-of-central-directory signature at offset " + std::to_string(end64));
        count = u64(z + 32);
        cdSize = u64(z + 40);
        cdOffset = u64(z + 48);
    }
    b.at(cdOffset, cdSize, "central directory");

    std::uint64_t pos = cdOffset;
    records_.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(count, 1u << 20)));
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::uint8_t *c = b.at(pos, 46, "central directory entry");
        if (u32(c) != kCentralSig)
            fail(path, "bad central directory entry signature at offset " + std::to_string(pos));
        const std::uint16_t flags = u16(c + 8);
        const std::uint16_t method = u16(c + 10);
        ZipRecord r;
        r.crc32 = u32(c + 16);
        std::uint64_t csize = u32(c + 20);
        std::uint64_t usize = u32(c + 24);
        const std::uint16_t nameLen = u16(c + 28);
        const std::uint16_t extraLen = u16(c + 30);
        const std::uint16_t commentLen = u16(c + 32);
        const std::uint16_t disk = u16(c + 34);
        std::uint64_t local = u32(c + 42);
        const std::uint8_t *name = b.at(pos + 46, nameLen, "record name");
        r.name.assign(reinterpret_cast<const char *>(name), nameLen);
        const std::uint8_t *extra = b.at(pos + 46 + nameLen, extraLen, "record extra field");
        // ZIP64 extended information: only the fields whose classic value is saturated are present,
        // in the order usize, csize, local offset, disk.
        for (std::uint32_t x = 0; x + 4 <= extraLen;) {
            const std::uint16_t id = u16(extra + x), len = u16(extra + x + 2);
            if (x + 4 + len > extraLen)
                fail(path, "record '" + r.name + "': malformed extra field");
            if (id == 0x0001) {
                std::uint32_t f = x + 4;
                auto take = [&](std::uint64_t &v) {
                    if (f + 8 > x + 4u + len)
                        fail(path, "record '" + r.name + "': ZIP64 extra field too short");
                    v = u64(extra + f);
                    f += 8;
                };
                if (usize == 0xFFFFFFFFu) take(usize);
                if (csize == 0xFFFFFFFFu) take(csize);
                if (local == 0xFFFFFFFFu) take(local);
            }
            x += 4 + len;
        }
        if (method != 0)
            fail(path, "record '" + r.name + "' is compressed (zip method " + std::to_string(method) +
                           "); torch.save stores records uncompressed, re-save the checkpoint with torch.save");
        if (flags & 0x1)
            fail(path, "record '" + r.name + "' is encrypted");
        if (disk != 0 && disk != 0xFFFF)
            fail(path, "record '" + r.name + "' is on another disk of a multi-disk archive");
        if (csize != usize)
            fail(path, "record '" + r.name + "': stored record with different compressed and uncompressed sizes");
        const std::uint8_t *l = b.at(local, 30, "local header");
        if (u32(l) != kLocalSig)
            fail(path, "record '" + r.name + "': bad local header signature at offset " + std::to_string(local));
        r.dataOffset = local + 30 + u16(l + 26) + u16(l + 28);
        r.size = usize;
        if (r.dataOffset > size || r.size > size - r.dataOffset)
            fail(path, "record '" + r.name + "' (bytes " + std::to_string(r.dataOffset) + ".." +
                           std::to_string(r.dataOffset + r.size) + ") extends past the end of the file (size " +
                           std::to_string(size) + "): the file is truncated");
        records_.push_back(std::move(r));
        pos += 46 + nameLen + extraLen + commentLen;
    }
    for (const ZipRecord &r : records_) {
        const std::string tail = "data.pkl";
        if (r.name.size() >= tail.size() && r.name.compare(r.name.size() - tail.size(), tail.size(), tail) == 0 &&
            (r.name.size() == tail.size() || r.name[r.name.size() - tail.size() - 1] == '/')) {
            prefix_ = r.name.substr(0, r.name.size() - tail.size());
            break;
        }
    }
}

std::vector<ScannedRecord> scanLocalRecords(const std::uint8_t *data, std::uint64_t size,
                                            const std::function<std::optional<std::uint64_t>(const std::string &)> &sizeOf,
                                            std::size_t maxRecords)
{
    std::vector<ScannedRecord> out;
    std::uint64_t pos = 0;
    while (out.size() < maxRecords && pos <= size && size - pos >= 30 && u32(data + pos) == kLocalSig) {
        const std::uint8_t *l = data + pos;
        const std::uint16_t flags = u16(l + 6), nameLen = u16(l + 26), extraLen = u16(l + 28);
        std::uint64_t usize = u32(l + 22);
        if (size - pos < 30u + nameLen + extraLen)
            break; // the header itself is cut
        ScannedRecord r;
        r.record.name.assign(reinterpret_cast<const char *>(l + 30), nameLen);
        r.record.crc32 = u32(l + 14);
        const std::uint8_t *extra = l + 30 + nameLen;
        for (std::uint32_t x = 0; x + 4 <= extraLen;) {
            const std::uint16_t id = u16(extra + x), len = u16(extra + x + 2);
            if (id == 0x0001 && usize == 0xFFFFFFFFu && len >= 8 && x + 4u + len <= extraLen)
                usize = u64(extra + x + 4);
            x += 4 + len;
        }
        r.record.dataOffset = pos + 30 + nameLen + extraLen;
        std::uint64_t next = 0;
        const std::optional<std::uint64_t> known = (flags & 0x8) && sizeOf ? sizeOf(r.record.name) : std::nullopt;
        if (known) {
            // Size from the caller: the record is whole when its data and descriptor fit in the file.
            r.record.size = *known;
            const std::uint64_t end = r.record.dataOffset + *known;
            r.complete = r.record.dataOffset <= size && *known <= size - r.record.dataOffset && size - end >= 16 &&
                         u32(data + end) == 0x08074b50;
            if (r.complete)
                next = end + ((size - end >= 24 && u64(data + end + 8) == *known && u64(data + end + 16) == *known) ? 24 : 16);
        } else if (flags & 0x8) {
            // Sizes follow the data in a descriptor (torch's writer does this): find the descriptor
            // signature whose size field equals its distance from the data start.
            r.complete = false;
            for (std::uint64_t p = r.record.dataOffset; p + 16 <= size; ++p) {
                const void *hit = std::memchr(data + p, 'P', size - p);
                if (!hit)
                    break;
                p = static_cast<std::uint64_t>(static_cast<const std::uint8_t *>(hit) - data);
                if (p + 16 > size)
                    break;
                if (u32(data + p) != 0x08074b50)
                    continue;
                const std::uint64_t len = p - r.record.dataOffset;
                const bool z64 = p + 24 <= size && u64(data + p + 8) == len;
                if (u32(data + p + 8) == len || z64) {
                    r.record.size = len;
                    r.complete = true;
                    next = p + (z64 ? 24 : 16);
                    break;
                }
            }
            if (!r.complete)
                r.record.size = size - r.record.dataOffset;
        } else {
            r.record.size = usize;
            r.complete = r.record.dataOffset <= size && usize <= size - r.record.dataOffset;
            next = r.record.dataOffset + usize;
        }
        out.push_back(r);
        if (!r.complete)
            break;
        pos = next;
    }
    return out;
}

bool hasEndRecord(const std::uint8_t *data, std::uint64_t size)
{
    if (size < 22)
        return false;
    const std::uint64_t lowest = size >= 22 + 65535 ? size - 22 - 65535 : 0;
    for (std::uint64_t off = size - 22 + 1; off-- > lowest;)
        if (u32(data + off) == kEndSig)
            return true;
    return false;
}

const ZipRecord *ZipDirectory::find(const std::string &name) const
{
    for (const ZipRecord &r : records_)
        if (r.name == name)
            return &r;
    return nullptr;
}

} // namespace leopard::ckpt
