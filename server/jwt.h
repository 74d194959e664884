// JSON Web Token verification (RFC 7519 over JWS compact serialisation, RFC 7515).
//
// Crypto: OpenSSL 3 (EVP_DigestVerify). It is already the server's dependency for TLS and
// hashing, so there is no new package and one crypto library serves TLS and JWS; libcpp-jwt
// would add a second JSON and crypto wrapper for the same few calls. ES256/ES384 signatures
// arrive as raw r||s and are converted to DER for OpenSSL here.
//
// Accepted: RS256, RS384, RS512, ES256, ES384. Refused: `none`, every HS* (a public key used
// as an HMAC secret is the classic forgery), anything else. Parsing is bounded: token size,
// JSON nesting depth.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "server/jwk.h"

namespace openzro {

struct JwtExpectations {
    std::string issuer;                // `iss` must equal it exactly
    std::string audience;              // `aud` (a string, or an array containing it)
    std::optional<std::string> nonce;  // ID tokens of a sign-in: `nonce` must equal it
    std::int64_t leeway_s = 60;        // for `exp`, `nbf`, `iat`
    std::size_t max_token_size = 16 * 1024;
};

struct JwtCheck {
    bool ok = false;
    std::string error;         // clear text for the caller's 401 body; never quotes the token
    bool unknown_kid = false;  // no key in the JWKS for this token: refresh the JWKS once
    bool unavailable = false;  // (OidcIssuers) the issuer or its keys could not be fetched: 503
    std::string kid;
    std::string alg;
    nlohmann::json claims;  // the payload, once it was parsed (also when a check failed)
};

// A token split and decoded, nothing checked but its shape.
struct JwtParts {
    nlohmann::json header;
    nlohmann::json payload;
    std::string signing_input;  // "<header>.<payload>" as sent
    std::string signature;      // decoded bytes
};
std::optional<JwtParts> decode_jwt(std::string_view token, std::size_t max_size,
                                   std::string& error);

JwtCheck verify_jwt(std::string_view token, const Jwks& jwks, const JwtExpectations& expect,
                    std::int64_t now_s);

// base64url without padding (RFC 7515 section 2); decode refuses any other alphabet.
std::optional<std::string> base64url_decode(std::string_view text);
std::string base64url_encode(std::string_view bytes);

}  // namespace openzro
