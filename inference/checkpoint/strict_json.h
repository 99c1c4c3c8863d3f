#pragma once
// JSON parsing for checkpoint metadata (config.json, the index's weight_map, safetensors headers)
// that refuses duplicate object keys. nlohmann (like Python's json) silently keeps one of two equal
// keys; in a checkpoint that means two readers can disagree on which bytes a tensor is, so a
// duplicate is refused with its name.
#include <nlohmann/json.hpp>

#include <string>

namespace leopard::ckpt {

// Parses [begin, end); throws CheckpointError "<file>: [<what> is ]not valid JSON: ..." or
// "<file>: key '<k>' appears twice[ in <what>] ...". `what` names the part of the file ("" = all of it).
nlohmann::json parseStrictJson(const char *begin, const char *end, const std::string &file, const std::string &what);
// The whole file at `path` ("<path>: cannot open" when it cannot be read).
nlohmann::json parseStrictJsonFile(const std::string &path);

} // namespace leopard::ckpt
