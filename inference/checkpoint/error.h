#pragma once
// The one exception type of the checkpoint reader. Every message names the file (and, where there is
// one, the tensor, record or pickle item) so that a user can tell which download is broken.
#include <stdexcept>
#include <string>

namespace leopard::ckpt {

class CheckpointError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// "<file>: <what>" — the format used by every error of this library.
[[noreturn]] void fail(const std::string &file, const std::string &what);

} // namespace leopard::ckpt
