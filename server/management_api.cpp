// Index of this file:
//   JSON shapes (contract schemas User, Group, IdentityProvider, OktaScimIntegration)
//   Permissions: one table for what /users/current reports and what every route allows
//   The users listing, cached per filter while listing_version holds
//   One request from one caller
//   Users
//   User approval (users who joined by email domain)
//   Accounts (always one; only user_approval_required is kept, the rest is fixed)
//   Groups
//   Identity providers
//   Okta SCIM integrations

#include "server/management_api.h"

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

#include "server/idp_check.h"
#include "server/json_text.h"

namespace openzro {
namespace {

using json = nlohmann::json;

const char* const kModules[] = {
    "accounts",     "dns",         "events",   "groups",     "identity_providers",
    "integrations", "nameservers", "networks", "pats",       "peers",
    "policies",     "routes",      "settings", "setup_keys", "users"};
const char* const kRoles[] = {"owner",         "admin",   "user",
                              "billing_admin", "auditor", "network_admin"};
const char* const kIdpTypes[] = {"oidc", "zitadel",  "entra",     "google",
                                 "okta", "pocketid", "microsoft", "adfs"};

template <std::size_t N>
bool one_of(const std::string& value, const char* const (&list)[N]) {
    return std::any_of(std::begin(list), std::end(list),
                       [&](const char* item) { return value == item; });
}

Response answer(int status, const json& body) {
    return json_answer(status, "application/json", body);
}

std::vector<std::string> segments(const std::string& path) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < path.size()) {
        const auto slash = std::min(path.find('/', pos), path.size());
        if (slash > pos) out.push_back(path.substr(pos, slash - pos));
        pos = slash + 1;
    }
    return out;
}

bool is_admin(const UserRecord& u) {
    return u.role == "owner" || u.role == "admin";
}

// [SECTION] JSON shapes (contract schemas User, Group, IdentityProvider, OktaScimIntegration)
// Written as text: the user listing is the largest answer the server gives.
void append_user(std::string& out, const UserRecord& u, const std::string& caller_id,
                 const json* permissions) {
    const auto field = [&out](const char* name, std::string_view value) {
        out += name;
        append_json_string(out, value);
    };
    field("{\"id\":", u.id);
    field(",\"email\":", u.email);
    field(",\"name\":", u.name);
    field(",\"role\":", u.role);
    // As NetBird: a user waiting for approval is blocked until an admin approves.
    field(",\"status\":", u.is_blocked || u.pending_approval ? "blocked" : "active");
    field(",\"last_login\":", u.last_login);
    out += ",\"auto_groups\":[";
    for (std::size_t i = 0; i < u.auto_groups.size(); ++i) {
        if (i) out.push_back(',');
        append_json_string(out, u.auto_groups[i]);
    }
    out += "],\"is_current\":";
    out += u.id == caller_id ? "true" : "false";
    out += ",\"is_service_user\":";
    out += u.is_service_user ? "true" : "false";
    out += ",\"is_blocked\":";
    out += u.is_blocked ? "true" : "false";
    out += ",\"pending_approval\":";
    out += u.pending_approval ? "true" : "false";
    if (!u.idp_id.empty()) field(",\"idp_id\":", u.idp_id);
    field(",\"issued\":", u.issued);
    if (permissions) out += ",\"permissions\":" + permissions->dump();
    out.push_back('}');
}

Response user_answer(const UserRecord& u, const std::string& caller_id,
                     const json* permissions = nullptr) {
    Response r = answer(200, nullptr);
    r.body.clear();
    append_user(r.body, u, caller_id, permissions);
    return r;
}

// [SECTION] Permissions: one table for what /users/current reports and what every route allows
const char* const kOperations[] = {"create", "read", "update", "delete"};

bool permitted(const UserRecord& u, std::string_view /*module*/, std::string_view /*operation*/) {
    return is_admin(u);
}

json permissions_json(const UserRecord& u) {
    json modules = json::object();
    for (const char* m : kModules)
        for (const char* op : kOperations) modules[m][op] = permitted(u, m, op);
    return {{"is_restricted", !is_admin(u)}, {"modules", modules}};
}

