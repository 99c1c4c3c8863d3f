#include "inference/checkpoint/mapped_file.h"
#include "inference/checkpoint/error.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cerrno>
#include <mutex>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace leopard::ckpt {
namespace {

// The SIGBUS guard's table of live mappings. Lock-free reads (the handler may run on any thread, at
// any time); slots are claimed and freed under a mutex by MappedFile's constructor and destructor.
constexpr int kGuardSlots = 256;
struct GuardSlot {
    std::atomic<std::uintptr_t> begin{0};
    std::atomic<std::uintptr_t> end{0};
    std::atomic<bool> hit{false};
};
GuardSlot g_slots[kGuardSlots];
std::mutex g_slotsMutex;
struct sigaction g_previous {};
std::once_flag g_installed;

void onSigbus(int sig, siginfo_t *info, void *context)
{
    const auto addr = reinterpret_cast<std::uintptr_t>(info ? info->si_addr : nullptr);
    for (GuardSlot &slot : g_slots) {
        const std::uintptr_t b = slot.begin.load(std::memory_order_acquire);
        const std::uintptr_t e = slot.end.load(std::memory_order_acquire);
        if (b == 0 || addr < b || addr >= e)
            continue;
        // The file behind this mapping lost the page: zero pages from here to the mapping's end, so
        // the interrupted read (and every later one) completes; the reader sees damaged().
        const std::uintptr_t page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
        const std::uintptr_t from = addr / page * page;
        slot.hit.store(true, std::memory_order_release);
        if (::mmap(reinterpret_cast<void *>(from), e - from, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
                   0) != MAP_FAILED)
            return;
        break; // cannot repair: fall through to the previous behaviour
    }
    if (g_previous.sa_flags & SA_SIGINFO) {
        if (g_previous.sa_sigaction) {
            g_previous.sa_sigaction(sig, info, context);
            return;
        }
    } else if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN) {
        g_previous.sa_handler(sig);
        return;
    }
    ::signal(sig, SIG_DFL); // the fault is re-raised when the faulting instruction runs again
}

int claimGuardSlot(const std::uint8_t *data, std::uint64_t size)
{
    std::call_once(g_installed, [] {
        struct sigaction sa {};
        sa.sa_sigaction = onSigbus;
        sa.sa_flags = SA_SIGINFO | SA_NODEFER;
        sigemptyset(&sa.sa_mask);
        ::sigaction(SIGBUS, &sa, &g_previous);
    });
    const std::lock_guard<std::mutex> lock(g_slotsMutex);
    for (int k = 0; k < kGuardSlots; ++k) {
        if (g_slots[k].begin.load() != 0)
            continue;
        g_slots[k].hit.store(false);
        g_slots[k].end.store(reinterpret_cast<std::uintptr_t>(data) + size, std::memory_order_release);
        g_slots[k].begin.store(reinterpret_cast<std::uintptr_t>(data), std::memory_order_release);
        return k;
    }
    return -1; // more than kGuardSlots files mapped at once: this one goes unguarded
}

void freeGuardSlot(int k)
{
    if (k < 0)
        return;
    const std::lock_guard<std::mutex> lock(g_slotsMutex);
    g_slots[k].begin.store(0, std::memory_order_release);
    g_slots[k].end.store(0, std::memory_order_release);
}

} // namespace

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
        guardSlot_ = claimGuardSlot(data_, size_);
    }
    ::close(fd); // the mapping keeps the file alive
}

MappedFile::~MappedFile() { close(); }

MappedFile::MappedFile(MappedFile &&o) noexcept
    : path_(std::move(o.path_)), data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)),
      guardSlot_(std::exchange(o.guardSlot_, -1))
{
}

MappedFile &MappedFile::operator=(MappedFile &&o) noexcept
{
    if (this != &o) {
        close();
        path_ = std::move(o.path_);
        data_ = std::exchange(o.data_, nullptr);
        size_ = std::exchange(o.size_, 0);
        guardSlot_ = std::exchange(o.guardSlot_, -1);
    }
    return *this;
}

void MappedFile::close()
{
    freeGuardSlot(guardSlot_); // before unmapping: the range may be reused by the next mmap
    guardSlot_ = -1;
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

namespace leopard::ckpt {

bool MappedFile::damaged() const
{
    return guardSlot_ >= 0 && g_slots[guardSlot_].hit.load(std::memory_order_acquire);
}

void MappedFile::throwIfDamaged() const
{
    if (damaged())
        fail(path_, "the file shrank while it was being read (truncated or replaced by another program, or its "
                    "disk went away); nothing read from it was used");
}

} // namespace leopard::ckpt
