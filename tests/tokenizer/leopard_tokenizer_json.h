#pragma once
// Leopard's tokenizer.json, rebuilt from Meta's Llama 3 file as shared/reference/model/make_tiny.py
// (patch_tokenizer) does: pad "<unk>" (special, id 128256) and 11 plain added tokens 128257..128267,
// normalized = !special. gen_expected_ids.js builds the reference's copy the same way.
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace leopard::test {

inline std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline nlohmann::json llama3TokenizerJson() { return nlohmann::json::parse(readFile(std::string(LEOPARD_TOKENIZER_DIR) + "/tokenizer.json")); }

inline std::string leopardTokenizerJson()
{
    nlohmann::json tj = llama3TokenizerJson();
    int nextId = static_cast<int>(tj["model"]["vocab"].size() + tj["added_tokens"].size());
    if (nextId != 128256)
        throw std::runtime_error("expected 128256 tokens before Leopard's");
    const char *plain[] = {"<|im_start|>", "<|im_end|>", "\t\t", "\t\t\t", "\t\t\t\t", "\t\t\t\t\t",
                           "\t\t\t\t\t\t", "\t\t\t\t\t\t\t", "\t\t\t\t\t\t\t\t", "\t\t\t\t\t\t\t\t\t", "<|im_omitted|>"};
    const auto add = [&](const std::string &content, bool special) {
        tj["added_tokens"].push_back({{"id", nextId++}, {"content", content}, {"single_word", false},
                                      {"lstrip", false}, {"rstrip", false}, {"normalized", !special},
                                      {"special", special}});
    };
    add("<unk>", true);
    for (const char *t : plain)
        add(t, false);
    return tj.dump();
}

} // namespace leopard::test
