// Signing in through an identity provider (issue 13, points 1, 2 and 5): the login redirect,
// the callback's refusals, who gets in, user approval, and the /auth endpoints around them.
#include <gtest/gtest.h>

#include "server/jwt.h"
#include "server/sign_in.h"
#include "tests/server/test_issuer.h"
#include "tests/server/test_server.h"

namespace openzro::testing {
namespace {

constexpr const char* kPublicUrl = "https://admin.example.com";

AppOptions options() {
    AppOptions o;
    o.public_url = kPublicUrl;
    return o;
}

// The value `name` is set to by a response's Set-Cookie headers ("" when cleared or absent).
std::optional<std::string> cookie_set(const Response& r, const std::string& name) {
    std::optional<std::string> out;
    for (const auto& [header, value] : r.headers) {
        if (!iequals(header, "set-cookie") || value.rfind(name + "=", 0) != 0) continue;
        out = value.substr(name.size() + 1, value.find(';') - name.size() - 1);
    }
    return out;
}

struct Started {
    Response response;
    std::map<std::string, std::string> query;  // of the provider's authorization URL
    std::string login_cookie;                  // "openzro_login=..."
};

class OidcSignIn : public ::testing::Test {
  protected:
    OidcSignIn() : server(options()), provider(server.outbound()) {
        const Response created = server.api("POST", "/api/identity-providers",
                                            {{"type", "okta"},
                                             {"name", "Okta"},
                                             {"issuer", provider.issuer()},
                                             {"client_id", TestIssuer::kClientId},
                                             {"client_secret", TestIssuer::kClientSecret},
                                             {"email_domain", "example.com"}});
        EXPECT_EQ(created.status, 200) << created.body;
        idp_id = string_field(body_of(created), "id");
    }

    Started start(const std::string& return_to = "#/team/users") {
        Started s;
        s.response = server.call(
            "GET", "/auth/oidc/login?idp=" + idp_id + "&return_to=" + encode(return_to));
        s.query = query_of(s.response.header("Location"));
        if (auto c = cookie_set(s.response, kLoginCookie))
            s.login_cookie = std::string(kLoginCookie) + "=" + *c;
        return s;
    }

    // The provider signs `email` in and sends the browser back with a code.
    Response finish(const Started& s, const std::string& email, json extra = json::object(),
                    const std::string& code = "code-1") {
        json claims = {{"sub", "00u-" + email},
                       {"email", email},
                       {"email_verified", true},
                       {"name", "Test Person"},
                       {"nonce", s.query.at("nonce")}};
        for (const auto& [k, v] : extra.items()) claims[k] = v;
        provider.authorize(code, s.query.at("code_challenge"), claims);
        return callback("code=" + code + "&state=" + s.query.at("state"), s.login_cookie);
    }

    Response callback(const std::string& query, const std::string& cookie) {
        return server.call("GET", "/auth/oidc/callback?" + query, "", {{"Cookie", cookie}});
    }

    static std::string encode(const std::string& text) {
        std::string out;
        for (const char c : text) {
            char buffer[4];
            std::snprintf(buffer, sizeof buffer, "%%%02X", static_cast<unsigned char>(c));
            out += buffer;
        }
        return out;
    }

    json current_user(const Response& signed_in) {
        const auto session = cookie_set(signed_in, kSessionCookie);
        if (!session || session->empty()) return nullptr;
        const Response r = server.call(
            "GET", "/api/users/current", "",
            {{"Cookie", std::string(kSessionCookie) + "=" + *session}, {"X-OpenZro-Request", "1"}});
        return r.status == 200 ? body_of(r) : json(r.status);
    }

    std::string add_user(const std::string& email, bool blocked = false) {
        UserRecord u;
        u.email = email;
        u.name = email;
        u.is_blocked = blocked;
        EXPECT_TRUE(server.store().insert_user(u));
        return u.id;
    }

