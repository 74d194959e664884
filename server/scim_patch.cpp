#include "server/scim_patch.h"

#include <optional>
#include <unordered_set>
#include <vector>

#include "server/http_types.h"
#include "server/scim_filter.h"

namespace openzro::scim {
namespace {

using json = nlohmann::json;
enum class Op { Add, Replace, Remove };
constexpr std::size_t kMaxOperations = 1000;

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

// Items are the same when their "value" members are equal, else when they are equal whole.
// An identity points into an item, so the array it comes from must not reallocate meanwhile.
struct Identity {
    const json* key;
    bool is_value;
    bool operator==(const Identity& other) const {
        return is_value == other.is_value && *key == *other.key;
    }
};

struct IdentityHash {
    std::size_t operator()(const Identity& id) const {
        return std::hash<json>{}(*id.key) ^ static_cast<std::size_t>(id.is_value);
    }
};

using IdentitySet = std::unordered_set<Identity, IdentityHash>;

Identity identity(const json& item) {
    if (const json* v = find_key(item, "value")) return {v, true};
    return {&item, false};
}

// [SECTION] The applier: every path form, with the work it does counted and bounded
class Applier {
  public:
    explicit Applier(std::size_t& work) : work_(work) {}

    PatchResult operation(json& resource, const json* path, Op op, const json* value) {
        if (value && value->is_array() && value->size() > kMaxValuesPerOperation)
            return failure("invalidValue", "an operation takes at most " +
                                               std::to_string(kMaxValuesPerOperation) + " values");
        if (!path || path->is_null()) return without_path(resource, op, value);
        if (!path->is_string()) return failure("invalidPath", "path must be a string");
        return at_path(resource, path->get<std::string>(), op, value);
    }

  private:
    // False once the patch has done more work than one request may ask for.
    bool spend(std::size_t units) {
        work_ += units;
        return work_ <= kMaxWork;
    }

    static PatchResult too_much() { return failure("tooMany", "the PATCH asks for too much work"); }

    // Appends the items of `value` (one item or an array) that `target` does not hold yet.
    PatchResult append_unique(json& target, const json& value) {
        const json items = value.is_array() ? value : json::array({value});
        if (!spend(target.size() + items.size())) return too_much();
        target.get_ref<json::array_t&>().reserve(target.size() + items.size());
        IdentitySet present;
        for (const auto& existing : target) present.insert(identity(existing));
        for (const auto& item : items) {
            if (present.count(identity(item)) != 0) continue;
            target.push_back(item);
            present.insert(identity(target.back()));
        }
        return {};
    }

    // Entra: remove the listed items only.
    PatchResult remove_listed(json& target, const json& value) {
        const json listed = value.is_array() ? value : json::array({value});
        if (!spend(target.size() + listed.size())) return too_much();
        IdentitySet gone;
        for (const auto& item : listed) gone.insert(identity(item));
        json kept = json::array();
        for (auto& item : target)
            if (gone.count(identity(item)) == 0) kept.push_back(std::move(item));
        target = std::move(kept);
        return {};
    }

    // Operations on a plain attribute path (no filter).
    PatchResult plain(json& resource, const std::vector<std::string>& path, Op op,
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
            if (value && target->is_array()) return remove_listed(*target, *value);
            erase_key(*parent, leaf);
            return {};
        }
        if (!value) return failure("invalidSyntax", "operation needs a value");
        json* target = child(*parent, leaf, true);
        if (!target) return failure("invalidPath", "attribute '" + leaf + "' is not an object");
        if (op == Op::Add && target->is_array()) return append_unique(*target, *value);
        if (op == Op::Add && target->is_object() && value->is_object()) {
            if (!spend(value->size())) return too_much();
            for (auto it = value->begin(); it != value->end(); ++it)
                (*target)[it.key()] = it.value();
            return {};
        }
        *target = *value;
        return {};
    }

