// client/text.h: ASCII text helpers shared by the client, the UI and the reference server
// (HTTP header names, SCIM attribute names, search keys, URL segments, JSON strings written by
// hand): one copy of each.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace openzro {

// A-Z to a-z; other bytes (UTF-8 included) unchanged.
std::string to_lower(std::string_view text);
void append_lower(std::string& out, std::string_view text);
// Equal but for the case of A-Z.
bool iequals(std::string_view a, std::string_view b);
// RFC 3986 percent-encoding of everything but the unreserved characters: a path segment or a
// query value.
std::string percent_encode(std::string_view text);
// Appends `text` as a quoted JSON string. Invalid UTF-8 bytes become U+FFFD, as the replace
// mode of nlohmann's dump does.
void append_json_string(std::string& out, std::string_view text);
// The whole of `text` as a decimal integer: an optional '-', then digits. Nothing for an empty
// text, any other byte or a value out of range. Never throws (the wasm build has no exceptions).
std::optional<std::int64_t> parse_int64(std::string_view text);
// parse_int64() of a count written as 1 to `max_digits` digits, no sign (HTTP's delay-seconds,
// a size on the command line).
std::optional<std::int64_t> parse_digits(std::string_view text, std::size_t max_digits);

}  // namespace openzro
