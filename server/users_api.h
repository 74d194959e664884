// Team > Users beyond the listing: creating people and service users, changing a user's role
// and groups (integration-issued users keep what Okta owns), invite links, and personal
// access tokens. Routed by ManagementApi after its permission check.
#pragma once
#include <string>
#include <vector>

#include "server/auth.h"
#include "server/http_types.h"
#include "server/store.h"

namespace openzro::users_api {

struct Context {
    Store& store;
    AuthGate& auth;
    const Request& request;
    const UserRecord& caller;
};

// POST /api/users
Response create_user(const Context& c);
// PUT /api/users/{id}
Response update_user(const Context& c, const std::string& id);
// POST /api/users/{id}/invite
Response invite_user(const Context& c, const std::string& id);
// /api/users/{id}/tokens[/{tokenId}]: `s` are the path's segments ("api", "users", id, ...).
Response tokens(const Context& c, const std::vector<std::string>& s);

}  // namespace openzro::users_api
