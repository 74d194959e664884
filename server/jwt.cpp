#include "server/jwt.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

#include <array>
#include <memory>

#include "server/bounded_json.h"

namespace openzro {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxShownKid = 64;

struct Algorithm {
    const char* name;
    const char* kty;
    const char* crv;  // EC only
    const EVP_MD* (*digest)();
    std::size_t ec_size;  // bytes of r and of s; 0 for RSA
};

constexpr std::array<Algorithm, 5> kAlgorithms = {{
    {"RS256", "RSA", "", EVP_sha256, 0},
    {"RS384", "RSA", "", EVP_sha384, 0},
    {"RS512", "RSA", "", EVP_sha512, 0},
    {"ES256", "EC", "P-256", EVP_sha256, 32},
    {"ES384", "EC", "P-384", EVP_sha384, 48},
}};

const Algorithm* find_algorithm(const std::string& name) {
    for (const Algorithm& a : kAlgorithms)
        if (name == a.name) return &a;
    return nullptr;
}

int base64url_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

// JWS signatures for ECDSA are r||s (RFC 7518 section 3.4); OpenSSL verifies DER.
std::optional<std::string> ecdsa_der(const std::string& raw, std::size_t half) {
    if (raw.size() != 2 * half) return std::nullopt;
    const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
    const int size = static_cast<int>(half);
    std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(ECDSA_SIG_new(), ECDSA_SIG_free);
    BIGNUM* r = BN_bin2bn(bytes, size, nullptr);
    BIGNUM* s = BN_bin2bn(bytes + half, size, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return std::nullopt;
    }
    const int length = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (length <= 0) return std::nullopt;
    std::string der(static_cast<std::size_t>(length), '\0');
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    if (i2d_ECDSA_SIG(sig.get(), &out) != length) return std::nullopt;
    return der;
}

bool signature_verifies(const Algorithm& alg, const Jwk& key, const JwtParts& parts) {
    std::string signature = parts.signature;
    if (alg.ec_size != 0) {
        auto der = ecdsa_der(signature, alg.ec_size);
        if (!der) return false;
        signature = std::move(*der);
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    return ctx &&
           EVP_DigestVerifyInit(ctx.get(), nullptr, alg.digest(), nullptr, key.key.get()) == 1 &&
           EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                            signature.size(),
                            reinterpret_cast<const unsigned char*>(parts.signing_input.data()),
                            parts.signing_input.size()) == 1;
}

// A NumericDate claim as seconds; nullopt if absent, or `bad` set if not a number.
std::optional<double> time_claim(const json& claims, const char* key, bool& bad) {
    const json* it = member(claims, key);
    if (!it) return std::nullopt;
    if (!it->is_number()) {
        bad = true;
        return std::nullopt;
    }
    return it->get<double>();
}

bool audience_matches(const json& claims, const std::string& audience) {
    const json* it = member(claims, "aud");
    if (!it) return false;
    if (it->is_string()) return it->get<std::string>() == audience;
    if (!it->is_array()) return false;
    for (const json& a : *it)
        if (a.is_string() && a.get<std::string>() == audience) return true;
    return false;
}

std::string check_claims(const json& claims, const JwtExpectations& expect, std::int64_t now_s) {
    if (string_member(claims, "iss") != expect.issuer)
        return "the token was issued by another issuer than " + expect.issuer;
    if (!audience_matches(claims, expect.audience))
        return "the token is not meant for this server (audience " + expect.audience + ")";
    bool bad = false;
    const auto exp = time_claim(claims, "exp", bad);
    const auto nbf = time_claim(claims, "nbf", bad);
    const auto iat = time_claim(claims, "iat", bad);
    if (bad || !exp) return "the token has no valid exp, nbf or iat claim";
    const auto now = static_cast<double>(now_s);
    const auto leeway = static_cast<double>(expect.leeway_s);
    if (!(*exp + leeway > now)) return "the token has expired";
    if (nbf && *nbf - leeway > now) return "the token is not valid yet (nbf is in the future)";
    if (iat && *iat - leeway > now) return "the token was issued in the future (iat)";
    if (expect.nonce && string_member(claims, "nonce") != *expect.nonce)
        return "the token's nonce does not match this sign-in";
    return {};
}

std::optional<json> decode_object(std::string_view part) {
    const auto text = base64url_decode(part);
    if (!text) return std::nullopt;
    auto value = parse_bounded_json(*text);
    if (!value || !value->is_object()) return std::nullopt;
    return value;
}

}  // namespace

