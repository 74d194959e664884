#include "server/scim_patch.h"

#include <vector>

#include "server/http_types.h"
#include "server/scim_filter.h"

namespace openzro::scim {
namespace {

using json = nlohmann::json;
enum class Op { Add, Replace, Remove };
constexpr std::size_t kMaxOperations = 10000;

PatchResult failure(std::string scim_type, std::string detail) {
    return {false, std::move(scim_type), std::move(detail)};
}

// The spelling a new attribute gets; attributes already present keep theirs.
std::string canonical_name(const std::string& lower) {
    static const char* const names[] = {
        "userName",        "displayName",       "givenName",    "familyName",
        "middleName",      "externalId",        "nickName",     "profileUrl",
        "userType",        "preferredLanguage", "phoneNumbers", "honorificPrefix",
        "honorificSuffix", "employeeNumber",    "costCenter",   "manager"};
    for (const char* name : names)
        if (iequals(name, lower)) return name;
    return lower;
}

// The member of `object` named `lower` in any case, created (with its canonical name) if asked.
json* child(json& object, const std::string& lower, bool create) {
    if (!object.is_object()) {
        if (!create || !object.is_null()) return nullptr;
        object = json::object();
    }
    for (auto it = object.begin(); it != object.end(); ++it)
        if (iequals(it.key(), lower)) return &it.value();
    if (!create) return nullptr;
    return &object[canonical_name(lower)];
}

bool erase_key(json& object, const std::string& lower) {
    if (!object.is_object()) return false;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (iequals(it.key(), lower)) {
            object.erase(it);
            return true;
        }
    }
    return false;
}

bool same_item(const json& a, const json& b) {
    const json* va = find_key(a, "value");
    const json* vb = find_key(b, "value");
    if (va && vb) return *va == *vb;
    return a == b;
}

void append_unique(json& array, const json& item) {
    for (const auto& existing : array)
        if (same_item(existing, item)) return;
    array.push_back(item);
}

// [SECTION] Operations on a plain attribute path (no filter)
PatchResult apply_at(json& resource, const std::vector<std::string>& path, Op op,
                     const json* value) {
    if (path.empty()) return failure("invalidPath", "empty attribute path");
    if (path.size() == 1 && (path[0] == "meta" || path[0] == "schemas"))
        return {};  // read-only: ignored
    if (path.size() == 1 && path[0] == "id") {
        const json* id = find_key(resource, "id");
        if (op != Op::Remove && value && id && *value == *id) return {};
        return failure("mutability", "id cannot be changed");
    }
    json* parent = &resource;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        parent = child(*parent, path[i], op != Op::Remove);
        if (!parent) {
            if (op == Op::Remove) return {};
            return failure("invalidPath", "attribute '" + path[i] + "' is not an object");
        }
    }
    const std::string& leaf = path.back();
    if (op == Op::Remove) {
        json* target = child(*parent, leaf, false);
        if (!target) return {};
        if (value && target->is_array()) {  // Entra: remove the listed members only
            const json listed = value->is_array() ? *value : json::array({*value});
            json kept = json::array();
            for (const auto& item : *target) {
                bool drop = false;
                for (const auto& gone : listed) drop = drop || same_item(item, gone);
                if (!drop) kept.push_back(item);
            }
            *target = std::move(kept);
            return {};
        }
        erase_key(*parent, leaf);
        return {};
    }
    if (!value) return failure("invalidSyntax", "operation needs a value");
    json* target = child(*parent, leaf, true);
    if (!target) return failure("invalidPath", "attribute '" + leaf + "' is not an object");
    if (op == Op::Add && target->is_array()) {
        if (value->is_array()) {
            for (const auto& item : *value) append_unique(*target, item);
        } else {
            append_unique(*target, *value);
        }
        return {};
    }
    if (op == Op::Add && target->is_object() && value->is_object()) {
        for (auto it = value->begin(); it != value->end(); ++it) (*target)[it.key()] = it.value();
        return {};
    }
    *target = *value;
    return {};
}

