// tokenizer-bench TOKENIZER_DIR TEXT_FILE [REPEATS]: encodes the whole file REPEATS times (no BOS)
// and prints one JSON line with the median tokens per second. bench_tokenizer.sh runs it next to
// bench_reference.js (Hugging Face tokenizers) on the same text.
#include "inference/tokenizer/tokenizer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: tokenizer-bench TOKENIZER_DIR TEXT_FILE [REPEATS]\n");
        return 2;
    }
    const int repeats = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    std::ifstream in(argv[2], std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "tokenizer-bench: cannot read %s\n", argv[2]);
        return 1;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    try {
        using Clock = std::chrono::steady_clock;
        const auto loadStart = Clock::now();
        const leopard::Tokenizer tokenizer = leopard::Tokenizer::fromDirectory(argv[1]);
        const double loadSeconds = std::chrono::duration<double>(Clock::now() - loadStart).count();
        std::vector<double> seconds;
        std::size_t tokens = 0;
        for (int r = 0; r < repeats; ++r) {
            const auto start = Clock::now();
            tokens = tokenizer.encode(text, false).size();
            seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        }
        std::sort(seconds.begin(), seconds.end());
        const double median = seconds[seconds.size() / 2];
        std::printf("{\"impl\": \"leopard C++\", \"bytes\": %zu, \"tokens\": %zu, \"repeats\": %d, "
                    "\"median_seconds\": %.4f, \"tokens_per_second\": %.0f, \"load_seconds\": %.3f}\n",
                    text.size(), tokens, repeats, median, double(tokens) / median, loadSeconds);
    } catch (const leopard::TokenizerError &e) {
        std::fprintf(stderr, "tokenizer-bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
