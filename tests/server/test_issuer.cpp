#include "tests/server/test_issuer.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include <boost/url/parse.hpp>

#include "server/jwt.h"

namespace openzro::testing {
namespace {

using json = nlohmann::json;

std::string big_number(EVP_PKEY* key, const char* name) {
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1) return {};
    std::string bytes(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
    BN_free(bn);
    return base64url_encode(bytes);
}

std::string basic_credentials() {
    std::string raw = std::string(TestIssuer::kClientId) + ":" + TestIssuer::kClientSecret;
    std::string out = base64url_encode(raw);
    for (char& c : out) c = c == '-' ? '+' : c == '_' ? '/' : c;
    while (out.size() % 4 != 0) out.push_back('=');
    return "Basic " + out;
}

OutboundResponse json_response(int status, const json& body) {
    OutboundResponse r;
    r.status = status;
    r.body = body.dump();
    r.content_type = "application/json";
    return r;
}

}  // namespace

std::map<std::string, std::string> query_of(const std::string& url) {
    // The view points into `target`, which must outlive it.
    const std::string target =
        "/" + (url.find('?') == std::string::npos ? "" : url.substr(url.find('?')));
    std::map<std::string, std::string> out;
    auto parsed = boost::urls::parse_origin_form(target);
    if (!parsed) return out;
    for (const auto& p : parsed->params()) out[p.key] = p.value;
    return out;
}

std::string s256(const std::string& verifier) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest);
    return base64url_encode(std::string(reinterpret_cast<const char*>(digest), sizeof digest));
}

TestIssuer::TestIssuer(FakeOutbound& outbound, std::string issuer)
    : issuer_(std::move(issuer)),
      key_(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<std::size_t>(2048)),
           EVP_PKEY_free) {
    outbound.serve_json(issuer_ + "/.well-known/openid-configuration",
                        {{"issuer", issuer_},
                         {"authorization_endpoint", authorization_endpoint()},
                         {"token_endpoint", token_endpoint()},
                         {"jwks_uri", issuer_ + "/oauth2/v1/keys"},
                         {"end_session_endpoint", issuer_ + "/oauth2/v1/logout"},
                         {"userinfo_endpoint", issuer_ + "/oauth2/v1/userinfo"},
                         {"response_types_supported", {"code"}},
                         {"id_token_signing_alg_values_supported", {"RS256"}}});
    outbound.serve_json(issuer_ + "/oauth2/v1/keys",
                        {{"keys",
                          {{{"kty", "RSA"},
                            {"kid", "test-key"},
                            {"use", "sig"},
                            {"alg", "RS256"},
                            {"n", big_number(key_.get(), OSSL_PKEY_PARAM_RSA_N)},
                            {"e", big_number(key_.get(), OSSL_PKEY_PARAM_RSA_E)}}}}});
    outbound.respond(token_endpoint(), [this](const OutboundRequest& r) { return token(r); });
}

TestIssuer::~TestIssuer() = default;

void TestIssuer::authorize(const std::string& code, const std::string& code_challenge,
                           json claims) {
    if (!claims.contains("iss")) claims["iss"] = issuer_;
    if (!claims.contains("aud")) claims["aud"] = kClientId;
    if (!claims.contains("iat")) claims["iat"] = now_s;
    if (!claims.contains("exp")) claims["exp"] = now_s + 3600;
    grants_[code] = {code_challenge, std::move(claims), false};
}

std::string TestIssuer::sign(const json& payload, const json& header) const {
    json h = {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", "test-key"}};
    for (const auto& [k, v] : header.items()) h[k] = v;
    const std::string input = base64url_encode(h.dump()) + "." + base64url_encode(payload.dump());
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::size_t size = 0;
    EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get());
    EVP_DigestSign(ctx.get(), nullptr, &size, reinterpret_cast<const unsigned char*>(input.data()),
                   input.size());
    std::string signature(size, '\0');
    EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                   reinterpret_cast<const unsigned char*>(input.data()), input.size());
    signature.resize(size);
    return input + "." + base64url_encode(signature);
}

OutboundResponse TestIssuer::token(const OutboundRequest& request) {
    ++exchanges_;
    std::string authorization;
    for (const auto& [name, value] : request.headers)
        if (name == "Authorization") authorization = value;
    if (request.method != "POST" || authorization != basic_credentials())
        return json_response(401, {{"error", "invalid_client"}});
    auto form = query_of("?" + request.body);
    auto grant = grants_.find(form["code"]);
    if (form["grant_type"] != "authorization_code" || grant == grants_.end() ||
        grant->second.used || s256(form["code_verifier"]) != grant->second.challenge)
        return json_response(400, {{"error", "invalid_grant"}});
    grant->second.used = true;  // a code trades once
    return json_response(200, {{"access_token", "at-" + form["code"]},
                               {"token_type", "Bearer"},
                               {"expires_in", 3600},
                               {"id_token", sign(grant->second.claims)}});
}

}  // namespace openzro::testing
