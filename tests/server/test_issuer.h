// A fake OIDC provider for server tests, answered through FakeOutbound: discovery, a JWKS with
// one in-test RSA key, and a token endpoint that checks client authentication and PKCE and
// trades each authorization code once for an ID token signed with that key.
#pragma once
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/server/fake_outbound.h"

struct evp_pkey_st;

namespace openzro::testing {

class TestIssuer {
  public:
    static constexpr const char* kClientId = "0oa-test-client";
    static constexpr const char* kClientSecret = "test-client-secret-1234567890";

    explicit TestIssuer(FakeOutbound& outbound, std::string issuer = "https://okta.test");
    ~TestIssuer();

    const std::string& issuer() const { return issuer_; }
    std::string authorization_endpoint() const { return issuer_ + "/oauth2/v1/authorize"; }
    std::string token_endpoint() const { return issuer_ + "/oauth2/v1/token"; }

    // The provider's side of a sign-in: `code` will trade for an ID token with `claims`
    // (iss, aud, iat, exp are added unless given) for the PKCE challenge it was issued with.
    void authorize(const std::string& code, const std::string& code_challenge,
                   nlohmann::json claims);
    // An RS256 token over `payload` with this issuer's key (and `header` fields added).
    std::string sign(const nlohmann::json& payload, const nlohmann::json& header = {}) const;
    // The token endpoint's answer to `request` (what the fake route answers).
    OutboundResponse token(const OutboundRequest& request);
    int exchanges() const { return exchanges_; }
    std::int64_t now_s = 1'800'000'000;  // iat/exp are set from it (TestServer's clock start)

  private:
    std::string issuer_;
    std::shared_ptr<evp_pkey_st> key_;
    struct Grant {
        std::string challenge;
        nlohmann::json claims;
        bool used = false;
    };
    std::map<std::string, Grant> grants_;
    int exchanges_ = 0;
};

// The decoded query parameters of a URL (or of the part after '?').
std::map<std::string, std::string> query_of(const std::string& url);
// RFC 7636 S256 of a verifier.
std::string s256(const std::string& verifier);

}  // namespace openzro::testing
