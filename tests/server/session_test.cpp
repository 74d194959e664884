// Browser sessions in SQLite (issue 13, point 5): they survive a restart, expire, end on
// sign-out and when their user is blocked, deleted or given another role; only hashes are
// stored.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "server/auth.h"
#include "tests/server/test_server.h"

namespace openzro::testing {
namespace {

std::string sign_in_owner(TestServer& server) {
    return session_from(
        server.call("GET", "/auth/one-time?code=" + server.app().auth().issue_sign_in_code()));
}

std::map<std::string, std::string> with_session(const std::string& session) {
    return {{"Cookie", std::string(kSessionCookie) + "=" + session}, {"X-OpenZro-Request", "1"}};
}

int current_user_status(TestServer& server, const std::string& session) {
    return server.call("GET", "/api/users/current", "", with_session(session)).status;
}

std::string add_member(TestServer& server, const std::string& email) {
    UserRecord u;
    u.email = email;
    u.name = email;
    u.role = "user";
    EXPECT_TRUE(server.store().insert_user(u));
    return u.id;
}

json user_update(const std::string& role, bool blocked) {
    return {{"role", role}, {"auto_groups", json::array()}, {"is_blocked", blocked}};
}

TEST(Sessions, SurviveARestartOnTheSameDataFolder) {
    TestServer server;
    const std::string session = sign_in_owner(server);
    ASSERT_EQ(current_user_status(server, session), 200);

    std::string error;
    auto reopened = Store::open(server.dir().string(), server.database_url(), error);
    ASSERT_TRUE(reopened) << error;
    App restarted(*reopened, AppOptions{});
    Request r;
    r.method = "GET";
    r.target = "/api/users/current";
    r.headers = {{"cookie", std::string(kSessionCookie) + "=" + session},
                 {"x-openzro-request", "1"}};
    ASSERT_TRUE(parse_target(r));
    const Response after = restarted.handle(r);
    EXPECT_EQ(after.status, 200) << after.body;
    EXPECT_EQ(body_of(after)["role"], "owner");
}

TEST(Sessions, ExpireAfterTwelveHours) {
    TestServer server;
    const std::string session = sign_in_owner(server);
    server.clock().advance(Sessions::kLifetimeS - 60);
    EXPECT_EQ(current_user_status(server, session), 200);
    server.clock().advance(61);
    EXPECT_EQ(current_user_status(server, session), 401);
}

TEST(Sessions, LogoutNeedsTheCsrfHeaderAndEndsTheSession) {
    TestServer server;
    const std::string session = sign_in_owner(server);
    const std::string cookie = std::string(kSessionCookie) + "=" + session;
    EXPECT_EQ(server.call("POST", "/auth/logout", "", {{"Cookie", cookie}}).status, 403);
    EXPECT_EQ(current_user_status(server, session), 200);

    const Response out = server.call("POST", "/auth/logout", "", with_session(session));
    EXPECT_EQ(out.status, 204);
    EXPECT_NE(out.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
    EXPECT_EQ(out.header("Set-Cookie").find(session), std::string::npos);
    EXPECT_EQ(current_user_status(server, session), 401);
    EXPECT_EQ(server.call("POST", "/auth/logout", "", with_session(session)).status, 401);
    EXPECT_EQ(server.call("GET", "/auth/logout").status, 405);
}

TEST(Sessions, EndWhenTheUserIsBlockedDeletedOrChangesRole) {
    TestServer server;
    const std::string blocked = add_member(server, "blocked@example.com");
    const std::string promoted = add_member(server, "promoted@example.com");
    const std::string deleted = add_member(server, "deleted@example.com");
    const std::string renamed = add_member(server, "renamed@example.com");
    auto& sessions = server.app().auth().sessions();
    const std::string s_blocked = sessions.create(blocked);
    const std::string s_promoted = sessions.create(promoted);
    const std::string s_deleted = sessions.create(deleted);
    const std::string s_renamed = sessions.create(renamed);
    for (const auto* s : {&s_blocked, &s_promoted, &s_deleted, &s_renamed})
        ASSERT_EQ(current_user_status(server, *s), 200);

    EXPECT_EQ(server.api("PUT", "/api/users/" + blocked, user_update("user", true)).status, 200);
    EXPECT_EQ(server.api("PUT", "/api/users/" + promoted, user_update("admin", false)).status, 200);
    EXPECT_EQ(server.api("DELETE", "/api/users/" + deleted).status, 200);
    // Saving a user without changing role or status keeps the session.
    EXPECT_EQ(server.api("PUT", "/api/users/" + renamed, user_update("user", false)).status, 200);

    EXPECT_EQ(current_user_status(server, s_blocked), 401);
    EXPECT_EQ(current_user_status(server, s_promoted), 401);
    EXPECT_EQ(current_user_status(server, s_deleted), 401);
    EXPECT_EQ(current_user_status(server, s_renamed), 200);
    // Unblocking does not bring the old session back.
    EXPECT_EQ(server.api("PUT", "/api/users/" + blocked, user_update("user", false)).status, 200);
    EXPECT_EQ(current_user_status(server, s_blocked), 401);
}

TEST(Sessions, EndWhenScimDeactivatesTheUser) {
    TestServer server;
    const Response created = server.scim("POST", "/Users", okta_user("scim.member@example.com"));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = string_field(body_of(created), "id");
    const std::string session = server.app().auth().sessions().create(id);
    ASSERT_EQ(current_user_status(server, session), 200);
    const json deactivate = {
        {"schemas", json::array({"urn:ietf:params:scim:api:messages:2.0:PatchOp"})},
        {"Operations", json::array({{{"op", "replace"}, {"value", {{"active", false}}}}})}};
    ASSERT_EQ(server.scim("PATCH", "/Users/" + id, deactivate).status, 200);
    EXPECT_EQ(current_user_status(server, session), 401);
}

TEST(Sessions, AreStoredOnlyAsHashes) {
    TestServer server;
    const std::string session = sign_in_owner(server);
    server.store().db().exec("PRAGMA wal_checkpoint(FULL)");
    for (const auto& file : {"openzro.db", "openzro.db-wal"}) {
        std::ifstream in(server.dir() / file, std::ios::binary);
        std::stringstream content;
        content << in.rdbuf();
        EXPECT_EQ(content.str().find(session), std::string::npos) << file;
    }
    auto hashes = server.store().db().prepare("SELECT hash FROM sessions");
    ASSERT_TRUE(hashes.step());
    EXPECT_EQ(hashes.text(0).size(), 64u);
}

}  // namespace
}  // namespace openzro::testing
