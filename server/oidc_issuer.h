// What the server knows about OIDC issuers: each issuer's discovery document
// (<issuer>/.well-known/openid-configuration) and its JWKS, fetched through OutboundHttp and
// cached per issuer URL. A token signed with an unknown `kid` triggers one JWKS refresh, at
// most once per `refresh_interval_s` per issuer, so key rotation is picked up quickly while a
// stream of forged kids cannot make the server hammer the issuer.
// All callbacks run on the server's thread; one answered from the cache runs inside the call.
// Requests for the same document while it is being fetched share one outbound request.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "server/clock.h"
#include "server/jwt.h"
#include "server/outbound_http.h"

namespace openzro {

struct OidcDiscovery {
    std::string issuer;
    std::string authorization_endpoint;
    std::string token_endpoint;
    std::string jwks_uri;
    std::string end_session_endpoint;  // optional in the document: may be empty
    std::string userinfo_endpoint;     // optional in the document: may be empty
};

struct DiscoveryResult {
    bool ok = false;
    OidcDiscovery discovery;
    // When !ok: "unreachable", "not_oidc", "issuer_mismatch" or "insecure", and a clear message.
    std::string reason;
    std::string message;
};

struct OidcIssuerOptions {
    std::int64_t cache_s = 3600;           // discovery and JWKS are fetched again after this
    std::int64_t refresh_interval_s = 30;  // least time between unknown-kid JWKS refreshes
    int timeout_ms = 5000;                 // per outbound request
    std::size_t max_document = 256 * 1024;
};

class OidcIssuers {
  public:
    using DiscoveryDone = std::function<void(DiscoveryResult)>;
    using VerifyDone = std::function<void(JwtCheck)>;

    OidcIssuers(OutboundHttp& http, const Clock& clock, OidcIssuerOptions options = {});
    ~OidcIssuers();
    OidcIssuers(const OidcIssuers&) = delete;
    OidcIssuers& operator=(const OidcIssuers&) = delete;

    // The issuer's discovery document, from the cache when fresh (failures are not cached).
    void discovery(const std::string& issuer, DiscoveryDone done);
    // Always fetched anew and not cached: the admin's check before saving an identity provider.
    void probe(const std::string& issuer, DiscoveryDone done);
    // Checks `token` against the issuer's keys: discovery, JWKS (cached), one refresh on an
    // unknown kid. An empty `expect.issuer` means the discovery document's `issuer`.
    // When the issuer or its keys cannot be fetched the result has `unavailable` set.
    void verify(const std::string& issuer, std::string token, JwtExpectations expect,
                VerifyDone done);

    struct State;

  private:
    std::shared_ptr<State> state_;
};

// "https://x.okta.com/" and "https://x.okta.com" name the same issuer for lookups; the `iss`
// claim is still compared with the discovery document's exact `issuer`.
std::string normalize_issuer(std::string_view issuer);

}  // namespace openzro
