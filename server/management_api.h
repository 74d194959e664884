// The management REST API subset the admin frontend uses (API.md), shapes as the contract.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server/auth.h"
#include "server/http_types.h"
#include "server/oidc_issuer.h"
#include "server/store.h"

namespace openzro {

class ManagementApi {
  public:
    // `issuers` (may be null) answers the identity provider check before saving.
    ManagementApi(Store& store, AuthGate& auth, OidcIssuers* issuers = nullptr)
        : store_(store), auth_(auth), issuers_(issuers) {}
    // `request.path` starts with /api/; `caller_id` is the authenticated user.
    Response handle(const Request& request, const std::string& caller_id);
    // Builds the listing the Users page asks for (people), so that the first page load after
    // start-up does not wait for it (0.6 s at 100,000 users).
    void warm_listing();

    // A user listing as every caller sees it (is_current false throughout), kept while the
    // database's listing_version stays the same: only changes to users and their groups
    // rebuild it, not sessions or sync logs. One per filter (people, service users, all).
    struct Listing {
        std::int64_t version = -1;
        std::string body;
    };
    struct ListingCache {
        Listing people, service, all;
    };

  private:
    Store& store_;
    AuthGate& auth_;  // invite links
    ListingCache listing_cache_;
    OidcIssuers* issuers_;
};

// {"message": ..., "code": status} as application/json.
Response api_error(int status, const std::string& message);

// Shared by the management API's files (users_api.cpp).
Response api_ok(const nlohmann::json& body);
// One user as the contract's User, seen by `caller_id`.
Response user_answer(const UserRecord& u, const std::string& caller_id);
// The request body as a JSON object, or false with `error` filled.
bool json_body(const Request& request, nlohmann::json& out, Response& error);
// A string member; false when missing or not a string.
bool read_string(const nlohmann::json& body, const char* key, std::string& out);
// An optional array of strings; false if present with another shape.
bool read_strings(const nlohmann::json& body, const char* key, std::vector<std::string>& out);
bool known_role(const std::string& role);

}  // namespace openzro
