#include "server/jwk.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include "server/bounded_json.h"
#include "server/jwt.h"

namespace openzro {
namespace {

using json = nlohmann::json;

constexpr int kMinRsaBits = 2048;
constexpr int kMaxRsaBits = 8192;  // bounds the cost of one verification

struct BnFree {
    void operator()(BIGNUM* b) const { BN_free(b); }
};
struct BldFree {
    void operator()(OSSL_PARAM_BLD* b) const { OSSL_PARAM_BLD_free(b); }
};
struct ParamFree {
    void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};
struct CtxFree {
    void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;
using Bld = std::unique_ptr<OSSL_PARAM_BLD, BldFree>;
using Params = std::unique_ptr<OSSL_PARAM, ParamFree>;
using Ctx = std::unique_ptr<EVP_PKEY_CTX, CtxFree>;

std::optional<std::string> decoded_member(const json& object, const char* key) {
    const std::string text = string_member(object, key);
    if (text.empty()) return std::nullopt;
    return base64url_decode(text);
}

Bn to_bn(const std::string& bytes) {
    return Bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()),
                        static_cast<int>(bytes.size()), nullptr));
}

// Builds a public key from OpenSSL parameters and checks it (an EC point on its curve).
std::shared_ptr<evp_pkey_st> public_key(const char* type, OSSL_PARAM_BLD* bld) {
    const Params params(OSSL_PARAM_BLD_to_param(bld));
    const Ctx ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY* key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
        EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0)
        return nullptr;
    std::shared_ptr<evp_pkey_st> owned(key, EVP_PKEY_free);
    const Ctx check(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) <= 0) return nullptr;
    return owned;
}

std::shared_ptr<evp_pkey_st> rsa_key(const json& jwk) {
    const auto n = decoded_member(jwk, "n");
    const auto e = decoded_member(jwk, "e");
    if (!n || !e || e->size() > 8) return nullptr;
    const Bn bn_n = to_bn(*n);
    const Bn bn_e = to_bn(*e);
    if (!bn_n || !bn_e) return nullptr;
    const int bits = BN_num_bits(bn_n.get());
    if (bits < kMinRsaBits || bits > kMaxRsaBits) return nullptr;
    const Bld bld(OSSL_PARAM_BLD_new());
    if (!bld || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) ||
        !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get()))
        return nullptr;
    return public_key("RSA", bld.get());
}

std::shared_ptr<evp_pkey_st> ec_key(const json& jwk, const std::string& crv) {
    const char* group = crv == "P-256" ? "prime256v1" : crv == "P-384" ? "secp384r1" : nullptr;
    const std::size_t size = crv == "P-256" ? 32 : 48;
    const auto x = decoded_member(jwk, "x");
    const auto y = decoded_member(jwk, "y");
    if (!group || !x || !y || x->size() != size || y->size() != size) return nullptr;
    const std::string point = "\x04" + *x + *y;  // uncompressed SEC1 point
    const Bld bld(OSSL_PARAM_BLD_new());
    if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) ||
        !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                          point.size()))
        return nullptr;
    return public_key("EC", bld.get());
}

}  // namespace

std::optional<Jwks> Jwks::parse(std::string_view json_text, std::string& error) {
    const auto doc = parse_bounded_json(json_text);
    const json* keys = doc ? member(*doc, "keys") : nullptr;
    if (!keys || !keys->is_array()) {
        error = "the JWKS is not a JSON object with a \"keys\" array";
        return std::nullopt;
    }
    Jwks jwks;
    for (const json& item : *keys) {
        if (jwks.keys_.size() >= kMaxKeys) break;
        if (!item.is_object()) continue;
        const std::string use = string_member(item, "use");
        if (!use.empty() && use != "sig") continue;  // an encryption key never signs tokens
        Jwk jwk;
        jwk.kid = string_member(item, "kid");
        jwk.kty = string_member(item, "kty");
        jwk.alg = string_member(item, "alg");
        if (jwk.kty == "RSA") {
            jwk.key = rsa_key(item);
        } else if (jwk.kty == "EC") {
            jwk.crv = string_member(item, "crv");
            jwk.key = ec_key(item, jwk.crv);
        }
        if (jwk.key) jwks.keys_.push_back(std::move(jwk));
    }
    return jwks;
}

const Jwk* Jwks::find(std::string_view kid) const {
    if (kid.empty()) return keys_.size() == 1 ? &keys_.front() : nullptr;
    for (const Jwk& k : keys_)
        if (k.kid == kid) return &k;
    return nullptr;
}

}  // namespace openzro
