// Parsing JSON a peer sent (tokens, JWKS, discovery documents) with a nesting limit checked
// on the text before any tree is built, so no input can exhaust the stack.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace openzro {

inline constexpr int kMaxPeerJsonDepth = 16;

// nullopt if the text is not JSON or nests deeper than `max_depth`.
std::optional<nlohmann::json> parse_bounded_json(std::string_view text,
                                                 int max_depth = kMaxPeerJsonDepth);

// The member `key` of `object` (exact name), or null if absent or `object` is no object.
const nlohmann::json* member(const nlohmann::json& object, std::string_view key);
// The string member `key`, or "" if absent or not a string.
std::string string_member(const nlohmann::json& object, std::string_view key);

}  // namespace openzro
