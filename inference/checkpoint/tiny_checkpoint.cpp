#include "inference/checkpoint/tiny_checkpoint.h"
#include "inference/checkpoint/crc32.h"
#include "inference/checkpoint/error.h"
#include "inference/checkpoint/float_convert.h"
#include "inference/checkpoint/torch_save_writer.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <dirent.h>
#include <set>
#include <sys/stat.h>

namespace leopard::ckpt {
namespace {

constexpr double kLmHeadRowNorm = 4.0;
constexpr double kEmbedStd = 0.5;

// Leopard's tokenizer additions (Pai-Megatron-Patch hf2megatron_llava.py): pad "<unk>" (special) + 11 plain tokens.
const char *const kLeopardPad = "<unk>";
const char *const kLeopardAdded[] = {"<|im_start|>", "<|im_end|>", "\t\t", "\t\t\t", "\t\t\t\t", "\t\t\t\t\t",
                                     "\t\t\t\t\t\t", "\t\t\t\t\t\t\t", "\t\t\t\t\t\t\t\t", "\t\t\t\t\t\t\t\t\t",
                                     "<|im_omitted|>"};

enum class Init { Linear, Normal, NormWeight, Bias, LmHead };

struct Spec {
    std::string name;
    std::vector<std::int64_t> shape;
    Init init;
    double param = 0; // fan_in (Linear) or std (Normal)
};

// make_tiny.py's DTYPE_RULES.
DType dtypeFor(const std::string &name)
{
    if (name.rfind("vision_tower.", 0) == 0)
        return name.find("layer_norm") != std::string::npos || name.find("layernorm") != std::string::npos
                   ? DType::BF16
                   : DType::F16;
    if (name == "multi_modal_projector.linear_2.bias")
        return DType::BF16;
    if (name.rfind("multi_modal_projector.", 0) == 0)
        return DType::F16;
    if (name == "language_model.model.embed_tokens.weight" || name == "language_model.lm_head.weight")
        return DType::F16;
    return DType::BF16;
}

// make_tiny.py's tensor_specs(): the order tensors are written in; shard 1 ends at `firstShardEnd`.
std::vector<Spec> tensorSpecs(const TinySpec &s, std::size_t &firstShardEnd)
{
    std::vector<Spec> out;
    const std::int64_t th = s.textHidden, vh = s.visionHidden, hd = s.textHidden / s.textHeads;
    auto lin = [&](std::string n, std::int64_t rows, std::int64_t fanIn) {
        out.push_back({std::move(n), {rows, fanIn}, Init::Linear, double(fanIn)});
    };
    auto vec = [&](std::string n, std::int64_t len, Init init) { out.push_back({std::move(n), {len}, init, 0}); };
    out.push_back({"language_model.model.embed_tokens.weight", {s.vocabSize, th}, Init::Normal, kEmbedStd});
    lin("multi_modal_projector.linear_1.weight", th, 4 * vh);
    vec("multi_modal_projector.linear_1.bias", th, Init::Bias);
    lin("multi_modal_projector.linear_2.weight", th, th);
    vec("multi_modal_projector.linear_2.bias", th, Init::Bias);
    for (std::int64_t i = 0; i < s.textLayers; ++i) {
        const std::string p = "language_model.model.layers." + std::to_string(i) + ".";
        lin(p + "self_attn.q_proj.weight", s.textHeads * hd, th);
        lin(p + "self_attn.k_proj.weight", s.textKvHeads * hd, th);
        lin(p + "self_attn.v_proj.weight", s.textKvHeads * hd, th);
        lin(p + "self_attn.o_proj.weight", th, s.textHeads * hd);
        lin(p + "mlp.gate_proj.weight", s.textIntermediate, th);
        lin(p + "mlp.up_proj.weight", s.textIntermediate, th);
        lin(p + "mlp.down_proj.weight", th, s.textIntermediate);
        vec(p + "input_layernorm.weight", th, Init::NormWeight);
        vec(p + "post_attention_layernorm.weight", th, Init::NormWeight);
    }
    firstShardEnd = out.size();
    const std::string vp = "vision_tower.vision_model.";
    const std::int64_t grid = s.imageSize / s.patchSize;
    out.push_back({vp + "embeddings.patch_embedding.weight", {vh, 3, s.patchSize, s.patchSize}, Init::Linear,
                   double(3 * s.patchSize * s.patchSize)});
    vec(vp + "embeddings.patch_embedding.bias", vh, Init::Bias);
    out.push_back({vp + "embeddings.position_embedding.weight", {grid * grid, vh}, Init::Normal, 0.5});
    for (std::int64_t i = 0; i < s.visionLayers; ++i) {
        const std::string p = vp + "encoder.layers." + std::to_string(i) + ".";
        for (const char *proj : {"k_proj", "v_proj", "q_proj", "out_proj"}) {
            lin(p + "self_attn." + proj + ".weight", vh, vh);
            vec(p + "self_attn." + proj + ".bias", vh, Init::Bias);
        }
        vec(p + "layer_norm1.weight", vh, Init::NormWeight);
        vec(p + "layer_norm1.bias", vh, Init::Bias);
        lin(p + "mlp.fc1.weight", s.visionIntermediate, vh);
        vec(p + "mlp.fc1.bias", s.visionIntermediate, Init::Bias);
        lin(p + "mlp.fc2.weight", vh, s.visionIntermediate);
        vec(p + "mlp.fc2.bias", vh, Init::Bias);
        vec(p + "layer_norm2.weight", vh, Init::NormWeight);
        vec(p + "layer_norm2.bias", vh, Init::Bias);
    }
    vec(vp + "post_layernorm.weight", vh, Init::NormWeight);
    vec(vp + "post_layernorm.bias", vh, Init::Bias);
    if (s.siglipHead) { // SigLIP MAP pooling head: present in some checkpoints, never used by Leopard
        const std::string hp = vp + "head.";
        out.push_back({hp + "probe", {1, 1, vh}, Init::Normal, 1.0});
        lin(hp + "attention.in_proj_weight", 3 * vh, vh);
        vec(hp + "attention.in_proj_bias", 3 * vh, Init::Bias);
        lin(hp + "attention.out_proj.weight", vh, vh);
        vec(hp + "attention.out_proj.bias", vh, Init::Bias);
        vec(hp + "layernorm.weight", vh, Init::NormWeight);
        vec(hp + "layernorm.bias", vh, Init::Bias);
        lin(hp + "mlp.fc1.weight", s.visionIntermediate, vh);
        vec(hp + "mlp.fc1.bias", s.visionIntermediate, Init::Bias);
        lin(hp + "mlp.fc2.weight", vh, s.visionIntermediate);
        vec(hp + "mlp.fc2.bias", vh, Init::Bias);
    }
    vec("language_model.model.norm.weight", th, Init::NormWeight);
    out.push_back({"language_model.lm_head.weight", {s.vocabSize, th}, Init::LmHead, 0});
    return out;
}

// splitmix64: a counter-based stream, trivially reproducible anywhere.
struct Stream {
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Irwin-Hall: the sum of 4 uniforms, centred and scaled to unit variance. Only +, * and a
    // constant: the same bits on every platform (std::log/cos would not guarantee that).
    double normal() { return (uniform() + uniform() + uniform() + uniform() - 2.0) * 1.7320508075688772; }
};

void fillTensor(const Spec &spec, std::uint32_t seed, std::vector<std::uint8_t> &out)
{
    const DType dt = dtypeFor(spec.name);
    Stream rng{static_cast<std::uint64_t>(crc32(spec.name.data(), spec.name.size()) ^ seed)};
    const std::int64_t n = numel(spec.shape);
    out.resize(static_cast<std::size_t>(n) * 2);
    // Row by row, so that only one row of doubles is held besides the output bytes.
    const std::int64_t cols = spec.shape.size() >= 2 ? spec.shape.back() : n;
    std::vector<double> row(static_cast<std::size_t>(cols));
    for (std::int64_t start = 0; start < n; start += cols) {
        for (double &x : row) {
            const double z = rng.normal();
            switch (spec.init) {
            case Init::Linear: x = z / std::sqrt(spec.param); break;
            case Init::Normal: x = z * spec.param; break;
            case Init::NormWeight: x = 1.0 + 0.1 * z; break;
            case Init::Bias: x = 0.1 * z; break;
            case Init::LmHead: x = z; break;
            }
        }
        if (spec.init == Init::LmHead) { // each row a random direction of norm kLmHeadRowNorm
            double sq = 0;
            for (double x : row)
                sq += x * x;
            const double scale = kLmHeadRowNorm / std::sqrt(sq);
            for (double &x : row)
                x *= scale;
        }
        for (std::int64_t c = 0; c < cols; ++c) {
            // float32 first, then the storage dtype — as make_tiny.py's numpy float32 -> torch .to(dtype)
            const float f = static_cast<float>(row[c]);
            const std::uint16_t h = dt == DType::BF16 ? floatToBf16(f) : floatToHalf(f);
            out[2 * (start + c)] = static_cast<std::uint8_t>(h & 0xff);
            out[2 * (start + c) + 1] = static_cast<std::uint8_t>(h >> 8);
        }
    }
}

void writeText(const std::string &path, const std::string &text)
{
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << text;
    if (!f)
        fail(path, "cannot write");
}

std::string readText(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(path, "cannot open (fetch the tokenizer with scripts/fetch-tokenizer.sh DIR)");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Inserts `items` (already formatted) at the end of the top-level "added_tokens" array of tokenizer.json's
// text. Editing the text (rather than re-serialising 9 MB of JSON) keeps every other byte as it was —
// the npm file is formatted like Python's json.dump(indent=2), as make_tiny.py writes it.
std::string appendAddedTokens(const std::string &path, const std::string &text, const std::string &items)
{
    const std::string key = "\"added_tokens\": [";
    const std::size_t start = text.find(key);
    if (start == std::string::npos)
        fail(path, "no \"added_tokens\" array");
    int depth = 0;
    bool inString = false;
    for (std::size_t i = start + key.size() - 1; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if ((c == ']' || c == '}') && --depth == 0) {
            std::size_t end = i; // insert after the last element, before the newline + indent of ']'
            while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n'))
                --end;
            return text.substr(0, end) + items + text.substr(end);
        }
    }
    fail(path, "unterminated \"added_tokens\" array");
}

// make_tiny.py's patch_tokenizer(): the Llama 3 instruct files + Leopard's pad and added tokens.
void writeTokenizer(const std::string &src, const std::string &out, const TinySpec &spec)
{
    const std::string tjPath = src + "/tokenizer.json";
    std::string tjText = readText(tjPath);
    nlohmann::json tj, tc;
    try {
        tj = nlohmann::json::parse(tjText);
        tc = nlohmann::json::parse(readText(src + "/tokenizer_config.json"));
    } catch (const nlohmann::json::exception &e) {
        fail(src, std::string("tokenizer files are not valid JSON: ") + e.what());
    }
    std::int64_t imageId = -1;
    for (const auto &t : tj["added_tokens"])
        if (t["content"] == "<|reserved_special_token_195|>")
            imageId = t["id"].get<std::int64_t>();
    if (imageId != spec.imageTokenIndex)
        fail(tjPath, "maps <|reserved_special_token_195|> to " + std::to_string(imageId) + ", not " +
                         std::to_string(spec.imageTokenIndex) + " (Leopard needs the Llama 3 instruct numbering)");
    if (spec.leopardTokens) {
        std::int64_t nextId = static_cast<std::int64_t>(tj["model"]["vocab"].size() + tj["added_tokens"].size());
        if (nextId != spec.vocabSize)
            fail(tjPath, "vocab + added tokens = " + std::to_string(nextId) + ", expected " + std::to_string(spec.vocabSize));
        std::vector<std::pair<std::string, bool>> added{{kLeopardPad, true}};
        for (const char *t : kLeopardAdded)
            added.emplace_back(t, false);
        std::string items;
        for (const auto &[content, special] : added) {
            const char *normalized = special ? "false" : "true";
            items += ",\n    {\n      \"id\": " + std::to_string(nextId) + ",\n      \"content\": " +
                     nlohmann::json(content).dump() +
                     ",\n      \"single_word\": false,\n      \"lstrip\": false,\n      \"rstrip\": false,\n"
                     "      \"normalized\": " + normalized + ",\n      \"special\": " + (special ? "true" : "false") +
                     "\n    }";
            tc["added_tokens_decoder"][std::to_string(nextId)] = {{"content", content}, {"lstrip", false},
                                                                  {"normalized", !special}, {"rstrip", false},
                                                                  {"single_word", false}, {"special", special}};
            ++nextId;
        }
        tjText = appendAddedTokens(tjPath, tjText, items);
        // The edit must leave valid JSON with exactly these tokens appended.
        const nlohmann::json check = nlohmann::json::parse(tjText);
        if (check["added_tokens"].size() != tj["added_tokens"].size() + added.size() ||
            check["added_tokens"].back()["id"] != nextId - 1)
            fail(tjPath, "could not append Leopard's added tokens");
        tc["pad_token"] = kLeopardPad;
        tc["model_max_length"] = 16384;
        tc["padding_side"] = "right";
    }
    tc["eos_token"] = "<|eot_id|>";
    tc["bos_token"] = "<|begin_of_text|>";
    if (tjText.empty() || tjText.back() != '\n')
        tjText += '\n';
    writeText(out + "/tokenizer.json", tjText);
    writeText(out + "/tokenizer_config.json", tc.dump(2) + "\n");
    nlohmann::json stm;
    auto entry = [](const char *content) {
        return nlohmann::json{{"content", content}, {"lstrip", false}, {"normalized", false}, {"rstrip", false},
                              {"single_word", false}};
    };
    stm["bos_token"] = entry("<|begin_of_text|>");
    stm["eos_token"] = entry("<|eot_id|>");
    if (spec.leopardTokens)
        stm["pad_token"] = entry(kLeopardPad);
    writeText(out + "/special_tokens_map.json", stm.dump(2) + "\n");
}

} // namespace

nlohmann::json tinyConfig(const TinySpec &s)
{
    nlohmann::json c;
    c["architectures"] = {"LlavaForConditionalGeneration"};
    c["ignore_index"] = -100;
    c["image_token_index"] = s.imageTokenIndex;
    c["model_type"] = "llava";
    c["projector_hidden_act"] = "gelu";
    c["text_config"] = {{"architectures", {"LlavaLlamaForCausalLM"}},
                        {"bos_token_id", 128000},
                        {"eos_token_id", 128001},
                        {"hidden_size", s.textHidden},
                        {"intermediate_size", s.textIntermediate},
                        {"max_position_embeddings", 16384},
                        {"max_sequence_length", 16384},
                        {"model_type", "llama"},
                        {"num_attention_heads", s.textHeads},
                        {"num_hidden_layers", s.textLayers},
                        {"num_key_value_heads", s.textKvHeads},
                        {"rms_norm_eps", 1e-05},
                        {"rope_scaling",
                         {{"factor", 8.0},
                          {"high_freq_factor", 4.0},
                          {"low_freq_factor", 1.0},
                          {"original_max_position_embeddings", 8192},
                          {"rope_type", "llama3"}}},
                        {"rope_theta", 500000},
                        {"torch_dtype", "float16"},
                        {"vocab_size", s.vocabSize}};
    c["transformers_version"] = "4.44.2";
    c["vision_config"] = {{"hidden_act", "gelu_pytorch_tanh"},
                          {"hidden_size", s.visionHidden},
                          {"image_size", s.imageSize},
                          {"intermediate_size", s.visionIntermediate},
                          {"layer_norm_eps", 1e-06},
                          {"model_type", "siglip_vision_model"},
                          {"num_attention_heads", s.visionHeads},
                          {"num_hidden_layers", s.visionLayers},
                          {"patch_size", s.patchSize}};
    c["vision_feature_layer"] = -2;
    c["vision_feature_select_strategy"] = "default";
    return c;
}

void writeTinyCheckpoint(const std::string &outDir, const std::string &tokenizerDir, const TinySpec &spec,
                         const std::function<void(const std::string &)> &log)
{
    if (spec.textHidden % spec.textHeads || spec.textHeads % spec.textKvHeads || spec.imageSize % spec.patchSize ||
        (spec.imageSize / spec.patchSize) % 2)
        fail(outDir, "inconsistent sizes (hidden % heads, heads % kv heads, image % patch, even patch grid)");
    ::mkdir(outDir.c_str(), 0755);
    struct stat st {};
    if (::stat(outDir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        fail(outDir, "cannot create the directory");
    // Overwrite an earlier output, but never mix with other files: a stale model.safetensors next to the
    // shards would be preferred over them when the directory is opened.
    static const std::set<std::string> ours = {"config.json", "pytorch_model-00001-of-00002.bin",
                                               "pytorch_model-00002-of-00002.bin", "pytorch_model.bin.index.json",
                                               "special_tokens_map.json", "tokenizer.json", "tokenizer_config.json"};
    if (DIR *d = ::opendir(outDir.c_str())) {
        std::string stranger;
        while (const dirent *e = ::readdir(d)) {
            const std::string n = e->d_name;
            if (n != "." && n != ".." && !ours.count(n))
                stranger = n;
        }
        ::closedir(d);
        if (!stranger.empty())
            fail(outDir, "is not empty (holds '" + stranger + "'): choose a new or empty directory");
    }

    for (const char *f : {"/tokenizer.json", "/tokenizer_config.json"}) // fail before writing anything
        if (!std::ifstream(tokenizerDir + f))
            fail(tokenizerDir + f, "cannot open (fetch the tokenizer with scripts/fetch-tokenizer.sh DIR)");
    writeText(outDir + "/config.json", tinyConfig(spec).dump(4) + "\n");
    std::size_t firstEnd = 0;
    const std::vector<Spec> specs = tensorSpecs(spec, firstEnd);
    const std::string names[2] = {"pytorch_model-00001-of-00002.bin", "pytorch_model-00002-of-00002.bin"};
    nlohmann::json weightMap = nlohmann::json::object();
    std::uint64_t total = 0;
    for (int shard = 0; shard < 2; ++shard) {
        std::vector<TensorToWrite> tensors;
        for (std::size_t k = shard == 0 ? 0 : firstEnd; k < (shard == 0 ? firstEnd : specs.size()); ++k) {
            const Spec &sp = specs[k];
            tensors.push_back({sp.name, dtypeFor(sp.name), sp.shape,
                               [&sp, &spec](std::vector<std::uint8_t> &out) { fillTensor(sp, spec.seed, out); }});
            weightMap[sp.name] = names[shard];
            total += static_cast<std::uint64_t>(numel(sp.shape)) * 2;
        }
        // Shard 1 pickles an OrderedDict (a state_dict), shard 2 a plain dict (HF's shard_checkpoint).
        writeTorchSave(outDir + "/" + names[shard], tensors, shard == 0);
        if (log)
            log(names[shard]);
    }
    const nlohmann::json index = {{"metadata", {{"total_size", total}}}, {"weight_map", weightMap}};
    writeText(outDir + "/pytorch_model.bin.index.json", index.dump(2) + "\n");
    writeTokenizer(tokenizerDir, outDir, spec);
    if (log)
        log("config.json, pytorch_model.bin.index.json, tokenizer files");
}

} // namespace leopard::ckpt
