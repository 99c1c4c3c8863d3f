#include "inference/torch/prompt_builder.h"

#include <algorithm>

namespace leopard {
namespace {

const std::string kImageTag = "<image>";

std::size_t countTags(const std::string &s)
{
    std::size_t n = 0;
    for (std::size_t at = s.find(kImageTag); at != std::string::npos; at = s.find(kImageTag, at + kImageTag.size()))
        ++n;
    return n;
}

// re.sub('<image>', keep the first `keep`, drop the rest)
std::string keepFirstTags(const std::string &s, std::size_t keep)
{
    std::string out;
    std::size_t pos = 0, seen = 0;
    for (std::size_t at = s.find(kImageTag); at != std::string::npos; at = s.find(kImageTag, pos)) {
        out.append(s, pos, at - pos);
        if (seen++ < keep)
            out += kImageTag;
        pos = at + kImageTag.size();
    }
    out.append(s, pos, std::string::npos);
    return out;
}

void replaceAll(std::string &s, const std::string &from, const std::string &to)
{
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

// The vocabulary string of a special token the prompt needs, checked to be a single id.
std::string special(const Tokenizer &tok, const std::string &name)
{
    if (!tok.tokenId(name))
        throw PromptError("the tokenizer has no token " + name);
    return name;
}

} // namespace

std::string instructionFor(const std::string &setting, const std::string &quesType)
{
    const bool mc = quesType == "multiple-choice";
    if (setting == "cot")
        return mc ? "First think step by step. Then answer with the letter of the correct option."
                  : "First think step by step. Then answer with a single word or phrase.";
    if (setting == "direct")
        return mc ? "Answer with the option's letter from the given choices directly."
                  : "Answer the question using a single word or phrase.";
    if (setting == "none")
        return "";
    throw PromptError("unknown answer setting '" + setting + "' (direct, cot or none)");
}

namespace {

// The question with exactly `images` <image> tags: missing ones in front (then a space), as the
// reference does; extra ones removed (the reference crashes on them).
std::string placeTags(const std::string &questionIn, std::size_t images, std::int64_t *tagsInQuestion)
{
    std::string question = questionIn;
    const std::size_t tags = countTags(question);
    *tagsInQuestion = std::int64_t(tags);
    if (tags < images) {
        std::string front;
        for (std::size_t i = tags; i < images; ++i)
            front += kImageTag;
        question = front + " " + question;
    } else if (tags > images) {
        question = keepFirstTags(question, images);
    }
    return question;
}

// The image-token name config.json's image_token_index refers to (128200 =
// <|reserved_special_token_195|> in Leopard's 3.0-numbered tokenizer).
std::string imageTokenName(const Tokenizer &tok, const ckpt::ModelConfig &config)
{
    const auto name = tok.tokenString(static_cast<std::int32_t>(config.imageTokenIndex));
    if (!name || !tok.isSpecial(static_cast<std::int32_t>(config.imageTokenIndex)))
        throw PromptError("image_token_index " + std::to_string(config.imageTokenIndex) +
                          " is not a special token of the tokenizer");
    return *name;
}

// Replaces the i-th remaining <image> (first occurrence, one at a time, as str.replace(.., 1)) with
// "image <firstNumber + i>: " + open + one image token per model image + close. Returns the image tokens.
std::int64_t expandTags(const Tokenizer &tok, const ckpt::ModelConfig &config, std::string &prompt,
                        const std::vector<int> &modelImagesPerImage, std::size_t firstNumber)
{
    const std::string open = special(tok, "<|reserved_special_token_20|>");
    const std::string close = special(tok, "<|reserved_special_token_21|>");
    const std::string image = imageTokenName(tok, config);
    std::int64_t tokens = 0;
    for (std::size_t i = 0; i < modelImagesPerImage.size(); ++i) {
        std::string block = "image " + std::to_string(firstNumber + i) + ": " + open;
        for (int k = 0; k < modelImagesPerImage[i]; ++k)
            block += image;
        block += close;
        const std::size_t at = prompt.find(kImageTag);
        if (at == std::string::npos)
            throw PromptError("internal: fewer <image> tags than images");
        prompt.replace(at, kImageTag.size(), block);
        tokens += modelImagesPerImage[i];
    }
    return tokens;
}

} // namespace

BuiltPrompt buildPrompt(const Tokenizer &tok, const ckpt::ModelConfig &config, const std::string &questionIn,
                        const std::vector<int> &modelImagesPerImage, const PromptOptions &options)
{
    const std::string bos = special(tok, "<|begin_of_text|>");
    const std::string head = (options.doubleBos ? bos : std::string()) + special(tok, "<|start_header_id|>") + "user" +
                             special(tok, "<|end_header_id|>") + "\n\n";
    const std::string tail = special(tok, "<|eot_id|>") + special(tok, "<|start_header_id|>") + "assistant" +
                             special(tok, "<|end_header_id|>") + "\n\n";
    special(tok, "<|reserved_special_token_20|>");
    special(tok, "<|reserved_special_token_21|>");
    imageTokenName(tok, config);

    BuiltPrompt out;
    const std::string question = placeTags(questionIn, modelImagesPerImage.size(), &out.tagsInQuestion);
    std::string prompt = head + question + "\n" + instructionFor(options.setting, options.quesType) + tail;
    out.imageTokens = expandTags(tok, config, prompt, modelImagesPerImage, 1);
    replaceAll(prompt, "\r\n\t\t\r\n\t\t", " ");

    out.text = prompt;
    out.ids = tok.encode(prompt, /*addSpecialTokens=*/true);
    if (options.maxLength > 0 && std::int64_t(out.ids.size()) > options.maxLength) {
        out.ids.resize(std::size_t(options.maxLength));
        const auto kept = std::count(out.ids.begin(), out.ids.end(), std::int32_t(config.imageTokenIndex));
        if (kept != out.imageTokens)
            throw PromptError("the prompt is longer than " + std::to_string(options.maxLength) +
                              " tokens and truncation would cut into the images");
    }
    return out;
}

std::vector<std::int32_t> appendFollowUp(const Tokenizer &tok, std::vector<std::int32_t> conversation,
                                         const std::string &question, const PromptOptions &options)
{
    const std::string eot = special(tok, "<|eot_id|>");
    const std::int32_t eotId = *tok.tokenId(eot);
    std::string turn = conversation.empty() || conversation.back() != eotId ? eot : std::string();
    turn += special(tok, "<|start_header_id|>") + "user" + special(tok, "<|end_header_id|>") + "\n\n" + question + "\n" +
            instructionFor(options.setting, options.quesType) + eot + special(tok, "<|start_header_id|>") + "assistant" +
            special(tok, "<|end_header_id|>") + "\n\n";
    const std::vector<std::int32_t> ids = tok.encode(turn, /*addSpecialTokens=*/false);
    conversation.insert(conversation.end(), ids.begin(), ids.end());
    return conversation;
}

} // namespace leopard

namespace leopard {

std::vector<std::int32_t> appendFollowUp(const Tokenizer &tok, const ckpt::ModelConfig &config,
                                         std::vector<std::int32_t> conversation, const std::string &questionIn,
                                         const std::vector<int> &modelImagesPerNewImage, std::size_t imagesBefore,
                                         const PromptOptions &options)
{
    if (modelImagesPerNewImage.empty())
        return appendFollowUp(tok, std::move(conversation), questionIn, options);
    const std::string eot = special(tok, "<|eot_id|>");
    const std::int32_t eotId = *tok.tokenId(eot);
    std::int64_t tagsInQuestion = 0;
    const std::string question = placeTags(questionIn, modelImagesPerNewImage.size(), &tagsInQuestion);
    std::string turn = conversation.empty() || conversation.back() != eotId ? eot : std::string();
    turn += special(tok, "<|start_header_id|>") + "user" + special(tok, "<|end_header_id|>") + "\n\n" + question + "\n" +
            instructionFor(options.setting, options.quesType) + eot + special(tok, "<|start_header_id|>") + "assistant" +
            special(tok, "<|end_header_id|>") + "\n\n";
    expandTags(tok, config, turn, modelImagesPerNewImage, imagesBefore + 1);
    const std::vector<std::int32_t> ids = tok.encode(turn, /*addSpecialTokens=*/false);
    conversation.insert(conversation.end(), ids.begin(), ids.end());
    if (options.maxLength > 0 && std::int64_t(conversation.size()) > options.maxLength)
        throw PromptError("the conversation with the added pages would be " + std::to_string(conversation.size()) +
                          " tokens, more than the " + std::to_string(options.maxLength) + " the model takes");
    return conversation;
}

} // namespace leopard
