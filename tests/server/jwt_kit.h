// Signing keys made in the test (OpenSSL), their JWKs, and tokens signed with them: what an
// OIDC issuer does, so tests can forge every kind of bad token.
#pragma once
#include <initializer_list>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

struct evp_pkey_st;

namespace openzro::testing {

class TestKey {
  public:
    static TestKey rsa(const std::string& kid, int bits = 2048);
    static TestKey ec(const std::string& kid);  // P-256, ES256

    const std::string& kid() const { return kid_; }
    const std::string& alg() const { return alg_; }
    nlohmann::json jwk() const;  // the public key
    std::string public_pem() const;
    // header.payload.signature, with {"alg", "kid", "typ"} merged under `header_extra`.
    std::string sign(const nlohmann::json& payload,
                     const nlohmann::json& header_extra = nlohmann::json::object()) const;

  private:
    std::string kid_;
    std::string alg_;
    std::shared_ptr<evp_pkey_st> key_;
};

// An RSA key and an EC key. Making keys is slow (RSA above all): a fixture makes its pair once
// for the suite (SetUpTestSuite) and drops it after (TearDownTestSuite).
struct KeyPair {
    KeyPair(const std::string& rsa_kid, const std::string& ec_kid)
        : rsa(TestKey::rsa(rsa_kid)), ec(TestKey::ec(ec_kid)) {}
    TestKey rsa;
    TestKey ec;
};

// The JWKS document an issuer publishes for `keys`.
nlohmann::json jwks_document(std::initializer_list<const TestKey*> keys);

// A token in the shape but signed with HMAC-SHA256 over `secret` (the public-key confusion).
std::string sign_hs256(const nlohmann::json& header, const nlohmann::json& payload,
                       const std::string& secret);
// "<b64url(header)>.<b64url(payload)>." with no signature.
std::string unsigned_token(const nlohmann::json& header, const nlohmann::json& payload);

}  // namespace openzro::testing
