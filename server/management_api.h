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
    ListingCache listing_cache_;
    OidcIssuers* issuers_;
};

// {"message": ..., "code": status} as application/json.
Response api_error(int status, const std::string& message);

}  // namespace openzro
