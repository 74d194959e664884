#include "tests/server/jwt_kit.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "server/jwt.h"

namespace openzro::testing {
namespace {

using json = nlohmann::json;

std::string bn_bytes(EVP_PKEY* key, const char* name, int pad) {
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1) return {};
    const int size = pad > 0 ? pad : BN_num_bytes(bn);
    std::string out(static_cast<std::size_t>(size), '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), size);
    BN_free(bn);
    return out;
}

std::string digest_sign(EVP_PKEY* key, const std::string& input) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::size_t size = 0;
    EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key);
    const auto* data = reinterpret_cast<const unsigned char*>(input.data());
    EVP_DigestSign(ctx.get(), nullptr, &size, data, input.size());
    std::string sig(size, '\0');
    EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &size, data,
                   input.size());
    sig.resize(size);
    return sig;
}

// DER ECDSA signature -> JWS r||s.
std::string raw_ecdsa(const std::string& der) {
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));
    std::string out(64, '\0');
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), o, 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), o + 32, 32);
    ECDSA_SIG_free(sig);
    return out;
}

}  // namespace

TestKey TestKey::rsa(const std::string& kid, int bits) {
    TestKey k;
    k.kid_ = kid;
    k.alg_ = "RS256";
    k.key_.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<std::size_t>(bits)),
                 EVP_PKEY_free);
    return k;
}

TestKey TestKey::ec(const std::string& kid) {
    TestKey k;
    k.kid_ = kid;
    k.alg_ = "ES256";
    k.key_.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), EVP_PKEY_free);
    return k;
}

json TestKey::jwk() const {
    if (alg_ == "RS256")
        return {{"kty", "RSA"},
                {"kid", kid_},
                {"use", "sig"},
                {"alg", alg_},
                {"n", base64url_encode(bn_bytes(key_.get(), OSSL_PKEY_PARAM_RSA_N, 0))},
                {"e", base64url_encode(bn_bytes(key_.get(), OSSL_PKEY_PARAM_RSA_E, 0))}};
    return {{"kty", "EC"},
            {"kid", kid_},
            {"use", "sig"},
            {"crv", "P-256"},
            {"x", base64url_encode(bn_bytes(key_.get(), OSSL_PKEY_PARAM_EC_PUB_X, 32))},
            {"y", base64url_encode(bn_bytes(key_.get(), OSSL_PKEY_PARAM_EC_PUB_Y, 32))}};
}

std::string TestKey::public_pem() const {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_PUBKEY(bio.get(), key_.get());
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

std::string TestKey::sign(const json& payload, const json& header_extra) const {
    json header = {{"alg", alg_}, {"kid", kid_}, {"typ", "JWT"}};
    header.update(header_extra);
    const std::string input =
        base64url_encode(header.dump()) + "." + base64url_encode(payload.dump());
    std::string sig = digest_sign(key_.get(), input);
    if (alg_ == "ES256") sig = raw_ecdsa(sig);
    return input + "." + base64url_encode(sig);
}

json jwks_document(std::initializer_list<const TestKey*> keys) {
    json doc = {{"keys", json::array()}};
    for (const TestKey* k : keys) doc["keys"].push_back(k->jwk());
    return doc;
}

std::string sign_hs256(const json& header, const json& payload, const std::string& secret) {
    const std::string input =
        base64url_encode(header.dump()) + "." + base64url_encode(payload.dump());
    unsigned char mac[64];
    std::size_t size = 0;
    EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, secret.data(), secret.size(),
              reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, sizeof mac,
              &size);
    return input + "." + base64url_encode(std::string(reinterpret_cast<char*>(mac), size));
}

std::string unsigned_token(const json& header, const json& payload) {
    return base64url_encode(header.dump()) + "." + base64url_encode(payload.dump()) + ".";
}

}  // namespace openzro::testing
