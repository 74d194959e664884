#include "server/scim_resources.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "server/http_types.h"
#include "server/scim_filter.h"
#include "server/user_name_key.h"

namespace openzro::scim {
namespace {

using json = nlohmann::json;

json meta(const std::string& type, const std::string& id, const std::string& created,
          const std::string& modified, const std::string& base_url) {
    return {{"resourceType", type},
            {"created", created},
            {"lastModified", modified},
            {"location", base_url + "/" + type + "s/" + id}};
}

std::string string_at(const json& object, std::string_view key) {
    const json* v = find_key(object, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

// The length of the string member `key`, 0 if absent or not a string (no copy, unlike string_at).
std::size_t string_size_at(const json& object, std::string_view key) {
    const json* v = find_key(object, key);
    return v && v->is_string() ? v->get_ref<const std::string&>().size() : 0;
}

// The primary work email, else the first email, else "".
std::string primary_email(const json& body) {
    const json* emails = find_key(body, "emails");
    if (!emails || !emails->is_array()) return {};
    std::string first;
    for (const auto& e : *emails) {
        std::string value = string_at(e, "value");
        if (value.empty()) continue;
        const json* primary = find_key(e, "primary");
        if (primary && read_bool(*primary).value_or(false)) return value;
        if (first.empty()) first = value;
    }
    return first;
}

std::string display_name(const json& body, const std::string& fallback) {
    std::string name = string_at(body, "displayName");
    if (!name.empty()) return name;
    if (const json* n = find_key(body, "name")) {
        name = string_at(*n, "formatted");
        if (!name.empty()) return name;
        const std::string given = string_at(*n, "givenName"), family = string_at(*n, "familyName");
        name = given + (given.empty() || family.empty() ? "" : " ") + family;
        if (!name.empty()) return name;
    }
    return fallback;
}

Invalid too_long(const std::string& what) {
    return {"invalidValue", what + " is longer than " + std::to_string(kMaxNameBytes) + " bytes"};
}

// The per-field bounds of a user body (the whole document is bounded once serialised).
std::optional<Invalid> check_user_limits(const json& body) {
    if (string_size_at(body, "userName") > kMaxNameBytes) return too_long("userName");
    if (string_size_at(body, "displayName") > kMaxNameBytes) return too_long("displayName");
    if (string_size_at(body, "externalId") > kMaxNameBytes) return too_long("externalId");
    const json* emails = find_key(body, "emails");
    if (!emails || !emails->is_array()) return std::nullopt;
    if (emails->size() > kMaxEmails)
        return Invalid{"invalidValue", "at most " + std::to_string(kMaxEmails) + " emails"};
    for (const auto& e : *emails)
        if (string_size_at(e, "value") > kMaxEmailBytes)
            return Invalid{"invalidValue",
                           "an email is longer than " + std::to_string(kMaxEmailBytes) + " bytes"};
    return std::nullopt;
}

bool is_server_owned(const std::string& key) {
    static const char* const owned[] = {"id", "meta", "schemas", "groups", "password"};
    for (const char* k : owned)
        if (iequals(key, k)) return true;
    return false;
}

}  // namespace

std::optional<bool> read_bool(const json& value) {
    if (value.is_boolean()) return value.get<bool>();
    if (value.is_string()) {
        const std::string text = to_lower(value.get<std::string>());
        if (text == "true") return true;
        if (text == "false") return false;
    }
    return std::nullopt;
}

bool depth_ok(const json& value, int max_depth) {
    if (max_depth < 0) return false;
    if (!value.is_structured()) return true;
    for (const auto& item : value)
        if (!depth_ok(item, max_depth - 1)) return false;
    return true;
}

namespace {

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The order of to_lower(a) and to_lower(b), without making them.
bool less_ignoring_case(std::string_view a, std::string_view b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return ascii_lower(x) < ascii_lower(y);
    });
}

// Up to this many keys an object is checked pair by pair (no allocation; a SCIM user has about
// ten); larger ones are sorted ignoring case, which puts keys equal ignoring case side by side.
constexpr std::size_t kPairwiseKeys = 16;

bool object_keys_distinct_ignoring_case(const json::object_t& object) {
    if (object.size() <= kPairwiseKeys) {
        for (auto a = object.begin(); a != object.end(); ++a)
            for (auto b = std::next(a); b != object.end(); ++b)
                if (iequals(a->first, b->first)) return false;
        return true;
    }
    std::vector<std::string_view> keys;
    keys.reserve(object.size());
    for (const auto& [key, item] : object) keys.emplace_back(key);
    std::sort(keys.begin(), keys.end(), less_ignoring_case);
    for (std::size_t i = 1; i < keys.size(); ++i)
        if (iequals(keys[i - 1], keys[i])) return false;
    return true;
}

}  // namespace

bool keys_distinct_ignoring_case(const json& value) {
    if (value.is_object() &&
        !object_keys_distinct_ignoring_case(value.get_ref<const json::object_t&>()))
        return false;
    if (value.is_structured())
        for (const auto& item : value)
            if (!keys_distinct_ignoring_case(item)) return false;
    return true;
}

json user_resource(const UserRecord& user, const std::vector<GroupRecord>& groups,
                   const std::string& base_url) {
    json out = json::parse(user.scim, nullptr, false);
    if (!out.is_object()) out = json::object();
    out.erase("password");
    out["schemas"] = json::array({kUserSchema});
    out["id"] = user.id;
    if (!find_key(out, "userName")) out["userName"] = user.email;
    out["active"] = !user.is_blocked;
    if (!user.external_id.empty()) out["externalId"] = user.external_id;
    json group_list = json::array();
    for (const auto& g : groups)
        group_list.push_back(
            {{"value", g.id}, {"display", g.name}, {"$ref", base_url + "/Groups/" + g.id}});
    out["groups"] = std::move(group_list);
    out["meta"] = meta("User", user.id, user.created_at, user.updated_at, base_url);
    return out;
}

std::optional<Invalid> read_user(const json& body, UserRecord& user) {
    if (!body.is_object()) return Invalid{"invalidSyntax", "the body must be a JSON object"};
    const json* user_name = find_key(body, "userName");
    if (!user_name || !user_name->is_string() || user_name->get<std::string>().empty())
        return Invalid{"invalidValue", "userName is required and must be a non-empty string"};
    bool active = !user.is_blocked;  // absent or null keeps the stored state (new users: active)
    if (const json* a = find_key(body, "active"); a && !a->is_null()) {
        const auto parsed = read_bool(*a);
        if (!parsed) return Invalid{"invalidValue", "active must be a boolean"};
        active = *parsed;
    }
    if (const json* e = find_key(body, "externalId"); e && !e->is_string() && !e->is_null())
        return Invalid{"invalidValue", "externalId must be a string"};
    if (auto invalid = check_user_limits(body)) return invalid;
    if (!user_name_key(user_name->get<std::string>()))
        return Invalid{"invalidValue",
                       "userName has characters a userName cannot have (control, zero-width or "
                       "other invisible characters)"};
    json attributes = json::object();
    for (auto it = body.begin(); it != body.end(); ++it)
        if (!is_server_owned(it.key()) && !iequals(it.key(), "active"))
            attributes[it.key()] = it.value();
    attributes["active"] = active;
    std::string document = attributes.dump();
    if (document.size() > kMaxUserDocument)
        return Invalid{"invalidValue", "the user's attributes are over " +
                                           std::to_string(kMaxUserDocument) + " bytes"};
    const std::string name = display_name(body, user_name->get<std::string>());
    if (name.size() > kMaxNameBytes) return too_long("the display name");
    user.user_name = user_name->get<std::string>();
    const std::string email = primary_email(body);
    user.email = email.empty() ? user.user_name : email;
    user.name = name;
    user.external_id = string_at(body, "externalId");
    user.is_blocked = !active;
    user.scim = std::move(document);
    return std::nullopt;
}

json group_resource(const GroupRecord& group, const std::vector<MemberRecord>* members,
                    const std::string& base_url) {
    json out = {
        {"schemas", json::array({kGroupSchema})}, {"id", group.id}, {"displayName", group.name}};
    if (!group.external_id.empty()) out["externalId"] = group.external_id;
    if (members) {
        json list = json::array();
        for (const auto& m : *members)
            list.push_back({{"value", m.user_id},
                            {"display", m.display},
                            {"$ref", base_url + "/Users/" + m.user_id}});
        out["members"] = std::move(list);
    }
    out["meta"] = meta("Group", group.id, group.created_at, group.updated_at, base_url);
    return out;
}

std::optional<Invalid> read_group(const json& body, GroupInput& out) {
    if (!body.is_object()) return Invalid{"invalidSyntax", "the body must be a JSON object"};
    out.display_name = string_at(body, "displayName");
    if (out.display_name.empty())
        return Invalid{"invalidValue", "displayName is required and must be a non-empty string"};
    if (out.display_name.size() > kMaxNameBytes) return too_long("displayName");
    out.external_id = string_at(body, "externalId");
    if (out.external_id.size() > kMaxNameBytes) return too_long("externalId");
    out.member_ids.clear();
    if (const json* members = find_key(body, "members"); members && !members->is_null()) {
        if (!members->is_array()) return Invalid{"invalidValue", "members must be an array"};
        for (const auto& m : *members) {
            const std::string value = string_at(m, "value");
            if (value.empty()) return Invalid{"invalidValue", "every member needs a string value"};
            out.member_ids.push_back(value);
        }
    }
    return std::nullopt;
}

json error_body(int status, const std::string& scim_type, const std::string& detail) {
    json out = {{"schemas", json::array({kErrorSchema})},
                {"status", std::to_string(status)},
                {"detail", detail}};
    if (!scim_type.empty()) out["scimType"] = scim_type;
    return out;
}

json list_body(const json& resources, std::int64_t total, std::int64_t start_index) {
    return {{"schemas", json::array({kListSchema})},
            {"totalResults", total},
            {"startIndex", start_index},
            {"itemsPerPage", static_cast<std::int64_t>(resources.size())},
            {"Resources", resources}};
}

}  // namespace openzro::scim
