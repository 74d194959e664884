// SCIM User and Group resources <-> the store's records, and SCIM's message bodies.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/store.h"

namespace openzro::scim {

inline constexpr const char* kUserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
inline constexpr const char* kGroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
inline constexpr const char* kListSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
inline constexpr const char* kErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";
inline constexpr int kMaxJsonDepth = 16;
// Bounds on what one user or group may hold (answered 400 invalidValue), in UTF-8 bytes
// (a name of 255 characters in any script fits).
inline constexpr std::size_t kMaxNameBytes = 1024;      // userName, displayName, externalId
inline constexpr std::size_t kMaxEmailBytes = 320;      // one email value
inline constexpr std::size_t kMaxEmails = 16;           // entries in emails
inline constexpr std::size_t kMaxUserDocument = 16384;  // a user's stored SCIM attributes

struct Invalid {
    std::string scim_type;
    std::string detail;
};

struct GroupInput {
    std::string display_name;
    std::string external_id;
    std::vector<std::string> member_ids;
};

nlohmann::json user_resource(const UserRecord& user, const std::vector<GroupRecord>& groups,
                             const std::string& base_url);
// Reads a POST or PUT body, or a patched resource, into `user` (keeps fields SCIM does not own).
std::optional<Invalid> read_user(const nlohmann::json& body, UserRecord& user);

nlohmann::json group_resource(const GroupRecord& group, const std::vector<MemberRecord>* members,
                              const std::string& base_url);
std::optional<Invalid> read_group(const nlohmann::json& body, GroupInput& out);

nlohmann::json error_body(int status, const std::string& scim_type, const std::string& detail);
nlohmann::json list_body(const nlohmann::json& resources, std::int64_t total,
                         std::int64_t start_index);

// SCIM booleans as Okta and Entra send them: true, false, "True", "false".
std::optional<bool> read_bool(const nlohmann::json& value);
// False when `value` nests deeper than `max_depth` (hostile bodies must not exhaust the stack).
bool depth_ok(const nlohmann::json& value, int max_depth);
// False when some object in `value` has two keys that differ only in case: SCIM attribute
// names are case-insensitive, so `userName` and `USERNAME` would be one attribute twice.
bool keys_distinct_ignoring_case(const nlohmann::json& value);

}  // namespace openzro::scim
