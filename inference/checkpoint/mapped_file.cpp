#include "inference/checkpoint/mapped_file.h"
#include "inference/checkpoint/error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace leopard::ckpt {

MappedFile::MappedFile(const std::string &path) : path_(path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail(path, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        fail(path, "not a regular file");
    }
    size_ = static_cast<std::uint64_t>(st.st_size);
    if (size_ > 0) {
        void *p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            const int err = errno;
            ::close(fd);
            fail(path, std::string("cannot map: ") + std::strerror(err));
        }
        data_ = static_cast<const std::uint8_t *>(p);
    }
    ::close(fd); // the mapping keeps the file alive
}

MappedFile::~MappedFile() { close(); }

MappedFile::MappedFile(MappedFile &&o) noexcept
    : path_(std::move(o.path_)), data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0))
{
}

MappedFile &MappedFile::operator=(MappedFile &&o) noexcept
{
    if (this != &o) {
        close();
        path_ = std::move(o.path_);
        data_ = std::exchange(o.data_, nullptr);
        size_ = std::exchange(o.size_, 0);
    }
    return *this;
}

void MappedFile::close()
{
    if (data_)
        ::munmap(const_cast<std::uint8_t *>(data_), size_);
    data_ = nullptr;
    size_ = 0;
}

void MappedFile::release(std::uint64_t offset, std::uint64_t length) const
{
    if (!data_ || length == 0 || offset >= size_)
        return;
    const std::uint64_t page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    const std::uint64_t begin = offset / page * page;
    const std::uint64_t end = std::min(size_, offset + length);
    ::madvise(const_cast<std::uint8_t *>(data_) + begin, end - begin, MADV_DONTNEED);
}

} // namespace leopard::ckpt