// The module a route belongs to (kModules), or "" for what every signed-in user may call.
std::string_view module_of(const std::vector<std::string>& s) {
    if (s.size() < 2 || (s.size() == 3 && s[1] == "users" && s[2] == "current")) return {};
    if (s[1] == "users") return "users";
    if (s[1] == "accounts") return "accounts";
    if (s[1] == "groups") return "groups";
    if (s[1] == "identity-providers") return "identity_providers";
    if (s[1] == "integrations") return "integrations";
    return {};
}

std::string_view operation_of(const std::string& method) {
    if (method == "GET" || method == "HEAD") return "read";
    if (method == "POST") return "create";
    if (method == "DELETE") return "delete";
    return "update";
}

json group_json(const GroupRecord& g) {
    return {{"id", g.id},
            {"name", g.name},
            {"peers_count", 0},
            {"resources_count", 0},
            {"issued", g.issued},
            {"peers", json::array()},
            {"resources", json::array()}};
}

json idp_json(const IdentityProviderRecord& i) {
    return {{"id", i.id},         {"type", i.type},           {"name", i.name},
            {"issuer", i.issuer}, {"client_id", i.client_id}, {"email_domain", i.email_domain}};
}

// A bare domain name ("example.com"), lower case; "" is allowed (no one joins by domain).
bool valid_email_domain(const std::string& domain) {
    if (domain.size() > 253) return false;
    return std::all_of(domain.begin(), domain.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    });
}

json integration_json(const IntegrationRecord& i, const std::string& full_token) {
    json out = {{"id", i.id},
                {"enabled", i.enabled},
                {"group_prefixes", i.group_prefixes},
                {"user_group_prefixes", i.user_group_prefixes},
                {"auth_token", full_token.empty() ? i.token_hint : full_token},
                {"last_synced_at", i.last_synced_at}};
    if (!i.connector_id.empty()) out["connector_id"] = i.connector_id;
    return out;
}

// Reads an optional array of strings; false if present with another shape.
bool read_strings(const json& body, const char* key, std::vector<std::string>& out) {
    const auto it = body.find(key);
    if (it == body.end() || it->is_null()) return true;
    if (!it->is_array()) return false;
    out.clear();
    for (const auto& item : *it) {
        if (!item.is_string()) return false;
        out.push_back(item.get<std::string>());
    }
    return true;
}

