// Bearer JWTs on the management API (--jwt-issuer, --jwt-audience) and the identity provider
// check, through the real App with the fake outbound serving discovery and JWKS.
#include <gtest/gtest.h>

#include <optional>

#include "tests/server/jwt_kit.h"
#include "tests/server/test_server.h"

namespace openzro::testing {
namespace {

constexpr const char* kIssuer = "https://idp.example.com";
constexpr const char* kDiscovery = "https://idp.example.com/.well-known/openid-configuration";
constexpr const char* kJwksUri = "https://idp.example.com/oauth2/v1/keys";

json discovery(const std::string& issuer = kIssuer) {
    return {{"issuer", issuer},
            {"authorization_endpoint", std::string(kIssuer) + "/oauth2/v1/authorize"},
            {"token_endpoint", std::string(kIssuer) + "/oauth2/v1/token"},
            {"jwks_uri", kJwksUri},
            {"end_session_endpoint", std::string(kIssuer) + "/oauth2/v1/logout"},
            {"userinfo_endpoint", std::string(kIssuer) + "/oauth2/v1/userinfo"}};
}

AppOptions jwt_options() {
    AppOptions o;
    o.jwt.issuer = kIssuer;
    o.jwt.audience = "openzro-api";
    return o;
}

class JwtBearerApi : public ::testing::Test {
  protected:
    // The issuer signs with the RSA key; the EC key is the one it rotates to.
    static void SetUpTestSuite() { keys_.emplace("key-1", "key-2"); }
    static void TearDownTestSuite() { keys_.reset(); }
    void SetUp() override {
        server_.outbound().serve_json(kDiscovery, discovery());
        publish({&keys_->rsa});
        ASSERT_EQ(server_.scim("POST", "/Users", okta_user("jane@example.com")).status, 201);
    }
    void publish(std::initializer_list<const TestKey*> keys) {
        server_.outbound().serve_json(kJwksUri, jwks_document(keys));
    }
    json claims(const json& extra = json::object()) {
        const std::int64_t now = server_.clock().now_s();
        json c = {{"iss", kIssuer}, {"aud", "openzro-api"},
                  {"sub", "00u1"},  {"email", "jane@example.com"},
                  {"iat", now},     {"exp", now + 3600}};
        c.update(extra);
        return c;
    }
    Response get(const std::string& token, const std::string& target = "/api/users/current") {
        return server_.call("GET", target, "", {{"Authorization", "Bearer " + token}});
    }
    // The answer must be a refusal with `status` and a message containing `text`.
    static void expect_refused(const Response& r, int status, const std::string& text) {
        EXPECT_EQ(r.status, status) << r.body;
        const std::string message = string_field(body_of(r), "message");
        EXPECT_NE(message.find(text), std::string::npos) << message;
    }

