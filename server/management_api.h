// The management REST API subset the admin frontend uses (API.md), shapes as the contract.
#pragma once
#include <string>

#include "server/http_types.h"
#include "server/oidc_issuer.h"
#include "server/store.h"

namespace openzro {

class ManagementApi {
  public:
    // `issuers` (may be null) answers the identity provider check before saving.
    explicit ManagementApi(Store& store, OidcIssuers* issuers = nullptr)
        : store_(store), issuers_(issuers) {}
    // `request.path` starts with /api/; `caller_id` is the authenticated user.
    Response handle(const Request& request, const std::string& caller_id);

    // The last user listing, reused until the database changes (admins reload it often).
    struct ListingCache {
        std::int64_t version = -1;
        std::string key;
        std::string body;
    };

  private:
    Store& store_;
    ListingCache listing_cache_;
    OidcIssuers* issuers_;
};

// {"message": ..., "code": status} as application/json.
Response api_error(int status, const std::string& message);

}  // namespace openzro
