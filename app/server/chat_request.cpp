#include "app/server/chat_request.h"

#include "app/server/api_error.h"

#include <nlohmann/json.hpp>

#include <QSet>
#include <QStringList>

#include <random>

namespace leopard::server {
namespace {

using nlohmann::json;

std::string at(const std::string &parent, const std::string &key) { return parent.empty() ? key : parent + "." + key; }
std::string at(const std::string &parent, std::size_t i) { return parent + "[" + std::to_string(i) + "]"; }

const char *typeName(const json &j)
{
    switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::discarded: return "nothing";
    default: return "a number";
    }
}

[[noreturn]] void wrongType(const std::string &param, const json &j, const char *wanted)
{
    throw ApiError::badField(param, std::string("must be ") + wanted + ", not " + typeName(j));
}

// A field that may be absent or null (both mean "the default").
const json *optional(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

double number(const json &j, const std::string &param, double lo, double hi)
{
    if (!j.is_number())
        wrongType(param, j, "a number");
    const double v = j.get<double>();
    if (!(v >= lo && v <= hi)) // also refuses NaN
        throw ApiError::badField(param, "must be between " + json(lo).dump() + " and " + json(hi).dump() + ", not " + j.dump());
    return v;
}

std::int64_t integer(const json &j, const std::string &param, std::int64_t lo, std::int64_t hi)
{
    if (!j.is_number_integer())
        wrongType(param, j, "an integer");
    const std::int64_t v = j.is_number_unsigned() && j.get<std::uint64_t>() > std::uint64_t(INT64_MAX) ? INT64_MAX : j.get<std::int64_t>();
    if (v < lo || v > hi)
        throw ApiError::badField(param, "must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", not " + j.dump());
    return v;
}

bool boolean(const json &j, const std::string &param)
{
    if (!j.is_boolean())
        wrongType(param, j, "true or false");
    return j.get<bool>();
}

const std::string &string(const json &j, const std::string &param)
{
    if (!j.is_string())
        wrongType(param, j, "a string");
    return j.get_ref<const std::string &>();
}

// One user/assistant/system message's content, in order: text parts and image indexes.
struct Part {
    QString text; // a text part, or
    int image = -1; // an image (index into ChatRequest::images)
};

class Reader
{
public:
    Reader(ChatRequest &out, const ChatParseOptions &o) : m_out(out), m_options(o) {}

    std::vector<Part> content(const json &message, const std::string &param, bool imagesAllowed)
    {
        const auto it = message.find("content");
        const std::string p = at(param, "content");
        if (it == message.end() || it->is_null())
            throw ApiError::badField(p, "is missing");
        std::vector<Part> parts;
        if (it->is_string()) {
            parts.push_back({QString::fromStdString(it->get<std::string>())});
            return parts;
        }
        if (!it->is_array())
            wrongType(p, *it, "a string or an array of content parts");
        for (std::size_t i = 0; i < it->size(); ++i) {
            const json &part = (*it)[i];
            const std::string pp = at(p, i);
            if (!part.is_object())
                wrongType(pp, part, "an object");
            const auto type = part.find("type");
            if (type == part.end())
                throw ApiError::badField(at(pp, "type"), "is missing");
            const std::string &t = string(*type, at(pp, "type"));
            if (t == "text") {
                const auto text = part.find("text");
                if (text == part.end())
                    throw ApiError::badField(at(pp, "text"), "is missing");
                parts.push_back({QString::fromStdString(string(*text, at(pp, "text")))});
            } else if (t == "image_url") {
                if (!imagesAllowed)
                    throw ApiError::badField(pp, "images are taken in user messages only");
                const auto iu = part.find("image_url");
                const std::string ip = at(pp, "image_url");
                if (iu == part.end())
                    throw ApiError::badField(ip, "is missing");
                const json *url = iu->is_object() ? optional(*iu, "url") : &*iu; // {"url": ...} or, as some clients send, the string
                if (!url)
                    throw ApiError::badField(at(ip, "url"), "is missing");
                const std::string up = iu->is_object() ? at(ip, "url") : ip;
                parts.push_back({{}, addImage(string(*url, up), up)});
            } else if (t == "refusal" && !imagesAllowed) {
                continue; // an assistant's refusal part: no text the model said to us
            } else {
                throw ApiError::badField(at(pp, "type"), "\"" + t + "\" is not taken (text and image_url are)");
            }
        }
        return parts;
    }

private:
    int addImage(const std::string &url, const std::string &param)
    {
        const int index = int(m_out.images.size());
        if (index >= m_options.limits.maxImages)
            throw ApiError(400, param + ": more than " + std::to_string(m_options.limits.maxImages) +
                                    " images in one request (the model takes at most " +
                                    std::to_string(m_options.limits.maxImages) + ")",
                           param, "too_many_images");
        ChatImage image = readImageUrl(url, index, param, m_options.limits);
        m_pixels += std::int64_t(image.width) * image.height;
        if (m_pixels > m_options.limits.maxTotalPixels)
            throw ApiError(400, param + ": with image " + std::to_string(index) + " the request holds " +
                                    std::to_string(m_pixels) + " pixels, more than the " +
                                    std::to_string(m_options.limits.maxTotalPixels) + " one request may",
                           param, "too_many_pixels");
        m_out.images.push_back(std::move(image));
        return index;
    }

    ChatRequest &m_out;
    const ChatParseOptions &m_options;
    std::int64_t m_pixels = 0;
};

QString joinText(const std::vector<Part> &parts)
{
    QStringList texts;
    for (const Part &p : parts)
        if (p.image < 0)
            texts << p.text;
    return texts.join(QLatin1Char('\n'));
}

// Refuses what this server does not do rather than silently doing something else.
void refuseUnsupported(const json &body)
{
    if (const json *n = optional(body, "n"); n && integer(*n, "n", 1, 1000) != 1)
        throw ApiError::badField("n", "only 1 choice per request is generated");
    if (const json *l = optional(body, "logprobs"); l && boolean(*l, "logprobs"))
        throw ApiError::badField("logprobs", "log probabilities are not returned by this server");
    for (const char *key : {"presence_penalty", "frequency_penalty"})
        if (const json *v = optional(body, key); v && number(*v, key, -2, 2) != 0)
            throw ApiError::badField(key, "penalties are not supported (leave it 0)");
    for (const char *key : {"tools", "functions"})
        if (const json *v = optional(body, key); v && !(v->is_array() && v->empty()))
            throw ApiError::badField(key, "tool and function calling are not supported");
    if (const json *rf = optional(body, "response_format")) {
        const json *type = rf->is_object() ? optional(*rf, "type") : nullptr;
        if (!type || !type->is_string() || type->get<std::string>() != "text")
            throw ApiError::badField("response_format", "only {\"type\": \"text\"} is supported");
    }
    if (const json *lb = optional(body, "logit_bias"); lb && !(lb->is_object() && lb->empty()))
        throw ApiError::badField("logit_bias", "is not supported");
}

} // namespace

ChatRequest parseChatRequest(const std::string &bodyText, const ChatParseOptions &options)
{
    json body;
    try {
        // Depth-limited: a request is a few levels deep; a million '[' is an attack, not a request.
        body = json::parse(bodyText, [](int depth, json::parse_event_t, json &) {
            if (depth > 32)
                throw ApiError(400, "invalid JSON: nested more than 32 levels deep", "", "invalid_json");
            return true;
        });
    } catch (const json::parse_error &e) {
        throw ApiError(400, std::string("invalid JSON: ") + e.what(), "", "invalid_json");
    }
    if (!body.is_object())
        throw ApiError(400, std::string("the request body must be a JSON object, not ") + typeName(body), "", "invalid_json");

    ChatRequest out;
    if (const json *m = optional(body, "model")) {
        out.model = string(*m, "model");
        if (out.model != options.modelId)
            throw ApiError(404, "The model \"" + out.model + "\" does not exist here; this server runs \"" +
                                    options.modelId + "\" (GET /v1/models)",
                           "model", "model_not_found");
    }
    refuseUnsupported(body);
    if (const json *s = optional(body, "stream"))
        out.stream = boolean(*s, "stream");
    if (const json *so = optional(body, "stream_options")) {
        if (!so->is_object())
            wrongType("stream_options", *so, "an object");
        if (const json *iu = optional(*so, "include_usage"))
            out.includeUsage = boolean(*iu, "stream_options.include_usage");
    }
    out.maxTokens = options.defaultMaxTokens;
    // max_completion_tokens is the newer name; when both are given it wins.
    for (const char *key : {"max_tokens", "max_completion_tokens"})
        if (const json *v = optional(body, key))
            out.maxTokens = int(integer(*v, key, 1, options.maxTokensLimit));
    out.maxTokens = std::min(out.maxTokens, options.maxTokensLimit);
    if (const json *t = optional(body, "temperature"))
        out.temperature = float(number(*t, "temperature", 0, 2));
    if (const json *p = optional(body, "top_p")) {
        out.topP = float(number(*p, "top_p", 0, 1));
        if (out.topP <= 0)
            throw ApiError::badField("top_p", "must be more than 0");
    }
    if (const json *s = optional(body, "seed")) {
        out.seed = std::uint64_t(integer(*s, "seed", INT64_MIN, INT64_MAX));
        out.seedGiven = true;
    } else if (out.temperature > 0) {
        out.seed = (std::uint64_t(std::random_device{}()) << 32) ^ std::random_device{}(); // sampled afresh, as OpenAI does
    }
    if (const json *st = optional(body, "stop")) {
        auto add = [&](const json &s, const std::string &param) {
            const std::string &v = string(s, param);
            if (v.empty())
                throw ApiError::badField(param, "must not be empty");
            out.stop.push_back(v);
        };
        if (st->is_array()) {
            if (st->size() > 4)
                throw ApiError::badField("stop", "takes at most 4 strings");
            for (std::size_t i = 0; i < st->size(); ++i)
                add((*st)[i], at("stop", i));
        } else {
            add(*st, "stop");
        }
    }

    const auto messages = body.find("messages");
    if (messages == body.end() || messages->is_null())
        throw ApiError::badField("messages", "is missing");
    if (!messages->is_array())
        wrongType("messages", *messages, "an array");
    if (messages->empty())
        throw ApiError::badField("messages", "must not be empty");

    Reader reader(out, options);
    QStringList system;
    struct RawTurn {
        std::vector<Part> parts;
        QStringList answers;
    };
    std::vector<RawTurn> raw;
    std::string lastRole;
    for (std::size_t i = 0; i < messages->size(); ++i) {
        const json &m = (*messages)[i];
        const std::string p = at("messages", i);
        if (!m.is_object())
            wrongType(p, m, "an object");
        const auto role = m.find("role");
        if (role == m.end())
            throw ApiError::badField(at(p, "role"), "is missing");
        const std::string &r = string(*role, at(p, "role"));
        if (r == "system" || r == "developer") {
            system << joinText(reader.content(m, p, false));
        } else if (r == "user") {
            if (raw.empty() || !raw.back().answers.isEmpty())
                raw.push_back({});
            std::vector<Part> parts = reader.content(m, p, true);
            raw.back().parts.insert(raw.back().parts.end(), parts.begin(), parts.end());
            lastRole = r;
        } else if (r == "assistant") {
            if (optional(m, "tool_calls") || optional(m, "function_call"))
                throw ApiError::badField(p, "tool calls are not supported");
            if (raw.empty())
                throw ApiError::badField(p, "an assistant message must follow a user message");
            raw.back().answers << joinText(reader.content(m, p, false));
            lastRole = r;
        } else {
            throw ApiError::badField(at(p, "role"), "\"" + r + "\" is not taken (system, developer, user, assistant)");
        }
    }
    if (lastRole != "user")
        throw ApiError::badField("messages", "the last message must be the user's (role \"user\"): it is the question to answer");

    QSet<QString> seen; // images already in the conversation
    for (std::size_t t = 0; t < raw.size(); ++t) {
        ChatTurn turn;
        std::vector<Part> parts;
        for (const Part &p : raw[t].parts) {
            if (p.image >= 0) {
                const QString &sha = out.images[std::size_t(p.image)].sha256;
                if (t > 0 && seen.contains(sha))
                    continue; // already in the model's context
                turn.images.push_back(p.image);
            }
            parts.push_back(p);
        }
        for (int i : turn.images)
            seen.insert(out.images[std::size_t(i)].sha256);
        bool textBeforeImage = false, anyText = false;
        for (const Part &p : parts) {
            if (p.image < 0 && !p.text.trimmed().isEmpty())
                anyText = true;
            else if (p.image >= 0 && anyText)
                textBeforeImage = true;
        }
        if (textBeforeImage || !anyText) {
            // Tags where the images are (an image-only turn too: its question is then its tags).
            QStringList pieces;
            for (const Part &p : parts)
                pieces << (p.image >= 0 ? QStringLiteral("<image>") : p.text);
            turn.question = pieces.join(QLatin1Char('\n'));
        } else {
            turn.question = joinText(parts);
        }
        if (t == 0 && !system.join(QString()).trimmed().isEmpty())
            turn.question = system.join(QLatin1Char('\n')).trimmed() + QStringLiteral("\n\n") + turn.question;
        turn.question = turn.question.trimmed();
        turn.answer = raw[t].answers.join(QLatin1Char('\n')).trimmed();
        if (turn.question.isEmpty())
            throw ApiError::badField("messages", "user turn " + std::to_string(t + 1) + " has neither text nor a new image");
        out.turns.push_back(std::move(turn));
    }
    return out;
}

} // namespace leopard::server
