// Sign-in links, session cookie + CSRF header, access tokens, SCIM token separation, hashing,
// and slowing down repeated failures.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "server/auth.h"
#include "tests/server/test_server.h"

namespace openzro::testing {
namespace {

TEST(Auth, OneTimeLinkSetsALaxHttpOnlyCookieOnce) {
    TestServer server;
    const std::string code = server.app().auth().issue_sign_in_code();
    const Response r = server.call("GET", "/auth/one-time?code=" + code);
    ASSERT_EQ(r.status, 302);
    EXPECT_EQ(r.header("Location"), "/");
    const std::string cookie = r.header("Set-Cookie");
    EXPECT_EQ(cookie.rfind("openzro_session=", 0), 0u);
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
    EXPECT_NE(cookie.find("Path=/"), std::string::npos);
    EXPECT_EQ(server.call("GET", "/auth/one-time?code=" + code).status, 401);  // single use
    EXPECT_EQ(server.call("GET", "/auth/one-time?code=wrong").status, 401);
    EXPECT_FALSE(server.call("GET", "/auth/one-time?code=wrong").header("X-Request-Id").empty());
}

TEST(Auth, SessionCookieNeedsTheCsrfHeader) {
    TestServer server;
    const std::string session = session_from(
        server.call("GET", "/auth/one-time?code=" + server.app().auth().issue_sign_in_code()));
    const std::string cookie = "theme=dark; openzro_session=" + session;
    EXPECT_EQ(server.call("GET", "/api/users/current", "", {{"Cookie", cookie}}).status, 403);
    EXPECT_EQ(
        server
            .call("GET", "/api/users/current", "", {{"Cookie", cookie}, {"X-OpenZro-Request", "0"}})
            .status,
        403);
    const Response ok = server.call("GET", "/api/users/current", "",
                                    {{"Cookie", cookie}, {"X-OpenZro-Request", "1"}});
    ASSERT_EQ(ok.status, 200);
    EXPECT_EQ(body_of(ok)["role"], "owner");
    EXPECT_EQ(server
                  .call("GET", "/api/users/current", "",
                        {{"Cookie", "openzro_session=forged"}, {"X-OpenZro-Request", "1"}})
                  .status,
              401);
}

TEST(Auth, AccessTokenAndScimTokenOpenOnlyTheirOwnApi) {
    TestServer server;
    struct Case {
        const char* path;
        std::string authorization;
        int status;
    };
    for (const Case& c : {
             Case{"/api/users", "Token " + server.pat(), 200},
             Case{"/api/users", "token " + server.pat(), 200},
             // An access token never opens SCIM, in either scheme.
             Case{"/api/scim/v2/Users", "Bearer " + server.pat(), 401},
             Case{"/api/scim/v2/Users", "Token " + server.pat(), 401},
             // A SCIM token opens only SCIM.
             Case{"/api/users", "Token " + server.scim_token(), 401},
             Case{"/api/users", "Bearer " + server.scim_token(), 401},
         }) {
        SCOPED_TRACE(std::string(c.path) + " " + c.authorization);
        EXPECT_EQ(server.call("GET", c.path, "", {{"Authorization", c.authorization}}).status,
                  c.status);
    }
    EXPECT_EQ(server.call("GET", "/api/users").status, 401);
    const json error = body_of(server.call("GET", "/api/users"));
    EXPECT_EQ(error["code"], 401);
    EXPECT_TRUE(error["message"].is_string());
}

TEST(Auth, TokensAreStoredOnlyAsHashes) {
    TestServer server;
    server.store().db().exec("PRAGMA wal_checkpoint(FULL)");
    for (const auto& file : {"openzro.db", "openzro.db-wal"}) {
        std::ifstream in(server.dir() / file, std::ios::binary);
        std::stringstream content;
        content << in.rdbuf();
        EXPECT_EQ(content.str().find(server.pat()), std::string::npos) << file;
        EXPECT_EQ(content.str().find(server.scim_token()), std::string::npos) << file;
    }
    auto hashes = server.store().db().prepare("SELECT hash FROM access_tokens");
    ASSERT_TRUE(hashes.step());
    EXPECT_EQ(hashes.text(0).size(), 64u);
}

TEST(Auth, RepeatedFailuresFromOneAddressAreSlowedDown) {
    TestServer server;
    int last_delay = 0;
    for (int i = 0; i < 8; ++i)
        last_delay = server.call("GET", "/api/scim/v2/Users", "", {{"Authorization", "Bearer bad"}})
                         .delay_ms;
    EXPECT_GT(last_delay, 0);
    EXPECT_EQ(server.scim("GET", "/Users").delay_ms, 0);  // a valid token is never held back
}

TEST(Auth, HeaderHelpers) {
    EXPECT_EQ(cookie_value("a=1; openzro_session=xyz; b=2", "openzro_session"), "xyz");
    EXPECT_EQ(cookie_value("openzro_sessionx=1", "openzro_session"), "");
    EXPECT_EQ(credential("Bearer abc", "Bearer"), "abc");
    EXPECT_EQ(credential("bearer abc", "Bearer"), "abc");
    EXPECT_FALSE(credential("Bearerabc", "Bearer"));
    EXPECT_FALSE(credential("Token abc", "Bearer"));
}

}  // namespace
}  // namespace openzro::testing
