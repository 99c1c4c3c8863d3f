#pragma once
// The page index as leopard-cli uses it: opened with its message on stderr, documents hashed and
// indexed on first use (progress on stderr).
#include "index/page_index.h"
#include "viewer/document.h"

#include <memory>

namespace leopard::cli {

// Opens the index at `path`, saying on stderr when the file was set aside or is not usable.
std::unique_ptr<index::PageIndex> openIndex(const QString &path);

// Hashes `path` (unless its hash is known) and indexes its pages unless the index has them (`open`:
// the document when it is open already). Returns its SHA-256, or "" after saying what is wrong on stderr.
QString ensureIndexed(index::PageIndex &idx, const QString &path, const viewer::Document *open = nullptr,
                      const QString &knownSha = {});

} // namespace leopard::cli
