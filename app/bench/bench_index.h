#pragma once
// leopard-bench index: how fast the page index (index/) is on this machine. Printed, never asserted:
//   text layer  pages/s reading a long PDF's text layer and adding it to an index (readPages + addDocument)
//   OCR         pages per minute on one core: recognise() on sample-report pages rendered at 144 dpi
//   query       median and p95 ms of search() over an index of pages x copies pages (5 x 2 000 = 10 000)
//   size        index bytes per page (database file after the last connection checkpointed its WAL)
// The long PDF is --pdf FILE, or written by the source tree's tests/index/make_test_pdfs.py when
// python3 is there (--pages N, default 2 000).
#include <nlohmann/json.hpp>

#include <QStringList>

#include <functional>
#include <string>

namespace leopard::bench {

struct IndexBenchOptions {
    std::string pdf;           // "" = generate one of `pages` pages
    int pages = 2000;          // of the generated PDF
    int copies = 5;            // the query index holds the PDF's pages this many times, under different hashes
    int queries = 100;
    int ocrPages = 5;          // first pages of `samplePdf`
    double dpi = 144;          // the app's analysis dpi
    std::string samplePdf;     // for OCR
    std::string generator;     // make_test_pdfs.py
};

// Throws std::runtime_error naming the file on bad input (no PDF, no OCR language data).
nlohmann::json runIndexBench(const IndexBenchOptions &options, const std::function<void(const std::string &)> &log);
std::string indexTable(const nlohmann::json &report);

// The subcommand: `leopard-bench index [--pdf FILE] [--pages N] [--quick] [--json]`. `argv` is main's,
// for starting again with Tesseract's OpenMP held to one thread (see bench_index.cpp).
int indexCommand(const QStringList &args, char **argv);
void indexUsage(FILE *out);

} // namespace leopard::bench