std::optional<std::string> base64url_decode(std::string_view text) {
    if (text.size() % 4 == 1) return std::nullopt;
    std::string out;
    out.reserve(text.size() * 3 / 4);
    unsigned int buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const int v = base64url_value(c);
        if (v < 0) return std::nullopt;
        buffer = ((buffer << 6) | static_cast<unsigned int>(v)) & 0xFFFFFFu;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFFu));
        }
    }
    return out;
}

std::string base64url_encode(std::string_view bytes) {
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    unsigned int buffer = 0;
    int bits = 0;
    for (const char c : bytes) {
        buffer = ((buffer << 8) | static_cast<unsigned char>(c)) & 0xFFFFFFu;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out.push_back(alphabet[(buffer >> bits) & 0x3Fu]);
        }
    }
    if (bits > 0) out.push_back(alphabet[(buffer << (6 - bits)) & 0x3Fu]);
    return out;
}

std::optional<JwtParts> decode_jwt(std::string_view token, std::size_t max_size,
                                   std::string& error) {
    if (token.size() > max_size) {
        error = "the token is too large (" + std::to_string(token.size()) + " bytes, at most " +
                std::to_string(max_size) + ")";
        return std::nullopt;
    }
    const auto first = token.find('.');
    const auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
    if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
        error = "the token is not a signed JWT (header.payload.signature)";
        return std::nullopt;
    }
    auto header = decode_object(token.substr(0, first));
    auto payload = decode_object(token.substr(first + 1, second - first - 1));
    auto signature = base64url_decode(token.substr(second + 1));
    if (!header || !payload || !signature) {
        error = "the token is malformed (its parts are not base64url-encoded JSON objects)";
        return std::nullopt;
    }
    return JwtParts{std::move(*header), std::move(*payload), std::string(token.substr(0, second)),
                    std::move(*signature)};
}

JwtCheck verify_jwt(std::string_view token, const Jwks& jwks, const JwtExpectations& expect,
                    std::int64_t now_s) {
    JwtCheck check;
    auto parts = decode_jwt(token, expect.max_token_size, check.error);
    if (!parts) return check;
    check.claims = std::move(parts->payload);
    check.alg = string_member(parts->header, "alg");
    check.kid = string_member(parts->header, "kid").substr(0, kMaxShownKid);
    if (check.alg == "none" || check.alg.empty()) {
        check.error = "unsigned tokens (alg none) are refused";
        return check;
    }
    if (check.alg.rfind("HS", 0) == 0) {
        check.error = "HMAC-signed tokens (" + check.alg.substr(0, 8) +
                      ") are refused: only the issuer's public keys are trusted";
        return check;
    }
    const Algorithm* alg = find_algorithm(check.alg);
    if (!alg) {
        check.error = "the token's algorithm is not supported (RS256, RS384, RS512, ES256, ES384)";
        return check;
    }
    if (member(parts->header, "crit")) {
        check.error = "the token names critical header extensions this server does not know";
        return check;
    }
    const std::string kid = string_member(parts->header, "kid");
    const Jwk* key = kid.size() > kMaxShownKid ? nullptr : jwks.find(kid);
    if (!key) {
        check.unknown_kid = true;
        check.error =
            "the token's signing key (kid \"" + check.kid + "\") is not among the issuer's keys";
        return check;
    }
    if (key->kty != alg->kty || (alg->ec_size != 0 && key->crv != alg->crv) ||
        (!key->alg.empty() && key->alg != check.alg)) {
        check.error = "the token's algorithm does not match its signing key";
        return check;
    }
    if (!signature_verifies(*alg, *key, *parts)) {
        check.error = "the token's signature is invalid";
        return check;
    }
    check.error = check_claims(check.claims, expect, now_s);
    check.ok = check.error.empty();
    return check;
}

}  // namespace openzro