bool read_string(const json& body, const char* key, std::string& out) {
    const auto it = body.find(key);
    if (it == body.end() || !it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

// [SECTION] The users listing, cached per filter while listing_version holds
constexpr const char* kNotCurrent = ",\"is_current\":false";

std::int64_t listing_version(Db& db) {
    auto s = db.prepare("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'listing_version'");
    return s.step() ? s.integer(0) : -1;
}

const ManagementApi::Listing& listing_of(Store& store, ManagementApi::ListingCache& cache,
                                         std::optional<bool> service) {
    ManagementApi::Listing& listing =
        !service ? cache.all : (*service ? cache.service : cache.people);
    const std::int64_t version = listing_version(store.db());
    if (listing.version == version && version >= 0) return listing;
    const auto users = store.list_users(service);
    std::string body = "[";
    body.reserve(users.size() * 300);
    for (std::size_t i = 0; i < users.size(); ++i) {
        if (i) body.push_back(',');
        append_user(body, users[i], std::string(), nullptr);
    }
    body.push_back(']');
    listing = {version, std::move(body)};
    return listing;
}

// [SECTION] One request from one caller
class Call {
  public:
    Call(Store& store, const Request& request, UserRecord caller,
         ManagementApi::ListingCache& cache, OidcIssuers* issuers)
        : store_(store),
          request_(request),
          caller_(std::move(caller)),
          cache_(cache),
          issuers_(issuers) {}

    Response route(const std::vector<std::string>& s) {
        const std::string& m = request_.method;
        const std::size_t n = s.size();
        const std::string_view module = module_of(s);
        const std::string_view operation = operation_of(m);
        if (!module.empty() && !permitted(caller_, module, operation))
            return api_error(
                403, "your role may not " + std::string(operation) + " " + std::string(module));
        if (n >= 2 && s[1] == "users") {
            if (n == 3 && s[2] == "current" && m == "GET") return current_user();
            if (n == 2 && m == "GET") return list_users();
            if (n == 3 && m == "PUT") return update_user(s[2]);
            if (n == 3 && m == "DELETE") return delete_user(s[2]);
            // The contract says POST; PUT is accepted too, as the issue named it.
            if (n == 4 && s[3] == "approve" && (m == "POST" || m == "PUT"))
                return approve_user(s[2]);
            if (n == 4 && s[3] == "reject" && m == "DELETE") return reject_user(s[2]);
        } else if (n >= 2 && s[1] == "accounts") {
            if (n == 2 && m == "GET") return list_accounts();
            if (n == 3 && m == "PUT") return update_account(s[2]);
        } else if (n >= 2 && s[1] == "groups") {
            if (n == 2 && m == "GET") return list_groups();
            if (n == 2 && m == "POST") return save_group("");
            if (n == 3 && m == "GET") return get_group(s[2]);
            if (n == 3 && m == "PUT") return save_group(s[2]);
            if (n == 3 && m == "DELETE") return delete_group(s[2]);
        } else if (n >= 2 && s[1] == "identity-providers") {
            if (n == 2 && m == "GET") return list_idps();
            if (n == 2 && m == "POST") return save_idp("");
            if (n == 3 && s[2] == "test" && m == "POST")
                return check_identity_provider(request_, issuers_);
            if (n == 3 && m == "GET") return get_idp(s[2]);
            if (n == 3 && m == "PUT") return save_idp(s[2]);
            if (n == 3 && m == "DELETE") return delete_idp(s[2]);
        } else if (n >= 3 && s[1] == "integrations" && s[2] == "okta-scim-idp") {
            if (n == 3 && m == "GET") return list_integrations();
            if (n == 3 && m == "POST") return create_integration();
            if (n >= 4) return integration_call(s);
        } else {
            return api_error(404, "no such endpoint: " + request_.path);
        }
        return api_error(405, "method " + m + " is not allowed on " + request_.path);
    }

  private:
    // Parses the body as a JSON object, or fills `error`.
    bool body(json& out, Response& error) {
        out = json::parse(request_.body, nullptr, false);
        if (out.is_discarded() || !out.is_object()) {
            error = api_error(400, "the request body must be a JSON object");
            return false;
        }
        return true;
    }

    // [SECTION] Users
    Response current_user() {
        const json permissions = permissions_json(caller_);
        return user_answer(caller_, caller_.id, &permissions);
    }

    Response list_users() {
        std::optional<bool> service;
        if (const auto p = request_.param("service_user")) service = (*p == "true");
        const ManagementApi::Listing& listing = listing_of(store_, cache_, service);
        // The caller's own entry says is_current: true (the cached body says false for all).
        Response r = answer(200, nullptr);
        const std::string own = "{\"id\":" + json(caller_.id).dump() + ",";
        const std::size_t at = listing.body.find(own);
        const std::size_t flag =
            at == std::string::npos ? at : listing.body.find(kNotCurrent, at + own.size());
        if (flag == std::string::npos) {
            r.body = listing.body;
            return r;
        }
        const std::size_t value = flag + std::strlen(kNotCurrent) - std::strlen("false");
        r.body.reserve(listing.body.size());
        r.body.assign(listing.body, 0, value);
        r.body += "true";
        r.body.append(listing.body, value + std::strlen("false"), std::string::npos);
        return r;
    }

    Response update_user(const std::string& id) {
        json in;
        Response error;
        if (!body(in, error)) return error;
        std::string role;
        std::vector<std::string> groups;
        const auto blocked = in.find("is_blocked");
        const auto auto_groups = in.find("auto_groups");
        if (!read_string(in, "role", role) || auto_groups == in.end() || !auto_groups->is_array() ||
            !read_strings(in, "auto_groups", groups) || blocked == in.end() ||
            !blocked->is_boolean())
            return api_error(400, "role, auto_groups and is_blocked are required");
        // Read and written in one transaction: what Okta changes meanwhile on another replica
        // is not overwritten with what was read before.
        Transaction tx(store_.db());
        auto user = store_.user(id);
        if (!user) return api_error(404, "user " + id + " not found");
        if (!one_of(role, kRoles)) return api_error(400, "unknown role " + role);
        const bool block = blocked->get<bool>();
        if (user->role == "owner" && (block || role != "owner"))
            return api_error(403, "the account owner cannot be blocked or lose the owner role");
        if (user->role != "owner" && role == "owner")
            return api_error(403, "ownership cannot be given through this call");
        if (user->id == caller_.id && block) return api_error(403, "you cannot block yourself");
        for (const auto& gid : groups) {
            auto g = store_.group(gid);
            if (!g || !g->imported) return api_error(400, "group " + gid + " does not exist");
        }
        user->role = role;
        user->is_blocked = block;
        if (!store_.update_user(*user) || !store_.set_user_groups(user->id, groups) || !tx.commit())
            return api_error(500, "could not save the user");
        return user_answer(*store_.user(id), caller_.id);
    }

    Response delete_user(const std::string& id) {
        auto user = store_.user(id);
        if (!user) return api_error(404, "user " + id + " not found");
        if (user->role == "owner") return api_error(403, "the account owner cannot be deleted");
        if (user->id == caller_.id) return api_error(403, "you cannot delete yourself");
        // Users of a deleted integration (orphans) are the admins' to remove.
        if (user->issued == "integration" && user->integration_id != 0 && !caller_.is_service_user)
            return api_error(403, "only integration service user can delete this user");
        if (!store_.delete_user(id)) return api_error(500, "could not delete the user");
        return answer(200, json::object());
    }

    // [SECTION] User approval (users who joined by email domain)
    std::optional<UserRecord> pending_user(const std::string& id, Response& error) {
        auto user = store_.user(id);
        if (!user) {
            error = api_error(404, "user " + id + " not found");
            return std::nullopt;
        }
        if (!user->pending_approval) {
            error = api_error(400, "user " + id + " is not pending approval");
            return std::nullopt;
        }
        return user;
    }

    Response approve_user(const std::string& id) {
        Response error;
        auto user = pending_user(id, error);
        if (!user) return error;
        if (!store_.set_pending_approval(id, false))
            return api_error(500, "could not approve the user");
        return user_answer(*store_.user(id), caller_.id);
    }

    Response reject_user(const std::string& id) {
        Response error;
        auto user = pending_user(id, error);
        if (!user) return error;
        if (!store_.delete_user(id)) return api_error(500, "could not reject the user");
        return answer(200, json::object());
    }

    // [SECTION] Accounts (always one; only user_approval_required is kept, the rest is fixed)
    json account_json() {
        const auto idps = store_.identity_providers();
        const auto owner = store_.user(store_.owner_id());
        const json extra = {{"peer_approval_enabled", false},
                            {"user_approval_required", store_.user_approval_required()},
                            {"network_traffic_logs_enabled", false},
                            {"network_traffic_logs_groups", json::array()},
                            {"network_traffic_packet_counter_enabled", false}};
        const json settings = {
            {"peer_login_expiration_enabled", false},      {"peer_login_expiration", 86400},
            {"peer_inactivity_expiration_enabled", false}, {"peer_inactivity_expiration", 86400},
            {"regular_users_view_blocked", true},          {"peer_expose_enabled", false},
            {"peer_expose_groups", json::array()},         {"extra", extra}};
        return {
            {"id", store_.account_id()},
            {"settings", settings},
            {"domain", idps.empty() ? std::string() : idps.front().email_domain},
            {"domain_category", "private"},
            {"created_at", owner ? owner->created_at : utc_now()},
            {"created_by", owner ? owner->id : std::string()},
            {"onboarding", {{"signup_form_pending", false}, {"onboarding_flow_pending", false}}}};
    }

    Response list_accounts() { return answer(200, json::array({account_json()})); }

    Response update_account(const std::string& id) {
        if (id != store_.account_id()) return api_error(404, "account " + id + " not found");
        json in;
        Response error;
        if (!body(in, error)) return error;
        const auto settings = in.find("settings");
        if (settings == in.end() || !settings->is_object())
            return api_error(400, "settings is required");
        const auto extra = settings->find("extra");
        if (extra != settings->end() && !extra->is_null()) {
            const auto required =
                extra->is_object() ? extra->find("user_approval_required") : extra->end();
            if (!extra->is_object() || required == extra->end() || !required->is_boolean())
                return api_error(400, "settings.extra.user_approval_required must be a boolean");
            if (!store_.set_user_approval_required(required->get<bool>()))
                return api_error(500, "could not save the account settings");
        }
        return answer(200, account_json());
    }

    // [SECTION] Groups
    Response list_groups() {
        json out = json::array();
        const auto name = request_.param("name");
        for (const auto& g : store_.list_groups())
            if (!name || g.name == *name) out.push_back(group_json(g));
        return answer(200, out);
    }

    Response get_group(const std::string& id) {
        auto g = store_.group(id);
        if (!g || !g->imported) return api_error(404, "group " + id + " not found");
        return answer(200, group_json(*g));
    }

    Response save_group(const std::string& id) {
        json in;
        Response error;
        if (!body(in, error)) return error;
        std::string name;
        if (!read_string(in, "name", name) || name.empty())
            return api_error(400, "name is required");
        GroupRecord g;
        if (!id.empty()) {
            auto existing = store_.group(id);
            if (!existing || !existing->imported)
                return api_error(404, "group " + id + " not found");
            if (existing->issued == "integration")
                return api_error(403, "groups from an integration are managed by it");
            g = *existing;
        }
        g.name = name;
        const bool ok = id.empty() ? store_.insert_group(g) : store_.update_group(g);
        if (!ok) return api_error(500, "could not save the group");
        return answer(200, group_json(g));
    }

    Response delete_group(const std::string& id) {
        auto g = store_.group(id);
        if (!g || !g->imported) return api_error(404, "group " + id + " not found");
        if (g->issued == "integration" && !caller_.is_service_user)
            return api_error(403, "only an admin service user can delete integration groups");
        if (!store_.delete_group(id)) return api_error(500, "could not delete the group");
        return answer(200, json::object());
    }

    // [SECTION] Identity providers
    Response list_idps() {
        json out = json::array();
        for (const auto& i : store_.identity_providers()) out.push_back(idp_json(i));
        return answer(200, out);
    }

    Response get_idp(const std::string& id) {
        auto i = store_.identity_provider(id);
        if (!i) return api_error(404, "identity provider " + id + " not found");
        return answer(200, idp_json(*i));
    }

    Response save_idp(const std::string& id) {
        json in;
        Response error;
        if (!body(in, error)) return error;
        IdentityProviderRecord idp;
        if (!id.empty()) {
            auto existing = store_.identity_provider(id);
            if (!existing) return api_error(404, "identity provider " + id + " not found");
            idp = *existing;
        }
        std::string secret;
        if (!read_string(in, "type", idp.type) || !read_string(in, "name", idp.name) ||
            !read_string(in, "issuer", idp.issuer) ||
            !read_string(in, "client_id", idp.client_id) || idp.name.empty() ||
            idp.issuer.empty() || idp.client_id.empty())
            return api_error(400, "type, name, issuer, client_id and client_secret are required");
        if (!one_of(idp.type, kIdpTypes))
            return api_error(400, "unknown identity provider type " + idp.type);
        // The secret is write-only: an update may leave it out to keep the stored one.
        if (read_string(in, "client_secret", secret) && !secret.empty()) idp.client_secret = secret;
        if (in.contains("email_domain") && !read_string(in, "email_domain", idp.email_domain))
            return api_error(400, "email_domain must be a string");
        idp.email_domain = to_lower(idp.email_domain);
        if (!valid_email_domain(idp.email_domain))
            return api_error(400, "email_domain must be a domain name such as example.com");
        if (idp.client_secret.empty()) return api_error(400, "client_secret is required");
        if (!store_.save_identity_provider(idp))
            return api_error(500, "could not save the identity provider");
        return answer(200, idp_json(idp));
    }

    Response delete_idp(const std::string& id) {
        if (!store_.delete_identity_provider(id))
            return api_error(404, "identity provider " + id + " not found");
        return answer(200, json::object());
    }

    // [SECTION] Okta SCIM integrations
    bool another_enabled(std::int64_t except_id) {
        const auto all = store_.integrations();
        return std::any_of(all.begin(), all.end(),
                           [&](const auto& i) { return i.enabled && i.id != except_id; });
    }

    bool read_filters(const json& in, IntegrationRecord& i) {
        if (!read_strings(in, "group_prefixes", i.group_prefixes) ||
            !read_strings(in, "user_group_prefixes", i.user_group_prefixes))
            return false;
        const auto connector = in.find("connector_id");
        if (connector == in.end() || connector->is_null()) return true;
        if (!connector->is_string()) return false;
        i.connector_id = connector->get<std::string>();
        return true;
    }

    Response list_integrations() {
        json out = json::array();
        for (const auto& i : store_.integrations()) out.push_back(integration_json(i, ""));
        return answer(200, out);
    }

    Response create_integration() {
        json in;
        Response error;
        if (!body(in, error)) return error;
        IntegrationRecord i;
        if (!read_string(in, "connection_name", i.connection_name) || !read_filters(in, i))
            return api_error(400,
                             "connection_name is required; prefixes must be arrays of strings");
        if (another_enabled(0))
            return api_error(400, "another identity provider sync integration is already enabled");
        const std::string token = store_.insert_integration(i);
        if (token.empty()) return api_error(500, "could not save the integration");
        return answer(200, integration_json(i, token));
    }

    Response integration_call(const std::vector<std::string>& s) {
        const std::string& m = request_.method;
        std::int64_t id = 0;
        for (char c : s[3]) {
            if (c < '0' || c > '9' || id > 1'000'000'000'000)
                return api_error(400, "integration id must be an integer");
            id = id * 10 + (c - '0');
        }
        auto integration = store_.integration(id);
        if (!integration) return api_error(404, "integration " + s[3] + " not found");
        if (s.size() == 4 && m == "GET") return answer(200, integration_json(*integration, ""));
        if (s.size() == 5 && s[4] == "logs" && m == "GET") {
            json out = json::array();
            for (const auto& l : store_.sync_logs(id))
                out.push_back({{"id", l.id},
                               {"level", l.level},
                               {"timestamp", l.timestamp},
                               {"message", l.message}});
            return answer(200, out);
        }
        if (s.size() == 4 && m == "PUT") return update_integration(*integration);
        if (s.size() == 4 && m == "DELETE") {
            if (!store_.delete_integration(id))
                return api_error(500, "could not delete the integration");
            return answer(200, json::object());
        }
        if (s.size() == 5 && s[4] == "token" && m == "POST") {
            const std::string token = store_.regenerate_integration_token(id);
            if (token.empty()) return api_error(500, "could not regenerate the token");
            store_.add_sync_log(id, "info",
                                "SCIM token regenerated: the previous token no longer works");
            return answer(200, {{"auth_token", token}});
        }
        return api_error(405, "method " + m + " is not allowed on " + request_.path);
    }

    Response update_integration(IntegrationRecord i) {
        json in;
        Response error;
        if (!body(in, error)) return error;
        const auto enabled = in.find("enabled");
        if (enabled != in.end() && !enabled->is_null()) {
            if (!enabled->is_boolean()) return api_error(400, "enabled must be a boolean");
            i.enabled = enabled->get<bool>();
        }
        if (!read_filters(in, i)) return api_error(400, "prefixes must be arrays of strings");
        if (i.enabled && another_enabled(i.id))
            return api_error(400, "another identity provider sync integration is already enabled");
        if (!store_.update_integration(i)) return api_error(500, "could not save the integration");
        return answer(200, integration_json(*store_.integration(i.id), ""));
    }

    Store& store_;
    const Request& request_;
    UserRecord caller_;
    ManagementApi::ListingCache& cache_;
    OidcIssuers* issuers_;  // POST /api/identity-providers/test; null: no outbound calls
};

}  // namespace

Response api_error(int status, const std::string& message) {
    return answer(status, {{"message", message}, {"code", status}});
}

void ManagementApi::warm_listing() {
    listing_of(store_, listing_cache_, false);
}

Response ManagementApi::handle(const Request& request, const std::string& caller_id) {
    auto caller = store_.user(caller_id);
    if (!caller) return api_error(401, "unknown user");
    if (caller->is_blocked) return api_error(403, "user is blocked");
    if (caller->pending_approval) return api_error(403, "user is pending approval");
    return Call(store_, request, std::move(*caller), listing_cache_, issuers_)
        .route(segments(request.path));
}

}  // namespace openzro
