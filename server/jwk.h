// JSON Web Keys (RFC 7517): the public keys an OIDC issuer signs its tokens with.
// RSA and EC (P-256, P-384) keys are imported into OpenSSL 3 with EVP_PKEY_fromdata; other
// key types are skipped. OpenSSL stays out of this header.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct evp_pkey_st;  // OpenSSL's EVP_PKEY

namespace openzro {

struct Jwk {
    std::string kid;
    std::string kty;  // "RSA" or "EC"
    std::string crv;  // EC only: "P-256" or "P-384"
    std::string alg;  // optional: when set, a token must use exactly this algorithm
    std::shared_ptr<evp_pkey_st> key;
};

class Jwks {
  public:
    static constexpr std::size_t kMaxKeys = 64;
    // Parses a JWKS document ({"keys": [...]}); keys that are not usable public signature keys
    // are skipped. nullopt with `error` if the text is not a JWKS at all.
    static std::optional<Jwks> parse(std::string_view json_text, std::string& error);

    // The key named `kid`; with an empty `kid`, the only key if there is exactly one.
    const Jwk* find(std::string_view kid) const;
    std::size_t size() const { return keys_.size(); }

  private:
    std::vector<Jwk> keys_;
};

}  // namespace openzro