    // Operations on attr[filter] and attr[filter].sub: the attribute must be an array of
    // objects (a filter over plain values has no sub-attributes to match or set).
    PatchResult filtered(json& resource, const std::string& attr_text,
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
        if (!spend(array->size())) return too_much();
        for (const auto& item : *array)
            if (!item.is_object())
                return failure("invalidPath",
                               "attribute '" + attr[0] + "' does not hold complex values");
        if (op == Op::Remove) {
            json kept = json::array();
            for (auto& item : *array) {
                if (!filter_matches(filter.root, item)) {
                    kept.push_back(std::move(item));
                } else if (!sub.empty()) {
                    erase_key(item, sub[0]);
                    kept.push_back(std::move(item));
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
            } else if (value->is_object()) {
                for (auto it = value->begin(); it != value->end(); ++it)
                    item[it.key()] = it.value();
            } else {
                item = *value;
            }
        }
        if (!matched) return failure("noTarget", "no values match the path filter");
        return {};
    }

    PatchResult at_path(json& resource, const std::string& path, Op op, const json* value) {
        const auto open = path.find('[');
        if (open == std::string::npos) {
            const auto segments = split_attr_path(path);
            if (segments.empty()) return failure("invalidPath", "bad path '" + path + "'");
            return plain(resource, segments, op, value);
        }
        const auto close = path.rfind(']');
        if (close == std::string::npos || close < open)
            return failure("invalidPath", "unbalanced '[' in path");
        std::string rest = path.substr(close + 1);
        if (!rest.empty() && rest.front() != '.')
            return failure("invalidPath", "unexpected text after ']'");
        if (!rest.empty()) rest.erase(0, 1);
        return filtered(resource, path.substr(0, open), path.substr(open + 1, close - open - 1),
                        rest, op, value);
    }

    // Okta and Entra: no path, the value is an object whose keys are attribute paths.
    PatchResult without_path(json& resource, Op op, const json* value) {
        if (op == Op::Remove) return failure("noTarget", "remove needs a path");
        if (!value || !value->is_object())
            return failure("invalidValue", "an operation without a path needs an object value");
        for (auto it = value->begin(); it != value->end(); ++it) {
            if (it.value().is_array() && it.value().size() > kMaxValuesPerOperation)
                return failure("invalidValue", "an operation takes at most " +
                                                   std::to_string(kMaxValuesPerOperation) +
                                                   " values");
            PatchResult r = at_path(resource, it.key(), op, &it.value());
            if (!r.ok) return r;
        }
        return {};
    }

    std::size_t& work_;
};

std::optional<Op> read_op(const json& operation) {
    const json* name = find_key(operation, "op");
    if (!name || !name->is_string()) return std::nullopt;
    const std::string op_name = to_lower(name->get<std::string>());
    if (op_name == "add") return Op::Add;
    if (op_name == "replace") return Op::Replace;
    if (op_name == "remove") return Op::Remove;
    return std::nullopt;
}

}  // namespace

PatchResult apply_patch(json& resource, const json& body) {
    if (!body.is_object()) return failure("invalidSyntax", "the body must be a PatchOp object");
    const json* ops = find_key(body, "Operations");
    if (!ops || !ops->is_array() || ops->empty())
        return failure("invalidSyntax", "Operations must be a non-empty array");
    if (ops->size() > kMaxOperations) return failure("tooMany", "too many operations");
    json working = resource;
    std::size_t work = 0;
    Applier applier(work);
    for (const auto& operation : *ops) {
        if (!operation.is_object())
            return failure("invalidSyntax", "each operation must be an object");
        const auto op = read_op(operation);
        if (!op) return failure("invalidSyntax", "operation without a known 'op'");
        PatchResult r = applier.operation(working, find_key(operation, "path"), *op,
                                          find_key(operation, "value"));
        if (!r.ok) return r;
    }
    resource = std::move(working);
    PatchResult done;
    done.work = work;
    return done;
}

}  // namespace openzro::scim
