// Index of this file:
//   Checks shared by create and update (names, groups)
//   Creating and changing users
//   Invite links
//   Personal access tokens

#include "server/users_api.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "server/management_api.h"

namespace openzro::users_api {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxName = 255;
constexpr std::size_t kMaxEmail = 254;
constexpr std::int64_t kMaxTokenDays = 365;
constexpr std::int64_t kDayS = 24 * 60 * 60;
// What a token that never expires (the owner's first-start token) shows as its expiry.
constexpr const char* kNeverExpires = "9999-12-31T23:59:59Z";

bool is_admin(const UserRecord& u) {
    return u.role == "owner" || u.role == "admin";
}

// [SECTION] Checks shared by create and update (names, groups)
// Printable text of 1..max bytes: no control characters (names land in logs and CSV exports).
bool valid_text(const std::string& text, std::size_t max) {
    return !text.empty() && text.size() <= max &&
           std::none_of(text.begin(), text.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

bool valid_email(const std::string& email) {
    const auto at = email.find('@');
    return valid_text(email, kMaxEmail) && at != std::string::npos && at > 0 &&
           at + 1 < email.size() && email.find(' ') == std::string::npos;
}

// The groups a user may be given through the API: imported ones, and those an integration
// pushes only as the user already has them (Okta owns them). `current` are the user's groups
// now; "" or a message for a 400 (unknown group) or 403 (an integration's group).
struct GroupCheck {
    int status = 0;
    std::string message;
};

GroupCheck check_groups(Store& store, const std::vector<std::string>& wanted,
                        const std::vector<std::string>& current) {
    const auto has = [](const std::vector<std::string>& list, const std::string& id) {
        return std::find(list.begin(), list.end(), id) != list.end();
    };
    for (const auto& gid : wanted) {
        auto g = store.group(gid);
        if (!g || !g->imported) return {400, "group " + gid + " does not exist"};
        if (g->issued == "integration" && !has(current, gid))
            return {403, "group " + g->name + " is pushed by the integration: add it in Okta"};
    }
    for (const auto& gid : current) {
        if (has(wanted, gid)) continue;
        auto g = store.group(gid);
        if (g && g->issued == "integration")
            return {403, "group " + g->name + " is pushed by the integration: remove it in Okta"};
    }
    return {};
}

// [SECTION] Creating and changing users
// The role a caller may give: a known one, never owner (ownership is not handed out here).
std::optional<Response> role_refused(const std::string& role) {
    if (!known_role(role)) return api_error(400, "unknown role " + role);
    if (role == "owner") return api_error(403, "ownership cannot be given through this call");
    return std::nullopt;
}

}  // namespace

Response create_user(const Context& c) {
    json in;
    Response error;
    if (!json_body(c.request, in, error)) return error;
    UserRecord u;
    const auto service = in.find("is_service_user");
    const auto groups = in.find("auto_groups");
    if (!read_string(in, "role", u.role) || groups == in.end() || !groups->is_array() ||
        !read_strings(in, "auto_groups", u.auto_groups) || service == in.end() ||
        !service->is_boolean())
        return api_error(400, "role, auto_groups and is_service_user are required");
    if (auto refused = role_refused(u.role)) return *refused;
    u.is_service_user = service->get<bool>();
    if ((in.contains("name") && !read_string(in, "name", u.name)) ||
        (in.contains("email") && !read_string(in, "email", u.email)))
        return api_error(400, "name and email must be strings");
    if (u.is_service_user) {
        if (!valid_text(u.name, kMaxName))
            return api_error(400, "a service user needs a name of 1 to 255 characters");
        u.email.clear();  // service users sign in only with tokens
    } else {
        if (!valid_email(u.email)) return api_error(400, "a valid email is required");
        if (u.name.empty()) u.name = u.email;
        if (!valid_text(u.name, kMaxName))
            return api_error(400, "the name must have 1 to 255 characters");
        if (c.store.user_by_email(u.email))
            return api_error(400, "a user with email " + u.email + " already exists");
        u.invited = true;
    }
    const GroupCheck check = check_groups(c.store, u.auto_groups, {});
    if (check.status) return api_error(check.status, check.message);
    Transaction tx(c.store.db());
    if (!c.store.insert_user(u) || !c.store.set_user_groups(u.id, u.auto_groups) || !tx.commit())
        return api_error(500, "could not save the user");
    return user_answer(*c.store.user(u.id), c.caller.id);
}

Response update_user(const Context& c, const std::string& id) {
    json in;
    Response error;
    if (!json_body(c.request, in, error)) return error;
    std::string role;
    std::vector<std::string> groups;
    const auto blocked = in.find("is_blocked");
    const auto auto_groups = in.find("auto_groups");
    if (!read_string(in, "role", role) || auto_groups == in.end() || !auto_groups->is_array() ||
        !read_strings(in, "auto_groups", groups) || blocked == in.end() || !blocked->is_boolean())
        return api_error(400, "role, auto_groups and is_blocked are required");
    // Read and written in one transaction: what Okta changes meanwhile on another replica
    // is not overwritten with what was read before.
    Transaction tx(c.store.db());
    auto user = c.store.user(id);
    if (!user) return api_error(404, "user " + id + " not found");
    const bool block = blocked->get<bool>();
    if (user->role == "owner" && (block || role != "owner"))
        return api_error(403, "the account owner cannot be blocked or lose the owner role");
    if (role != user->role)
        if (auto refused = role_refused(role)) return *refused;
    if (user->id == c.caller.id && block) return api_error(403, "you cannot block yourself");
    if (user->issued == "integration" && block != user->is_blocked)
        return api_error(403, "the integration owns this user's active state: change it in Okta");
    const GroupCheck check = check_groups(c.store, groups, user->auto_groups);
    if (check.status) return api_error(check.status, check.message);
    user->role = role;
    user->is_blocked = block;
    if (!c.store.update_user(*user) || !c.store.set_user_groups(user->id, groups) || !tx.commit())
        return api_error(500, "could not save the user");
    return user_answer(*c.store.user(id), c.caller.id);
}

// [SECTION] Invite links
// A one-time sign-in link (the server sends no mail: the admin hands it over), only for a
// person made through the API who has not signed in yet: an admin cannot sign in as anyone
// who already uses the account.
Response invite_user(const Context& c, const std::string& id) {
    auto user = c.store.user(id);
    if (!user) return api_error(404, "user " + id + " not found");
    if (user->is_service_user || user->issued != "api" || !user->invited || user->is_blocked)
        return api_error(400, "only an invited user who has not signed in yet can be invited");
    const std::string code = c.auth.issue_sign_in_code(id, AuthGate::kInviteLifetimeS);
    if (code.empty()) return api_error(500, "could not create the invite link");
    return api_ok(
        {{"invite_link", "/auth/one-time?code=" + code},
         {"invite_expires_at", utc_time(c.auth.clock().now_s() + AuthGate::kInviteLifetimeS)}});
}

// [SECTION] Personal access tokens
namespace {

json token_json(const AccessTokenRecord& t) {
    json out = {{"id", t.id},
                {"name", t.name},
                {"expiration_date", t.expires_at ? utc_time(t.expires_at) : kNeverExpires},
                {"created_by", t.created_by},
                {"created_at", t.created_at}};
    if (t.last_used) out["last_used"] = utc_time(t.last_used);
    return out;
}

Response create_token(const Context& c, const UserRecord& owner) {
    // Admins make tokens for themselves and for service users, never for another person:
    // a token would let them act as that person.
    if (owner.id != c.caller.id && !owner.is_service_user)
        return api_error(403, "tokens can be created only for yourself or a service user");
    json in;
    Response error;
    if (!json_body(c.request, in, error)) return error;
    AccessTokenRecord t;
    const auto days = in.find("expires_in");
    if (!read_string(in, "name", t.name) || !valid_text(t.name, kMaxName))
        return api_error(400, "name must have 1 to 255 characters");
    if (days == in.end() || !days->is_number_integer() || days->get<std::int64_t>() < 1 ||
        days->get<std::int64_t>() > kMaxTokenDays)
        return api_error(400, "expires_in must be a whole number of days from 1 to 365");
    t.user_id = owner.id;
    t.created_by = c.caller.id;
    t.expires_at = c.auth.clock().now_s() + days->get<std::int64_t>() * kDayS;
    const std::string plain = c.store.insert_access_token(t);
    if (plain.empty()) return api_error(500, "could not create the token");
    return api_ok({{"plain_token", plain}, {"personal_access_token", token_json(t)}});
}

}  // namespace

Response tokens(const Context& c, const std::vector<std::string>& s) {
    const std::string& m = c.request.method;
    const std::string& user_id = s[2];
    // Everyone manages their own tokens; admins (and admin service users) anyone's.
    if (user_id != c.caller.id && !is_admin(c.caller))
        return api_error(403, "you may manage only your own tokens");
    auto owner = c.store.user(user_id);
    if (!owner) return api_error(404, "user " + user_id + " not found");
    if (s.size() == 4 && m == "GET") {
        json out = json::array();
        for (const auto& t : c.store.access_tokens(user_id)) out.push_back(token_json(t));
        return api_ok(out);
    }
    if (s.size() == 4 && m == "POST") return create_token(c, *owner);
    if (s.size() == 5 && m == "GET") {
        auto t = c.store.access_token(user_id, s[4]);
        if (!t) return api_error(404, "token " + s[4] + " not found");
        return api_ok(token_json(*t));
    }
    if (s.size() == 5 && m == "DELETE") {
        if (!c.store.delete_access_token(user_id, s[4]))
            return api_error(404, "token " + s[4] + " not found");
        return api_ok(json::object());
    }
    return api_error(405, "method " + m + " is not allowed on " + c.request.path);
}

}  // namespace openzro::users_api
