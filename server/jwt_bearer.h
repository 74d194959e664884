// `Authorization: Bearer <JWT>` on the management API, for a host dashboard that signs its
// users in with its own OIDC provider (--jwt-issuer, --jwt-audience): the token is checked
// against the issuer's published keys, and the caller is the openZro user whose email equals
// the token's email claim (access tokens rarely carry `email_verified`, so it is not asked).
#pragma once
#include <functional>
#include <string>

#include "server/auth.h"
#include "server/clock.h"
#include "server/oidc_issuer.h"
#include "server/store.h"

namespace openzro {

class JwtBearer {
  public:
    // `issuers` may be null (no outbound calls): then every token is refused with 503.
    JwtBearer(Store& store, OidcIssuers* issuers, JwtBearerOptions options);

    bool configured() const { return !options_.issuer.empty(); }
    // `done` gets the caller, or 401 (bad token), 403 (no such user, blocked, pending) or 503
    // (the issuer's keys cannot be fetched) with a clear message.
    void authenticate(std::string token, std::function<void(ApiCaller)> done);

  private:
    ApiCaller caller_for(const JwtCheck& check);

    Store& store_;
    OidcIssuers* issuers_;
    JwtBearerOptions options_;
};

}  // namespace openzro
