// Plain structs for the management API schemas the admin UI uses
// (../shared/contracts/management-openapi.yml). No HTTP, no UI: the reference server reuses them.
// Defaults are what an absent optional field means.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/shared_string.h"

namespace openzro {

// User::issued of the users an admin or the API created, and what an absent "issued" means:
// one string every such user shares.
const SharedString& issued_api();

// [SECTION] Users

// permissions.modules.<module>.<operation> of GET /users/current.
struct UserPermissions {
    bool is_restricted = false;
    std::map<std::string, std::map<std::string, bool>> modules;
};

// Lists of 100,000 users are held whole: values that repeat across users (role, status, group
// ids, the identity provider, issued) are SharedStrings, one copy per distinct value.
struct User {
    std::string id;
    std::string email;
    std::string name;
    SharedString role;
    SharedString status;     // active | invited | blocked
    std::string last_login;  // kZeroTime (or empty) when the user never logged in
    std::vector<SharedString> auto_groups;
    bool is_current = false;
    bool is_service_user = false;
    bool is_blocked = false;
    bool pending_approval = false;
    SharedString issued = issued_api();  // api | integration; older servers omit it
    SharedString idp_id;
};

// GET /users/current: the signed-in user and what they may do.
struct CurrentUser : User {
    std::optional<UserPermissions> permissions;
};

// PUT /users/{id}: all three fields are required.
struct UserRequest {
    std::string role;
    std::vector<SharedString> auto_groups;
    bool is_blocked = false;
};

// [SECTION] Groups

struct PeerMinimum {
    std::string id;
    std::string name;
};

struct GroupResource {
    std::string id;
    std::string type;  // peer | host | subnet | domain
};

struct Group {
    std::string id;
    std::string name;
    std::int64_t peers_count = 0;
    std::int64_t resources_count = 0;
    std::string issued = "api";  // api | integration | jwt
    std::vector<PeerMinimum> peers;
    std::vector<GroupResource> resources;
};

// [SECTION] Identity providers (Okta SSO, stage 1)

struct IdentityProvider {
    std::string id;
    std::string type;  // oidc | zitadel | entra | google | okta | pocketid | microsoft | adfs
    std::string name;
    std::string issuer;
    std::string client_id;
    std::string email_domain;  // openZro extension: unknown users of this domain may join
};

// POST /identity-providers and PUT /identity-providers/{id}. client_secret is write-only.
struct IdentityProviderRequest {
    std::string type;
    std::string name;
    std::string issuer;
    std::string client_id;
    std::string client_secret;
    std::string email_domain;
};

// POST /identity-providers/test (openZro extension): what discovery at the issuer found.
struct IdentityProviderTestRequest {
    std::string issuer;
};

struct IdentityProviderTestResult {
    bool ok = false;
    std::string issuer;
    std::string authorization_endpoint;
    std::string token_endpoint;
    std::string jwks_uri;
    std::string end_session_endpoint;
    std::string reason;   // unreachable | not_oidc | issuer_mismatch | insecure (when !ok)
    std::string message;  // a sentence for the admin (when !ok)
};

// [SECTION] Sign-in (openZro's /auth endpoints, outside /api)

// GET /auth/providers: who a signed-out user may continue with.
struct AuthProvider {
    std::string id;
    std::string name;
    std::string type;
};

// GET /auth/config: the URIs an admin registers in the provider's app.
struct AuthConfig {
    std::string public_url;
    std::string redirect_uri;
    std::string post_logout_redirect_uri;
};

// [SECTION] Accounts

struct AccountExtraSettings {
    bool peer_approval_enabled = false;
    bool user_approval_required = false;  // users joining by email domain wait for an admin
    bool network_traffic_logs_enabled = false;
    std::vector<std::string> network_traffic_logs_groups;
    bool network_traffic_packet_counter_enabled = false;
};

// PUT replaces the settings: a request carries back what GET returned, with the change.
struct AccountSettings {
    bool peer_login_expiration_enabled = false;
    std::int64_t peer_login_expiration = 0;
    bool peer_inactivity_expiration_enabled = false;
    std::int64_t peer_inactivity_expiration = 0;
    bool regular_users_view_blocked = false;
    bool peer_expose_enabled = false;
    std::vector<std::string> peer_expose_groups;
    std::optional<AccountExtraSettings> extra;
};

struct Account {
    std::string id;
    AccountSettings settings;
    std::string domain;
};

struct AccountRequest {
    AccountSettings settings;
};

// [SECTION] Okta SCIM integrations (stage 2)

struct OktaScimIntegration {
    std::int64_t id = 0;
    bool enabled = false;
    std::vector<std::string> group_prefixes;       // empty: every group
    std::vector<std::string> user_group_prefixes;  // empty: every user
    std::optional<std::string> connector_id;
    std::string auth_token;  // full only after create or regenerate, masked otherwise
    std::string last_synced_at;
};

struct CreateOktaScimIntegrationRequest {
    std::string connection_name;
    std::vector<std::string> group_prefixes;
    std::vector<std::string> user_group_prefixes;
    std::optional<std::string> connector_id;  // the identity provider created in stage 1
};

// Every field is optional: only the ones set are sent.
struct UpdateOktaScimIntegrationRequest {
    std::optional<bool> enabled;
    std::optional<std::vector<std::string>> group_prefixes;
    std::optional<std::vector<std::string>> user_group_prefixes;
    std::optional<std::string> connector_id;
};

struct ScimTokenResponse {
    std::string auth_token;
};

struct IdpIntegrationSyncLog {
    std::int64_t id = 0;
    std::string level;  // info | warning | error
    std::string timestamp;
    std::string message;
};

// [SECTION] Errors

// {"message": string, "code": int}; both may be missing.
struct ErrorBody {
    std::string message;
    std::int64_t code = 0;
};

// [SECTION] Helpers for facts that are easy to get wrong (see API.md)

// Go's zero time: what last_login holds for a user who never logged in.
inline constexpr std::string_view kZeroTime = "0001-01-01T00:00:00Z";

bool never_logged_in(const User& user);
// True when the token is a masked one (nbs_abc*****): only create and regenerate show it in full.
bool is_masked_token(std::string_view token);
// The one permission rule of the UI: permissions.modules.<module>.<operation>, with writes
// vetoed by is_restricted (the server limits the user to what is theirs: they may look, not
// manage). A server too old to send the block: owners and admins may, as there.
bool can(const CurrentUser& user, std::string_view module, std::string_view operation);

}  // namespace openzro
