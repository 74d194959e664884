// SCIM PATCH (RFC 7644 3.5.2) applied to a resource held as JSON, with the shapes Okta and
// Microsoft Entra send: no-path replace with an object value (id inside it is allowed when it
// is unchanged), capitalised op names, members add/remove/replace and members[value eq "..."].
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace openzro::scim {

// Bounds on one PATCH request: values in one operation, and the items all operations together
// may visit (adding or removing values is linear in the array and the values given).
inline constexpr std::size_t kMaxValuesPerOperation = 1000;
inline constexpr std::size_t kMaxWork = 1'000'000;

struct PatchResult {
    bool ok = true;
    std::string
        scim_type;  // on failure: invalidSyntax, invalidPath, noTarget, mutability, invalidValue
    std::string detail;
    std::size_t work = 0;  // on success: array items and values visited
};

// Applies every operation of a PatchOp `body` to `resource`, or none if one fails (the caller
// keeps its own copy). `resource["id"]` is the immutable id.
PatchResult apply_patch(nlohmann::json& resource, const nlohmann::json& body);

}  // namespace openzro::scim
