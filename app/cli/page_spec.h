#pragma once
// `--pages SPEC` of `leopard-cli ask`: which pages of a document go to the model.
// SPEC is a comma-separated list of 1-based page numbers and inclusive ranges, e.g. "1-3,5",
// taken in the order written. "all" means every page, "auto" the pages picked for the question. Ranges must go upwards (5-3 is refused)
// and a page may appear once (sending a page twice only spends crop budget).
#include <QString>

#include <vector>

namespace leopard::cli {

struct PageSpec {
    bool all = true;          // no --pages (or "all"): every page of the document
    bool autoPick = false;    // "auto": the pages that best match the question (index/page_picker.h)
    std::vector<int> pages;   // 1-based, in the order written (when !all)
    QString text;             // as the user wrote it, for messages
};

// Parses SPEC; on failure returns false and says what is wrong in *error (without a file name:
// the caller knows which files the spec applies to).
bool parsePageSpec(const QString &text, PageSpec *spec, QString *error);

// The 0-based pages `spec` selects from a document of `pageCount` pages. On a page past the end
// returns false and names it (and the file, `fileName`) in *error.
bool selectPages(const PageSpec &spec, int pageCount, const QString &fileName, std::vector<int> *pages, QString *error);

} // namespace leopard::cli
