#pragma once
// A read-only memory mapping of a whole file. Mapping (not reading) is what keeps loading a 10 GB
// shard cheap: only the pages actually touched become resident, and release() hands them back.
#include <cstddef>
#include <cstdint>
#include <string>

namespace leopard::ckpt {

class MappedFile {
public:
    MappedFile() = default;
    explicit MappedFile(const std::string &path); // throws CheckpointError naming the file
    ~MappedFile();
    MappedFile(MappedFile &&other) noexcept;
    MappedFile &operator=(MappedFile &&other) noexcept;
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    const std::uint8_t *data() const { return data_; }
    std::uint64_t size() const { return size_; }
    const std::string &path() const { return path_; }

    // Drops the resident pages of [offset, offset+length) from this process (MADV_DONTNEED): the
    // bytes stay readable (they are faulted in again from the page cache if touched).
    void release(std::uint64_t offset, std::uint64_t length) const;

private:
    void close();
    std::string path_;
    const std::uint8_t *data_ = nullptr;
    std::uint64_t size_ = 0;
};

} // namespace leopard::ckpt
