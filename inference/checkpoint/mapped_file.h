#pragma once
// A read-only memory mapping of a whole file. Mapping (not reading) is what keeps loading a 10 GB
// shard cheap: only the pages actually touched become resident, and release() hands them back.
//
// A mapped file that another program truncates (or a network/removable disk that goes away) makes
// reading the lost pages raise SIGBUS, which would kill the app. Every MappedFile is therefore guarded:
// a process-wide SIGBUS handler recognises a fault inside a live mapping, puts zero-filled pages over
// the rest of that mapping (so the reading code, on whatever thread, simply continues) and marks the
// file as damaged. Readers check damaged() after reading and throw a clear error instead of using
// the zeros. Faults elsewhere go to the previous handler (default: the process dies as before).
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

    // True once reading hit a page past the file's end (it shrank while mapped): the bytes read since
    // may be zeros. Callers must check this after reading and before using what they read.
    bool damaged() const;
    // Throws CheckpointError "<file>: the file shrank while it was being read ..." when damaged().
    void throwIfDamaged() const;

private:
    void close();
    std::string path_;
    const std::uint8_t *data_ = nullptr;
    std::uint64_t size_ = 0;
    int guardSlot_ = -1; // slot in the SIGBUS guard's table; -1: unguarded (table full or empty file)
};

} // namespace leopard::ckpt
