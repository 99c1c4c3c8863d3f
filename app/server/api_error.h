#pragma once
// An error as OpenAI's API reports it: an HTTP status and
// {"error": {"message", "type", "param", "code"}}. Thrown by the request parser (400s), made by the
// HTTP layer for the rest. `param` names the offending field ("messages[1].content[0].image_url"),
// so a client's developer sees what to fix without reading the server's log.
#include <stdexcept>
#include <string>

namespace leopard::server {

struct ApiError : std::runtime_error {
    int status = 400;
    std::string type = "invalid_request_error";
    std::string param; // "" = null
    std::string code;  // "" = null
    int retryAfterSeconds = 0; // > 0: sent as Retry-After (429, 503)

    ApiError(int status_, std::string message, std::string param_ = {}, std::string code_ = {},
             std::string type_ = "invalid_request_error")
        : std::runtime_error(std::move(message)), status(status_), type(std::move(type_)), param(std::move(param_)),
          code(std::move(code_))
    {
    }

    static ApiError badField(const std::string &param, const std::string &message)
    {
        return ApiError(400, param + ": " + message, param, "invalid_value");
    }
};

} // namespace leopard::server
