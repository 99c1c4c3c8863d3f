#pragma once
// The single-question prompt exactly as the reference builds it (DESIGN.md "Prompt", reference
// README items 9-13): Llama 3 chat header + question + "\n" + instruction + assistant header, each
// <image> tag replaced by "image i: <|reserved_special_token_20|>" + one image token per model
// image (global view + tiles) + "<|reserved_special_token_21|>", then tokenised with the
// tokenizer's post-processor (a second <|begin_of_text|>: the reference feeds a double BOS).
// Torch-free.
#include "inference/checkpoint/model_config.h"
#include "inference/tokenizer/tokenizer.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace leopard {

struct PromptOptions {
    std::string setting = "direct";    // the harness's instruction suffix: direct | cot | none
    std::string quesType = "open-ended"; // open-ended (anything else but multiple-choice) | multiple-choice
    bool doubleBos = true;             // as the reference; false: one <|begin_of_text|> (as in training)
    std::int64_t maxLength = 16384;    // the reference's truncation (max_length=16384)
};

struct BuiltPrompt {
    std::string text;                 // the prompt string before tokenisation
    std::vector<std::int32_t> ids;    // what the model is fed
    std::int64_t imageTokens = 0;     // image-token ids in `ids` (= model images)
    std::int64_t tagsInQuestion = 0;  // <image> tags the user wrote
};

class PromptError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// eval_utils.get_instruction(setting, ques_type). Throws PromptError for an unknown setting.
std::string instructionFor(const std::string &setting, const std::string &quesType);

// modelImagesPerImage[i] = 1 + tiles of input image i (the crop plan's modelImages()).
// Missing <image> tags are put in front of the question (followed by a space), as the reference
// does, but all of them are expanded (the reference's stale count would leave them literal: its
// item 11 bug); extra tags beyond the images are removed (the reference crashes on them).
// Throws PromptError when a special token is missing from the tokenizer or when truncation to
// maxLength would cut into the image tokens.
BuiltPrompt buildPrompt(const Tokenizer &tokenizer, const ckpt::ModelConfig &config, const std::string &question,
                        const std::vector<int> &modelImagesPerImage, const PromptOptions &options = {});

// A follow-up turn of the same conversation (DESIGN.md: follow-ups extend the Llama 3 chat template).
// `conversation` = the previous prompt's ids followed by the answer's generated ids; an answer that did
// not end with <|eot_id|> (stopped on length, cancelled, <|end_of_text|>) is closed with one first. Then
// "<|start_header_id|>user<|end_header_id|>\n\n" + question + "\n" + instruction + the assistant header,
// tokenised without the post-processor's BOS. This one carries no images: <image> tags stay literal text.
// Throws PromptError on a missing special token.
std::vector<std::int32_t> appendFollowUp(const Tokenizer &tokenizer, std::vector<std::int32_t> conversation,
                                         const std::string &question, const PromptOptions &options = {});

// A follow-up turn that adds images (pages added mid-conversation): the same turn as above, with
// the new images' <image> tags placed in it by buildPrompt's rules (missing tags in front of the
// question followed by a space, extra ones removed) and expanded the same way, numbered on from the
// conversation's images: "image <imagesBefore + 1>: <|reserved_special_token_20|>" + one image token
// per model image + "<|reserved_special_token_21|>". No BOS. With no new images this is the
// overload above (tags stay literal). Throws PromptError when the conversation would exceed
// options.maxLength (no truncation: it would cut the new images).
std::vector<std::int32_t> appendFollowUp(const Tokenizer &tokenizer, const ckpt::ModelConfig &config,
                                         std::vector<std::int32_t> conversation, const std::string &question,
                                         const std::vector<int> &modelImagesPerNewImage, std::size_t imagesBefore,
                                         const PromptOptions &options = {});

} // namespace leopard