    static inline std::optional<KeyPair> keys_;
    TestServer server_{jwt_options()};
};

TEST_F(JwtBearerApi, AValidTokenForAKnownEmailActsAsThatUser) {
    const Response r = get(keys_->rsa.sign(claims()));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(string_field(body_of(r), "email"), "jane@example.com");
    EXPECT_EQ(r.header("Cache-Control"), "no-store");
    EXPECT_FALSE(r.header("X-Request-Id").empty());
    // Discovery and keys are cached: a second call makes no outbound request.
    const std::size_t calls = server_.outbound().requests().size();
    EXPECT_EQ(get(keys_->rsa.sign(claims())).status, 200);
    EXPECT_EQ(server_.outbound().requests().size(), calls);
}

TEST_F(JwtBearerApi, FindsTheUserByTheConfiguredClaim) {
    AppOptions o = jwt_options();
    o.jwt.email_claim = "upn";
    TestServer other(o);
    other.outbound().serve_json(kDiscovery, discovery());
    other.outbound().serve_json(kJwksUri, jwks_document({&keys_->rsa}));
    ASSERT_EQ(other.scim("POST", "/Users", okta_user("jane@example.com")).status, 201);
    const Response r = other.call(
        "GET", "/api/users/current", "",
        {{"Authorization", "Bearer " + keys_->rsa.sign(claims({{"upn", "jane@example.com"},
                                                               {"email", "x@example.com"}}))}});
    EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(JwtBearerApi, AValidTokenForAnUnknownEmailIsRefused) {
    expect_refused(get(keys_->rsa.sign(claims({{"email", "stranger@example.com"}}))), 403,
                   "no openZro user has the email stranger@example.com");
    json no_email = claims();
    no_email.erase("email");
    expect_refused(get(keys_->rsa.sign(no_email)), 401, "it has no \"email\" claim");
}

TEST_F(JwtBearerApi, EachBadTokenIs401WithAClearMessage) {
    std::string bad_signature = keys_->rsa.sign(claims());
    bad_signature[bad_signature.size() - 3] =
        bad_signature[bad_signature.size() - 3] == 'A' ? 'B' : 'A';
    expect_refused(get(bad_signature), 401, "the token's signature is invalid");
    expect_refused(get(unsigned_token({{"alg", "none"}, {"kid", "key-1"}}, claims())), 401,
                   "unsigned tokens (alg none) are refused");
    expect_refused(
        get(sign_hs256({{"alg", "HS256"}, {"kid", "key-1"}}, claims(), keys_->rsa.public_pem())),
        401, "HMAC-signed tokens (HS256) are refused");
    expect_refused(get(keys_->rsa.sign(claims({{"iss", "https://evil.example.com"}}))), 401,
                   "issued by another issuer");
    expect_refused(get(keys_->rsa.sign(claims({{"aud", "another-app"}}))), 401,
                   "not meant for this server");
    const std::int64_t now = server_.clock().now_s();
    expect_refused(get(keys_->rsa.sign(claims({{"exp", now - 3600}}))), 401,
                   "the token has expired");
    expect_refused(get(keys_->rsa.sign(claims({{"nbf", now + 3600}}))), 401, "not valid yet");
    expect_refused(get("not-a-jwt"), 401, "not a signed JWT");
}

TEST_F(JwtBearerApi, A100KbTokenIsRefusedWithoutAnyOutboundCall) {
    const std::string big = keys_->rsa.sign(claims({{"pad", std::string(100 * 1024, 'x')}}));
    expect_refused(get(big), 401, "the token is too large");
    EXPECT_TRUE(server_.outbound().requests().empty());
}

TEST_F(JwtBearerApi, AnUnknownKidRefreshesTheKeysOnceThen401) {
    ASSERT_EQ(get(keys_->rsa.sign(claims())).status, 200);
    EXPECT_EQ(server_.outbound().count(kJwksUri), 1U);
    expect_refused(get(keys_->ec.sign(claims())), 401, "kid \"key-2\"");
    EXPECT_EQ(server_.outbound().count(kJwksUri), 2U);
    // Another forged kid right away: no new fetch (rate-limited).
    expect_refused(get(TestKey::ec("key-3").sign(claims())), 401, "kid \"key-3\"");
    EXPECT_EQ(server_.outbound().count(kJwksUri), 2U);
}

TEST_F(JwtBearerApi, KeyRotationIsPickedUpWithin30Seconds) {
    ASSERT_EQ(get(keys_->rsa.sign(claims())).status, 200);
    publish({&keys_->rsa, &keys_->ec});  // the issuer rotates: a new key appears
    EXPECT_EQ(get(keys_->ec.sign(claims())).status, 200);
    // A second rotation right after the refresh waits for the rate limit, then is picked up.
    const TestKey third = TestKey::rsa("key-3");
    publish({&keys_->ec, &third});
    EXPECT_EQ(get(third.sign(claims())).status, 401);
    server_.clock().advance(30);
    EXPECT_EQ(get(third.sign(claims())).status, 200);
}

TEST_F(JwtBearerApi, AHangingJwksEndpointEndsIn503NotAHang) {
    server_.outbound().hang(kJwksUri);
    const Response r = get(keys_->rsa.sign(claims()));
    expect_refused(r, 503, "signing keys are unavailable");
    EXPECT_NE(r.body.find("timed out"), std::string::npos) << r.body;
    // The issuer recovers: the next call succeeds.
    publish({&keys_->rsa});
    EXPECT_EQ(get(keys_->rsa.sign(claims())).status, 200);
}

TEST_F(JwtBearerApi, AnUnreachableIssuerIs503) {
    server_.outbound().fail(kDiscovery);
    expect_refused(get(keys_->rsa.sign(claims())), 503,
                   "could not reach " + std::string(kDiscovery));
}

TEST_F(JwtBearerApi, BlockedUsersAreRefused) {
    const Response current = get(keys_->rsa.sign(claims()));
    const std::string id = string_field(body_of(current), "id");
    ASSERT_FALSE(id.empty());
    auto user = server_.store().user(id);
    ASSERT_TRUE(user);
    user->is_blocked = true;
    ASSERT_TRUE(server_.store().update_user(*user));
    expect_refused(get(keys_->rsa.sign(claims())), 403, "is blocked");
}

TEST(JwtBearerOff, WithoutAnIssuerABearerTokenIsRefusedAsBefore) {
    TestServer server;
    const Response r =
        server.call("GET", "/api/users/current", "", {{"Authorization", "Bearer abc.def.ghi"}});
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(string_field(body_of(r), "message"),
              "JWT authentication is not configured on this server");
    EXPECT_TRUE(server.outbound().requests().empty());
}

// [SECTION] POST /api/identity-providers/test
class IdentityProviderCheck : public ::testing::Test {
  protected:
    json check(const std::string& issuer) {
        const Response r =
            server_.api("POST", "/api/identity-providers/test", {{"issuer", issuer}});
        EXPECT_EQ(r.status, 200) << r.body;
        EXPECT_EQ(r.header("Cache-Control"), "no-store");
        return body_of(r);
    }
    TestServer server_;
};

TEST_F(IdentityProviderCheck, AnswersWhatDiscoveryFound) {
    server_.outbound().serve_json(kDiscovery, discovery());
    const json b = check("https://idp.example.com/");
    EXPECT_EQ(b["ok"], true);
    EXPECT_EQ(b["issuer"], kIssuer);
    EXPECT_EQ(b["jwks_uri"], kJwksUri);
    EXPECT_EQ(b["token_endpoint"], std::string(kIssuer) + "/oauth2/v1/token");
    EXPECT_EQ(b["end_session_endpoint"], std::string(kIssuer) + "/oauth2/v1/logout");
}

TEST_F(IdentityProviderCheck, SaysWhyItFailed) {
    server_.outbound().fail(kDiscovery);
    json b = check(kIssuer);
    EXPECT_EQ(b["ok"], false);
    EXPECT_EQ(b["reason"], "unreachable");

    server_.outbound().serve(kDiscovery, 404, "<html>Not found</html>", "text/html");
    b = check(kIssuer);
    EXPECT_EQ(b["reason"], "not_oidc");
    EXPECT_NE(string_field(b, "message").find("HTTP 404"), std::string::npos);

    server_.outbound().serve_json(kDiscovery, {{"hello", "world"}});
    EXPECT_EQ(check(kIssuer)["reason"], "not_oidc");

    server_.outbound().serve_json(kDiscovery, discovery("https://other.example.com"));
    b = check(kIssuer);
    EXPECT_EQ(b["reason"], "issuer_mismatch");
    EXPECT_NE(string_field(b, "message").find("https://other.example.com"), std::string::npos);

    server_.outbound().hang(kDiscovery);
    b = check(kIssuer);
    EXPECT_EQ(b["reason"], "unreachable");
    EXPECT_NE(string_field(b, "message").find("timed out"), std::string::npos);
}

TEST_F(IdentityProviderCheck, RefusesPlainHttpToAnotherHostWithoutConnecting) {
    const json b = check("http://idp.example.com");
    EXPECT_EQ(b["ok"], false);
    EXPECT_EQ(b["reason"], "insecure");
    EXPECT_TRUE(server_.outbound().requests().empty());
}

TEST_F(IdentityProviderCheck, NeedsAnIssuerAndAnAdmin) {
    EXPECT_EQ(server_.api("POST", "/api/identity-providers/test", {{"issuer", 5}}).status, 400);
    EXPECT_EQ(server_.api("POST", "/api/identity-providers/test", json::object()).status, 400);
    EXPECT_EQ(
        server_.call("POST", "/api/identity-providers/test", R"({"issuer":"https://x"})").status,
        401);
}

}  // namespace
}  // namespace openzro::testing
