// SCIM filter expressions (RFC 7644 3.4.2.2): parse once, then match resources as JSON.
// Supported: eq ne co sw ew gt ge lt le pr, and, or, not, parentheses; attribute names and
// operators in any case. Complex value filters (emails[type eq "work"]) outside PATCH paths
// are rejected as invalidFilter rather than ignored.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace openzro::scim {

struct FilterNode {
    enum class Kind { And, Or, Not, Compare, Present };
    Kind kind = Kind::Compare;
    std::vector<std::string> attr;  // lower-case path segments: {"name", "givenname"}
    std::string op;                 // lower case: eq, ne, co, sw, ew, gt, ge, lt, le
    nlohmann::json value;           // string, number, boolean or null
    std::vector<FilterNode> children;
};

struct FilterParse {
    bool ok = false;
    std::string error;
    FilterNode root;
};

FilterParse parse_filter(std::string_view text);
bool filter_matches(const FilterNode& filter, const nlohmann::json& resource);

// `attr eq "value"` on a single attribute: the attribute (lower case) and the string value.
std::optional<std::pair<std::string, std::string>> simple_equality(const FilterNode& filter);

// Attribute path without a schema URN prefix, split at dots, lower case.
std::vector<std::string> split_attr_path(std::string_view path);

// Finds a key case-insensitively; nullptr if absent or `object` is not an object.
const nlohmann::json* find_key(const nlohmann::json& object, std::string_view key);

}  // namespace openzro::scim
