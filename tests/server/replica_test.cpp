// Replicas of one database (issue 16): what one server process writes or starts, another
// sees or finishes, on both engines; and a PostgreSQL connection that drops.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>

#include "server/auth.h"
#include "tests/server/test_server.h"

namespace openzro::testing {
namespace {

bool lists_email(const Response& r, const std::string& email) {
    for (const auto& user : body_of(r))
        if (string_field(user, "email") == email) return true;
    return false;
}

TEST(Replicas, AUserCreatedThroughOneIsListedByTheOtherDespiteItsCache) {
    TestServer a;
    TestServer b(TestServer::ReplicaOf{a});
    const Response before = b.api("GET", "/api/users");  // B caches its listing
    ASSERT_EQ(before.status, 200);
    EXPECT_FALSE(lists_email(before, "replica@example.com"));
    ASSERT_EQ(a.scim("POST", "/Users", okta_user("replica@example.com")).status, 201);
    EXPECT_TRUE(lists_email(b.api("GET", "/api/users"), "replica@example.com"));
    // The same userName through B is taken.
    EXPECT_EQ(b.scim("POST", "/Users", okta_user("REPLICA@example.com")).status, 409);
}

TEST(Replicas, ASignInCodeFromOneIsRedeemedOnceAndItsSessionWorksOnBoth) {
    TestServer a;
    TestServer b(TestServer::ReplicaOf{a});
    const std::string code = a.app().auth().issue_sign_in_code();
    ASSERT_FALSE(code.empty());
    const Response redeemed = b.call("GET", "/auth/one-time?code=" + code);
    ASSERT_EQ(redeemed.status, 302);
    EXPECT_EQ(a.call("GET", "/auth/one-time?code=" + code).status, 401);  // single use
    const std::map<std::string, std::string> headers = {
        {"Cookie", std::string(kSessionCookie) + "=" + session_from(redeemed)}, {kCsrfHeader, "1"}};
    EXPECT_EQ(a.call("GET", "/api/users/current", "", headers).status, 200);
    EXPECT_EQ(b.call("GET", "/api/users/current", "", headers).status, 200);
}

TEST(Replicas, ASignInCodeExpiresAfterTenMinutes) {
    TestServer a;
    const std::string code = a.app().auth().issue_sign_in_code();
    a.clock().advance(10 * 60);
    EXPECT_EQ(a.call("GET", "/auth/one-time?code=" + code).status, 401);
}

// Ends the server's own connection from another one, as a restart of PostgreSQL does.
void drop_connection(TestServer& server) {
    auto pid = server.store().db().prepare("SELECT pg_backend_pid()");
    ASSERT_TRUE(pid.step());
    PGconn* admin = PQconnectdb(std::getenv("OPENZRO_TEST_POSTGRES"));
    const std::string sql = "SELECT pg_terminate_backend(" + pid.text(0) + ")";
    PGresult* result = PQexec(admin, sql.c_str());
    EXPECT_EQ(PQresultStatus(result), PGRES_TUPLES_OK) << PQerrorMessage(admin);
    PQclear(result);
    PQfinish(admin);
}

TEST(Replicas, ALostConnectionAnswers503AndTheNextRequestReconnects) {
    OPENZRO_POSTGRES_ONLY();
    TestServer server;
    ASSERT_EQ(server.scim("POST", "/Users", okta_user("kept@example.com")).status, 201);
    drop_connection(server);
    ::testing::internal::CaptureStderr();
    const Response lost = server.scim("GET", "/Users");
    const std::string log = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(lost.status, 503) << lost.body;
    EXPECT_FALSE(lost.header("Retry-After").empty());
    EXPECT_NE(log.find("PostgreSQL unavailable"), std::string::npos) << log;
    const Response back = server.scim("GET", "/Users");
    ASSERT_EQ(back.status, 200) << back.body;
    EXPECT_EQ(body_of(back)["totalResults"], 1);
}

}  // namespace
}  // namespace openzro::testing
