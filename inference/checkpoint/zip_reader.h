#pragma once
// The central directory of a torch.save zip archive. torch.save stores every record uncompressed
// (method 0) with its data 64-byte aligned, so a record is just a byte range of the file; large
// shards (> 4 GB) use ZIP64 fields. Anything else (compression, encryption, multi-disk, data
// descriptors pointing elsewhere) is refused with a message naming the file and the record.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace leopard::ckpt {

struct ZipRecord {
    std::string name;          // full name as stored, e.g. "pytorch_model-00001-of-00002/data/17"
    std::uint64_t dataOffset;  // offset of the first data byte in the file
    std::uint64_t size;        // bytes (stored = uncompressed)
    std::uint32_t crc32;
};

class ZipDirectory {
public:
    // Parses the archive held in [data, data+size) (a mapped file); `path` only names it in errors.
    ZipDirectory(const std::string &path, const std::uint8_t *data, std::uint64_t size);

    const std::vector<ZipRecord> &records() const { return records_; }
    // The record whose name is exactly `name`; nullptr when absent.
    const ZipRecord *find(const std::string &name) const;
    // The folder every record sits in ("archive/" or the file stem torch 1.13 uses); the
    // prefix of the "*/data.pkl" record.
    const std::string &prefix() const { return prefix_; }

private:
    std::vector<ZipRecord> records_;
    std::string prefix_;
};

// For diagnosing a truncated archive (whose central directory, at the end, is gone): walks the local
// headers from the start of the file and returns the records found, in file order. The last one may
// be incomplete (`complete` false): that is the record the truncation cut.
struct ScannedRecord {
    ZipRecord record;
    bool complete = true;
};
// Records written with a trailing data descriptor (torch's writer does that) carry no size in their
// local header: `sizeOf(name)` may supply it (the pickle knows every storage's size); otherwise the
// descriptor is searched for, which reads the record. At most `maxRecords` records are returned.
std::vector<ScannedRecord> scanLocalRecords(const std::uint8_t *data, std::uint64_t size,
                                            const std::function<std::optional<std::uint64_t>(const std::string &)> &sizeOf = {},
                                            std::size_t maxRecords = SIZE_MAX);
// Whether the archive still has its end-of-central-directory record (false: truncated or not a zip).
bool hasEndRecord(const std::uint8_t *data, std::uint64_t size);

// True when the bytes start like a zip archive (local file header signature).
bool looksLikeZip(const std::uint8_t *data, std::uint64_t size);

} // namespace leopard::ckpt