    static void expect_refused(const Response& r, const std::string& code) {
        EXPECT_EQ(r.status, 302) << r.body;
        EXPECT_EQ(r.header("Location"), "/#/sign-in?error=" + code);
        const auto session = cookie_set(r, kSessionCookie);
        EXPECT_TRUE(!session || session->empty()) << "a refused sign-in sets no session";
    }

    TestServer server;
    TestIssuer provider;
    std::string idp_id;
};

// [SECTION] The login redirect
TEST_F(OidcSignIn, LoginRedirectsToTheProviderWithPkceStateAndNonce) {
    const Started s = start();
    ASSERT_EQ(s.response.status, 302) << s.response.body;
    const std::string location = s.response.header("Location");
    EXPECT_EQ(location.rfind(provider.authorization_endpoint() + "?", 0), 0u) << location;
    EXPECT_EQ(s.query.at("response_type"), "code");
    EXPECT_EQ(s.query.at("scope"), "openid email profile");
    EXPECT_EQ(s.query.at("client_id"), TestIssuer::kClientId);
    EXPECT_EQ(s.query.at("redirect_uri"), std::string(kPublicUrl) + "/auth/oidc/callback");
    EXPECT_EQ(s.query.at("code_challenge_method"), "S256");
    EXPECT_EQ(s.query.at("code_challenge").size(), 43u);
    EXPECT_GE(s.query.at("state").size(), 32u);
    EXPECT_GE(s.query.at("nonce").size(), 32u);
    EXPECT_EQ(s.response.header("Cache-Control"), "no-store");
    const std::string cookie = s.response.header("Set-Cookie");
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
    EXPECT_NE(cookie.find("Secure"), std::string::npos);
    // Two sign-ins never share state or nonce.
    const Started again = start();
    EXPECT_NE(again.query.at("state"), s.query.at("state"));
    EXPECT_NE(again.query.at("nonce"), s.query.at("nonce"));
}

TEST_F(OidcSignIn, UnknownProviderOrUnreachableIssuerIsAClearRefusal) {
    expect_refused(server.call("GET", "/auth/oidc/login?idp=nope"), "unknown_provider");
    expect_refused(server.call("GET", "/auth/oidc/login"), "unknown_provider");
    server.outbound().fail(provider.issuer() + "/.well-known/openid-configuration");
    expect_refused(server.call("GET", "/auth/oidc/login?idp=" + idp_id), "provider_error");
}

TEST_F(OidcSignIn, ReturnToOnlyEverNamesAnAppRoute) {
    add_user("member@example.com");
    const std::pair<const char*, const char*> cases[] = {
        {"#/team/users?source=okta", "/#/team/users?source=okta"},
        {"//evil.com", "/#/integrations"},
        {"https://evil.com", "/#/integrations"},
        {"/\\evil.com", "/#/integrations"},
        {"#//evil.com", "/#/integrations"},
        {"#/\\evil.com", "/#/integrations"},
        {"#/x\r\nSet-Cookie: openzro_session=forged", "/#/integrations"},
        {"javascript:alert(1)", "/#/integrations"},
        {"#/x\"><script>", "/#/integrations"},
        {"", "/#/integrations"},
    };
    int n = 0;
    for (const auto& [asked, landed] : cases) {
        const Started s = start(asked);
        const Response r = finish(s, "member@example.com", {}, "code-" + std::to_string(++n));
        EXPECT_EQ(r.status, 302) << asked;
        EXPECT_EQ(r.header("Location"), landed) << asked;
    }
}

// [SECTION] The callback's refusals: a clear page and no session
TEST_F(OidcSignIn, ReusedStateIsRefused) {
    add_user("member@example.com");
    const Started s = start();
    const Response first = finish(s, "member@example.com");
    ASSERT_EQ(first.status, 302);
    ASSERT_EQ(first.header("Location"), "/#/team/users");
    expect_refused(finish(s, "member@example.com", {}, "code-2"), "invalid_state");
}

TEST_F(OidcSignIn, UnknownMissingOrExpiredStateIsRefused) {
    const Started s = start();
    expect_refused(callback("code=c&state=unknown", s.login_cookie), "invalid_state");
    expect_refused(callback("code=c", s.login_cookie), "invalid_state");
    server.clock().advance(PendingLogins::kLifetimeS + 1);
    expect_refused(finish(s, "member@example.com"), "invalid_state");
    EXPECT_EQ(provider.exchanges(), 0);
}

TEST_F(OidcSignIn, StateFromAnotherBrowserIsRefused) {
    add_user("member@example.com");
    Started s = start();
    s.login_cookie = std::string(kLoginCookie) + "=" + std::string(43, 'a');
    expect_refused(finish(s, "member@example.com"), "invalid_state");
    Started without_cookie = start();
    without_cookie.login_cookie.clear();
    expect_refused(finish(without_cookie, "member@example.com", {}, "code-2"), "invalid_state");
    EXPECT_EQ(provider.exchanges(), 0);
}

TEST_F(OidcSignIn, WrongNonceIsRefused) {
    add_user("member@example.com");
    expect_refused(finish(start(), "member@example.com", {{"nonce", "another"}}), "invalid_token");
    json no_nonce = {{"sub", "x"}, {"email", "member@example.com"}, {"email_verified", true}};
    const Started s = start();
    provider.authorize("code-2", s.query.at("code_challenge"), no_nonce);
    expect_refused(callback("code=code-2&state=" + s.query.at("state"), s.login_cookie),
                   "invalid_token");
}

TEST_F(OidcSignIn, AnErrorFromTheProviderIsRefused) {
    const Started s = start();
    expect_refused(
        callback("error=access_denied&error_description=User+denied&state=" + s.query.at("state"),
                 s.login_cookie),
        "provider_error");
    EXPECT_EQ(provider.exchanges(), 0);
}

TEST_F(OidcSignIn, ACodeAlreadyExchangedIsRefused) {
    add_user("member@example.com");
    const Started first = start();
    ASSERT_EQ(finish(first, "member@example.com").header("Location"), "/#/team/users");
    const Started second = start();
    // The provider refuses the second exchange of the same code.
    expect_refused(callback("code=code-1&state=" + second.query.at("state"), second.login_cookie),
                   "exchange_failed");
}

TEST_F(OidcSignIn, ATokenFromAnotherIssuerOrAudienceOrUnsignedIsRefused) {
    add_user("member@example.com");
    expect_refused(finish(start(), "member@example.com", {{"iss", "https://evil.test"}}, "c1"),
                   "invalid_token");
    expect_refused(finish(start(), "member@example.com", {{"aud", "another-client"}}, "c2"),
                   "invalid_token");
    expect_refused(finish(start(), "member@example.com", {{"exp", provider.now_s - 3600}}, "c3"),
                   "invalid_token");
    // An unsigned token (alg none) with every claim right.
    const Started s = start();
    const json claims = {{"iss", provider.issuer()},      {"aud", TestIssuer::kClientId},
                         {"iat", provider.now_s},         {"exp", provider.now_s + 3600},
                         {"email", "member@example.com"}, {"email_verified", true},
                         {"nonce", s.query.at("nonce")}};
    const std::string unsigned_token = base64url_encode(R"({"alg":"none","typ":"JWT"})") + "." +
                                       base64url_encode(claims.dump()) + ".";
    server.outbound().serve_json(provider.token_endpoint(), {{"id_token", unsigned_token}});
    expect_refused(callback("code=c4&state=" + s.query.at("state"), s.login_cookie),
                   "invalid_token");
}

TEST_F(OidcSignIn, AnUnverifiedEmailNamesNobody) {
    add_user("member@example.com");
    expect_refused(finish(start(), "member@example.com", {{"email_verified", false}}),
                   "invalid_token");
}

// [SECTION] Who gets in
TEST_F(OidcSignIn, AKnownMemberSignsInAsThemselves) {
    const std::string id = add_user("Member@Example.com");
    const Response r = finish(start("#/team/users?x=1"), "member@example.COM");
    ASSERT_EQ(r.status, 302) << r.body;
    EXPECT_EQ(r.header("Location"), "/#/team/users?x=1");
    EXPECT_EQ(r.header("Cache-Control"), "no-store");
    const json me = current_user(r);
    EXPECT_EQ(me["id"], id);
    EXPECT_EQ(me["role"], "user");
    EXPECT_EQ(me["idp_id"], idp_id);
    EXPECT_NE(me["last_login"], "0001-01-01T00:00:00Z");
    // The login cookie has done its job.
    EXPECT_EQ(cookie_set(r, kLoginCookie), "");
}

TEST_F(OidcSignIn, AScimProvisionedUserSignsInByUserName) {
    ASSERT_EQ(server.scim("POST", "/Users", okta_user("jane.doe@example.com")).status, 201);
    const Response r = finish(start(), "jane.doe@example.com");
    EXPECT_EQ(current_user(r)["email"], "jane.doe@example.com");
}

TEST_F(OidcSignIn, ABlockedUserIsRefusedWithTheReason) {
    add_user("blocked@example.com", true);
    expect_refused(finish(start(), "blocked@example.com"), "blocked");
}

TEST_F(OidcSignIn, AnUnknownEmailOutsideTheDomainIsRefused) {
    expect_refused(finish(start(), "someone@elsewhere.org"), "not_in_domain");
    expect_refused(finish(start(), "someone@sub.example.com", {}, "c2"), "not_in_domain");
    expect_refused(finish(start(), "someone@example.com.evil.org", {}, "c3"), "not_in_domain");
    EXPECT_FALSE(server.store().user_by_email("someone@elsewhere.org"));
}

TEST_F(OidcSignIn, AnUnknownEmailInTheDomainJoinsAsAMember) {
    const Response r = finish(start(), "new.person@example.com");
    const json me = current_user(r);
    EXPECT_EQ(me["email"], "new.person@example.com");
    EXPECT_EQ(me["name"], "Test Person");
    EXPECT_EQ(me["role"], "user");
    EXPECT_EQ(me["pending_approval"], false);
    EXPECT_EQ(me["idp_id"], idp_id);
}

TEST_F(OidcSignIn, WithApprovalRequiredANewUserWaitsForAnAdmin) {
    const json accounts = body_of(server.api("GET", "/api/accounts"));
    ASSERT_EQ(accounts.size(), 1u);
    const std::string account = string_field(accounts[0], "id");
    const Response put =
        server.api("PUT", "/api/accounts/" + account,
                   {{"settings", {{"extra", {{"user_approval_required", true}}}}}});
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(body_of(put)["settings"]["extra"]["user_approval_required"], true);

    expect_refused(finish(start(), "waiting@example.com"), "pending_approval");
    const auto waiting = server.store().user_by_email("waiting@example.com");
    ASSERT_TRUE(waiting);
    const json listed = body_of(server.api("GET", "/api/users"));
    bool found = false;
    for (const auto& u : listed) {
        if (u["id"] != waiting->id) continue;
        found = true;
        EXPECT_EQ(u["pending_approval"], true);
        EXPECT_EQ(u["status"], "blocked");
    }
    EXPECT_TRUE(found);
    // Still waiting on a second try.
    expect_refused(finish(start(), "waiting@example.com", {}, "c2"), "pending_approval");

    const Response approved = server.api("POST", "/api/users/" + waiting->id + "/approve");
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(body_of(approved)["pending_approval"], false);
    EXPECT_EQ(body_of(approved)["status"], "active");
    EXPECT_EQ(server.api("POST", "/api/users/" + waiting->id + "/approve").status, 400);
    EXPECT_EQ(current_user(finish(start(), "waiting@example.com", {}, "c3"))["id"], waiting->id);
}

TEST_F(OidcSignIn, ARejectedUserIsRemoved) {
    server.store().set_user_approval_required(true);
    expect_refused(finish(start(), "rejected@example.com"), "pending_approval");
    const auto user = server.store().user_by_email("rejected@example.com");
    ASSERT_TRUE(user);
    const std::string member = add_user("plain@example.com");
    const std::string token = server.store().create_access_token(member, "t");
    EXPECT_EQ(server
                  .call("DELETE", "/api/users/" + user->id + "/reject", "",
                        {{"Authorization", "Token " + token}})
                  .status,
              403);
    EXPECT_EQ(server.api("DELETE", "/api/users/" + member + "/reject").status, 400);
    EXPECT_EQ(server.api("DELETE", "/api/users/" + user->id + "/reject").status, 200);
    EXPECT_FALSE(server.store().user(user->id));
}

// [SECTION] The public /auth endpoints
TEST_F(OidcSignIn, ProvidersAndConfigArePublic) {
    const Response providers = server.call("GET", "/auth/providers");
    ASSERT_EQ(providers.status, 200);
    EXPECT_EQ(body_of(providers),
              json::array({{{"id", idp_id}, {"name", "Okta"}, {"type", "okta"}}}));
    EXPECT_EQ(providers.body.find(TestIssuer::kClientSecret), std::string::npos);
    const json config = body_of(server.call("GET", "/auth/config"));
    EXPECT_EQ(config["public_url"], kPublicUrl);
    EXPECT_EQ(config["redirect_uri"], std::string(kPublicUrl) + "/auth/oidc/callback");
    EXPECT_EQ(config["post_logout_redirect_uri"], std::string(kPublicUrl) + "/");
}

TEST_F(OidcSignIn, TheEmailDomainIsStoredAndReturned) {
    const json idp = body_of(server.api("GET", "/api/identity-providers/" + idp_id));
    EXPECT_EQ(idp["email_domain"], "example.com");
    EXPECT_FALSE(idp.contains("client_secret"));
    const Response bad = server.api("PUT", "/api/identity-providers/" + idp_id,
                                    {{"type", "okta"},
                                     {"name", "Okta"},
                                     {"issuer", provider.issuer()},
                                     {"client_id", TestIssuer::kClientId},
                                     {"email_domain", "user@example.com"}});
    EXPECT_EQ(bad.status, 400);
}

// [SECTION] Pending sign-ins: single use, short-lived, bounded
TEST(PendingLogins, AreSingleUseExpireAndStayBoundedUnderAFlood) {
    TestServer server;
    ManualClock clock;
    constexpr std::size_t kBound = 200;  // the server's is PendingLogins::kMaxPending
    PendingLogins pending(server.store().db(), clock, kBound);
    const std::string state = pending.add({"idp", "nonce", "verifier", "#/x", "hash", 0});
    EXPECT_EQ(pending.take(state)->nonce, "nonce");
    EXPECT_FALSE(pending.take(state));
    const std::string late = pending.add({});
    clock.advance(PendingLogins::kLifetimeS);
    EXPECT_FALSE(pending.take(late));

    const std::string oldest = pending.add({});
    for (std::size_t i = 0; i < kBound + 50; ++i) pending.add({});
    EXPECT_EQ(pending.size(), kBound);
    EXPECT_FALSE(pending.take(oldest));  // the oldest made room
    // Only the state's hash is stored.
    auto stored = server.store().db().prepare(
        "SELECT COUNT(*) FROM pending_logins WHERE "
        "state_hash = ?");
    const std::string newest = pending.add({});
    stored.bind(1, newest);
    ASSERT_TRUE(stored.step());
    EXPECT_EQ(stored.integer(0), 0);
}

}  // namespace
}  // namespace openzro::testing