// [SECTION] Operations on attr[filter] and attr[filter].sub
PatchResult apply_filtered(json& resource, const std::string& attr_text,
                           const std::string& filter_text, const std::string& sub_text, Op op,
                           const json* value) {
    const auto attr = split_attr_path(attr_text);
    if (attr.size() != 1) return failure("invalidPath", "bad attribute before '['");
    const FilterParse filter = parse_filter(filter_text);
    if (!filter.ok) return failure("invalidPath", "bad value filter: " + filter.error);
    std::vector<std::string> sub;
    if (!sub_text.empty()) {
        sub = split_attr_path(sub_text);
        if (sub.size() != 1) return failure("invalidPath", "bad sub-attribute after ']'");
    }
    json* array = child(resource, attr[0], false);
    if (!array || !array->is_array()) {
        if (op == Op::Remove) return {};
        return failure("noTarget", "no values match the path filter");
    }
    if (op == Op::Remove) {
        json kept = json::array();
        for (auto& item : *array) {
            if (!filter_matches(filter.root, item)) {
                kept.push_back(item);
            } else if (!sub.empty()) {
                erase_key(item, sub[0]);
                kept.push_back(item);
            }
        }
        *array = std::move(kept);
        return {};
    }
    if (!value) return failure("invalidSyntax", "operation needs a value");
    bool matched = false;
    for (auto& item : *array) {
        if (!filter_matches(filter.root, item)) continue;
        matched = true;
        if (!sub.empty()) {
            *child(item, sub[0], true) = *value;
        } else if (value->is_object() && item.is_object()) {
            for (auto it = value->begin(); it != value->end(); ++it) item[it.key()] = it.value();
        } else {
            item = *value;
        }
    }
    if (!matched) return failure("noTarget", "no values match the path filter");
    return {};
}

PatchResult apply_path(json& resource, const std::string& path, Op op, const json* value) {
    const auto open = path.find('[');
    if (open == std::string::npos) {
        const auto segments = split_attr_path(path);
        if (segments.empty()) return failure("invalidPath", "bad path '" + path + "'");
        return apply_at(resource, segments, op, value);
    }
    const auto close = path.rfind(']');
    if (close == std::string::npos || close < open)
        return failure("invalidPath", "unbalanced '[' in path");
    std::string rest = path.substr(close + 1);
    if (!rest.empty() && rest.front() != '.')
        return failure("invalidPath", "unexpected text after ']'");
    if (!rest.empty()) rest.erase(0, 1);
    return apply_filtered(resource, path.substr(0, open), path.substr(open + 1, close - open - 1),
                          rest, op, value);
}

// Okta and Entra: no path, the value is an object whose keys are attribute paths.
PatchResult apply_without_path(json& resource, Op op, const json* value) {
    if (op == Op::Remove) return failure("noTarget", "remove needs a path");
    if (!value || !value->is_object())
        return failure("invalidValue", "an operation without a path needs an object value");
    for (auto it = value->begin(); it != value->end(); ++it) {
        PatchResult r = apply_path(resource, it.key(), op, &it.value());
        if (!r.ok) return r;
    }
    return {};
}

}  // namespace

PatchResult apply_patch(json& resource, const json& body) {
    if (!body.is_object()) return failure("invalidSyntax", "the body must be a PatchOp object");
    const json* ops = find_key(body, "Operations");
    if (!ops || !ops->is_array() || ops->empty())
        return failure("invalidSyntax", "Operations must be a non-empty array");
    if (ops->size() > kMaxOperations) return failure("tooMany", "too many operations");
    json working = resource;
    for (const auto& operation : *ops) {
        if (!operation.is_object())
            return failure("invalidSyntax", "each operation must be an object");
        const json* name = find_key(operation, "op");
        if (!name || !name->is_string()) return failure("invalidSyntax", "operation without 'op'");
        const std::string op_name = to_lower(name->get<std::string>());
        Op op;
        if (op_name == "add")
            op = Op::Add;
        else if (op_name == "replace")
            op = Op::Replace;
        else if (op_name == "remove")
            op = Op::Remove;
        else
            return failure("invalidSyntax", "unknown op '" + name->get<std::string>() + "'");
        const json* path = find_key(operation, "path");
        const json* value = find_key(operation, "value");
        PatchResult r;
        if (!path || path->is_null()) {
            r = apply_without_path(working, op, value);
        } else if (!path->is_string()) {
            r = failure("invalidPath", "path must be a string");
        } else {
            r = apply_path(working, path->get<std::string>(), op, value);
        }
        if (!r.ok) return r;
    }
    resource = std::move(working);
    return {};
}

}  // namespace openzro::scim
