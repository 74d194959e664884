// JWT and JWKS verification as units: every refusal the issue lists, with its message.
#include <gtest/gtest.h>

#include <optional>

#include "server/jwt.h"
#include "server/outbound_http.h"
#include "tests/server/jwt_kit.h"

namespace openzro {
namespace {

using json = nlohmann::json;
using testing::TestKey;

constexpr std::int64_t kNow = 1'800'000'000;

json claims(const json& extra = json::object()) {
    json c = {{"iss", "https://idp.example.com"}, {"aud", "openzro"}, {"sub", "00u1"},
              {"email", "jane@example.com"},      {"iat", kNow - 10}, {"exp", kNow + 3600}};
    c.update(extra);
    return c;
}

JwtExpectations expect() {
    JwtExpectations e;
    e.issuer = "https://idp.example.com";
    e.audience = "openzro";
    return e;
}

Jwks jwks_of(std::initializer_list<const TestKey*> keys) {
    std::string error;
    auto parsed = Jwks::parse(testing::jwks_document(keys).dump(), error);
    EXPECT_TRUE(parsed) << error;
    return parsed ? *parsed : Jwks();
}

class JwtVerify : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { keys_.emplace("rsa-1", "ec-1"); }
    static void TearDownTestSuite() { keys_.reset(); }
    JwtCheck check(const std::string& token, const JwtExpectations& e = expect()) const {
        return verify_jwt(token, jwks_of({&keys_->rsa, &keys_->ec}), e, kNow);
    }
    static inline std::optional<testing::KeyPair> keys_;
};

TEST_F(JwtVerify, AcceptsRs256AndEs256) {
    for (const TestKey* key : {&keys_->rsa, &keys_->ec}) {
        const JwtCheck c = check(key->sign(claims()));
        EXPECT_TRUE(c.ok) << key->alg() << ": " << c.error;
        EXPECT_EQ(c.claims["email"], "jane@example.com");
        EXPECT_EQ(c.kid, key->kid());
    }
}

TEST_F(JwtVerify, AcceptsAnAudienceArrayThatNamesIt) {
    EXPECT_TRUE(check(keys_->rsa.sign(claims({{"aud", {"other", "openzro"}}}))).ok);
}

TEST_F(JwtVerify, RefusesABadSignature) {
    for (const TestKey* key : {&keys_->rsa, &keys_->ec}) {
        std::string token = key->sign(claims());
        token[token.size() - 5] = token[token.size() - 5] == 'A' ? 'B' : 'A';
        const JwtCheck c = check(token);
        EXPECT_FALSE(c.ok);
        EXPECT_EQ(c.error, "the token's signature is invalid") << key->alg();
    }
    // Claims changed after signing.
    const std::string good = keys_->rsa.sign(claims());
    const auto dot1 = good.find('.');
    const auto dot2 = good.find('.', dot1 + 1);
    const std::string forged = good.substr(0, dot1 + 1) +
                               base64url_encode(claims({{"email", "owner@example.com"}}).dump()) +
                               good.substr(dot2);
    EXPECT_EQ(check(forged).error, "the token's signature is invalid");
}

TEST_F(JwtVerify, RefusesAlgNone) {
    const JwtCheck c =
        check(testing::unsigned_token({{"alg", "none"}, {"kid", "rsa-1"}}, claims()));
    EXPECT_FALSE(c.ok);
    EXPECT_EQ(c.error, "unsigned tokens (alg none) are refused");
}

TEST_F(JwtVerify, RefusesHs256SignedWithThePublicKey) {
    for (const std::string& secret : {keys_->rsa.public_pem(), keys_->rsa.jwk().dump()}) {
        const JwtCheck c = check(testing::sign_hs256(
            {{"alg", "HS256"}, {"kid", "rsa-1"}, {"typ", "JWT"}}, claims(), secret));
        EXPECT_FALSE(c.ok);
        EXPECT_NE(c.error.find("HMAC-signed tokens (HS256) are refused"), std::string::npos)
            << c.error;
    }
}

TEST_F(JwtVerify, RefusesAnAlgorithmThatDoesNotMatchTheKey) {
    // An RSA key's kid with ES256 in the header.
    const JwtCheck c = check(keys_->ec.sign(claims(), {{"kid", "rsa-1"}}));
    EXPECT_EQ(c.error, "the token's algorithm does not match its signing key");
}

TEST_F(JwtVerify, RefusesWrongIssuerAndAudience) {
    EXPECT_EQ(check(keys_->rsa.sign(claims({{"iss", "https://evil.example.com"}}))).error,
              "the token was issued by another issuer than https://idp.example.com");
    EXPECT_EQ(check(keys_->rsa.sign(claims({{"aud", "someone-else"}}))).error,
              "the token is not meant for this server (audience openzro)");
    EXPECT_FALSE(check(keys_->rsa.sign(claims({{"aud", json::array()}}))).ok);
}

TEST_F(JwtVerify, RefusesExpiredAndNotYetValidTokensBeyondTheLeeway) {
    EXPECT_EQ(check(keys_->rsa.sign(claims({{"exp", kNow - 61}}))).error, "the token has expired");
    EXPECT_TRUE(check(keys_->rsa.sign(claims({{"exp", kNow - 30}}))).ok);  // within the leeway
    EXPECT_EQ(check(keys_->rsa.sign(claims({{"nbf", kNow + 120}}))).error,
              "the token is not valid yet (nbf is in the future)");
    EXPECT_EQ(check(keys_->rsa.sign(claims({{"iat", kNow + 120}}))).error,
              "the token was issued in the future (iat)");
    json no_exp = claims();
    no_exp.erase("exp");
    EXPECT_EQ(check(keys_->rsa.sign(no_exp)).error, "the token has no valid exp, nbf or iat claim");
    EXPECT_FALSE(check(keys_->rsa.sign(claims({{"exp", "tomorrow"}}))).ok);
}

TEST_F(JwtVerify, ChecksTheNonceWhenExpected) {
    JwtExpectations e = expect();
    e.nonce = "n-123";
    EXPECT_TRUE(check(keys_->rsa.sign(claims({{"nonce", "n-123"}})), e).ok);
    EXPECT_EQ(check(keys_->rsa.sign(claims({{"nonce", "n-999"}})), e).error,
              "the token's nonce does not match this sign-in");
    EXPECT_FALSE(check(keys_->rsa.sign(claims()), e).ok);
}

TEST_F(JwtVerify, AnUnknownKidAsksForAJwksRefresh) {
    const TestKey other = TestKey::ec("rotated");
    const JwtCheck c = check(other.sign(claims()));
    EXPECT_FALSE(c.ok);
    EXPECT_TRUE(c.unknown_kid);
    EXPECT_EQ(c.error, "the token's signing key (kid \"rotated\") is not among the issuer's keys");
}

TEST_F(JwtVerify, RefusesOversizedAndMalformedTokensBeforeAnyCrypto) {
    const std::string big = keys_->rsa.sign(claims({{"pad", std::string(100 * 1024, 'x')}}));
    const JwtCheck c = check(big);
    EXPECT_FALSE(c.ok);
    EXPECT_EQ(c.error.rfind("the token is too large", 0), 0U) << c.error;
    for (const std::string& bad :
         std::initializer_list<std::string>{"", "abc", "a.b", "a.b.c.d", "!!.??.##", "e30.e30.***",
                                            "W10.e30.", std::string(20, '.')}) {
        const JwtCheck m = check(bad);
        EXPECT_FALSE(m.ok) << bad;
        EXPECT_FALSE(m.error.empty()) << bad;
    }
    // Deep nesting in the header is refused without building the tree.
    const std::string deep = std::string(5000, '[') + std::string(5000, ']');
    EXPECT_FALSE(check(base64url_encode(deep) + ".e30.AAAA").ok);
}

TEST(Jwks, SkipsKeysThatCannotSignTokensSafely) {
    const TestKey weak = TestKey::rsa("weak", 1024);
    const TestKey good = TestKey::ec("good");
    json bad_point = good.jwk();
    bad_point["kid"] = "off-curve";
    bad_point["y"] = bad_point["x"];
    json enc = good.jwk();
    enc["kid"] = "enc";
    enc["use"] = "enc";
    const json doc = {
        {"keys",
         {weak.jwk(), bad_point, enc, good.jwk(), {{"kty", "oct"}, {"k", "c2VjcmV0"}}, 42}}};
    std::string error;
    const auto jwks = Jwks::parse(doc.dump(), error);
    ASSERT_TRUE(jwks) << error;
    EXPECT_EQ(jwks->size(), 1U);
    EXPECT_NE(jwks->find("good"), nullptr);
    EXPECT_EQ(jwks->find("weak"), nullptr);
    EXPECT_FALSE(Jwks::parse("{\"keys\": {}}", error));
    EXPECT_FALSE(Jwks::parse("not json", error));
}

TEST(Base64Url, RoundTripsAndRefusesOtherAlphabets) {
    for (const char* s : {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe\x00"})
        EXPECT_EQ(base64url_decode(base64url_encode(s)), s);
    EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
    EXPECT_FALSE(base64url_decode("ab+/"));
    EXPECT_FALSE(base64url_decode("abc="));
    EXPECT_FALSE(base64url_decode("a"));
}

TEST(OutboundUrl, HttpsAnywherePlainHttpOnlyToLoopback) {
    EXPECT_EQ(outbound_url_error("https://example.okta.com/oauth2/v1/keys"), "");
    for (const char* ok :
         {"http://127.0.0.1:9000/", "http://localhost/x", "http://[::1]:80/", "http://127.1.2.3/"})
        EXPECT_EQ(outbound_url_error(ok), "") << ok;
    for (const char* bad : {"http://example.com/", "http://10.0.0.1/", "http://127.0.0.1.evil.com/",
                            "ftp://example.com/", "file:///etc/passwd", "https://user:pw@x.com/",
                            "not a url", "http://localhost.evil.com/", "http://[::2]/"})
        EXPECT_NE(outbound_url_error(bad), "") << bad;
}

}  // namespace
}  // namespace openzro
