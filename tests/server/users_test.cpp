// Team > Users at parity with NetBird's: creating users, invites, personal access tokens, the
// rules integration-issued users keep, and one permission matrix over every users route.
#include <gtest/gtest.h>

#include <array>

#include "server/crypto.h"
#include "tests/server/test_server.h"

namespace openzro::testing {
namespace {

// [SECTION] A server with one caller of each kind and the users they act on
enum Caller { kOwner, kAdmin, kUser, kServiceAdmin, kServiceUser, kBlocked, kCallers };
const char* const kCallerNames[] = {"owner",        "admin",       "user",
                                    "ServiceAdmin", "ServiceUser", "blocked"};

class Team {
  public:
    Team() {
        ids[kOwner] = server.store().owner_id();
        tokens[kOwner] = server.pat();
        const std::pair<Caller, std::pair<const char*, bool>> others[] = {
            {kAdmin, {"admin", false}},
            {kUser, {"user", false}},
            {kServiceAdmin, {"admin", true}},
            {kServiceUser, {"user", true}},
            {kBlocked, {"admin", false}}};
        for (const auto& [caller, kind] : others) {
            ids[caller] =
                add_user(kCallerNames[caller], kind.first, kind.second, caller == kBlocked);
            tokens[caller] = server.store().create_access_token(ids[caller], "t");
        }
        other = add_user("other", "user", false, false, true);
        robot = add_user("robot", "user", true);
        other_token = token_id(server.store().create_access_token(other, "other's"));
        okta = body_of(server.scim("POST", "/Users", okta_user("okta@example.com")))["id"];
        okta_group =
            body_of(server.scim("POST", "/Groups",
                                {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
                                 {"displayName", "Engineering"},
                                 {"members", {{{"value", okta}}}}}))["id"];
        GroupRecord local;
        local.name = "Local";
        EXPECT_TRUE(server.store().insert_group(local));
        local_group = local.id;
    }

    std::string add_user(const std::string& name, const std::string& role, bool service,
                         bool blocked = false, bool invited = false) {
        UserRecord u = plain_user(name + "@example.com", role, service);
        u.is_blocked = blocked;
        u.invited = invited;
        EXPECT_TRUE(server.store().insert_user(u));
        return u.id;
    }

    std::string token_id(const std::string& plain) {
        auto s = server.store().db().prepare("SELECT id FROM access_tokens WHERE hash = ?");
        s.bind(1, crypto::sha256_hex(plain));
        return s.step() ? s.text(0) : std::string();
    }

    Response as(Caller caller, const std::string& method, const std::string& path,
                const std::string& body = "") {
        return server.call(method, path, body, {{"Authorization", "Token " + tokens[caller]}});
    }

    TestServer server;
    std::array<std::string, kCallers> ids, tokens;
    std::string other, robot, other_token, okta, okta_group, local_group;
};

// [SECTION] The permission matrix
// {self} is the caller, {self_token} the caller's own token; {other} an invited person,
// {robot} a service user with role user, {okta} an Okta-issued person in {okta_group}.
struct Route {
    const char* method;
    const char* path;
    const char* body;
    std::array<int, kCallers> status;  // owner, admin, user, service admin, service user, blocked
};

constexpr std::array<int, kCallers> kAdmins = {200, 200, 403, 200, 403, 403};
constexpr std::array<int, kCallers> kEveryone = {200, 200, 200, 200, 200, 403};
constexpr std::array<int, kCallers> kNobody = {403, 403, 403, 403, 403, 403};

const Route kRoutes[] = {
    {"GET", "/api/users/current", "", kEveryone},
    {"GET", "/api/users", "", kAdmins},
    {"POST", "/api/users",
     R"({"email":"new@example.com","name":"New","role":"user","auto_groups":[],"is_service_user":false})",
     kAdmins},
    {"POST", "/api/users",
     R"({"name":"Bot","role":"admin","auto_groups":[],"is_service_user":true})", kAdmins},
    {"PUT", "/api/users/{other}", R"({"role":"admin","auto_groups":["{local}"],"is_blocked":true})",
     kAdmins},
    {"PUT", "/api/users/{okta}",
     R"({"role":"admin","auto_groups":["{okta_group}","{local}"],"is_blocked":false})", kAdmins},
    {"DELETE", "/api/users/{other}", "", kAdmins},
    {"POST", "/api/users/{other}/invite", "", kAdmins},
    {"GET", "/api/users/{self}/tokens", "", kEveryone},
    {"POST", "/api/users/{self}/tokens", R"({"name":"mine","expires_in":30})", kEveryone},
    {"GET", "/api/users/{self}/tokens/{self_token}", "", kEveryone},
    {"DELETE", "/api/users/{self}/tokens/{self_token}", "", kEveryone},
    {"GET", "/api/users/{other}/tokens", "", kAdmins},
    {"GET", "/api/users/{other}/tokens/{other_token}", "", kAdmins},
    {"DELETE", "/api/users/{other}/tokens/{other_token}", "", kAdmins},
    {"POST", "/api/users/{other}/tokens", R"({"name":"theirs","expires_in":30})", kNobody},
    {"POST", "/api/users/{robot}/tokens", R"({"name":"robot's","expires_in":30})", kAdmins},
    {"GET", "/api/groups", "", kAdmins},
    {"POST", "/api/groups", R"({"name":"New group"})", kAdmins},
    {"GET", "/api/identity-providers", "", kAdmins},
    {"GET", "/api/integrations/okta-scim-idp", "", kAdmins},
    {"GET", "/api/accounts", "", kAdmins},
};

std::string filled(std::string text, const Team& team, Caller caller,
                   const std::string& self_token) {
    const std::pair<const char*, std::string> values[] = {{"{self_token}", self_token},
                                                          {"{self}", team.ids[caller]},
                                                          {"{other_token}", team.other_token},
                                                          {"{other}", team.other},
                                                          {"{robot}", team.robot},
                                                          {"{okta_group}", team.okta_group},
                                                          {"{okta}", team.okta},
                                                          {"{local}", team.local_group}};
    for (const auto& [name, value] : values)
        for (auto at = text.find(name); at != std::string::npos; at = text.find(name, at))
            text.replace(at, std::string(name).size(), value);
    return text;
}

class PermissionMatrix : public ::testing::TestWithParam<std::tuple<std::size_t, Caller>> {};

TEST_P(PermissionMatrix, TheServerEnforcesWhatCurrentAdvertises) {
    const auto [row, caller] = GetParam();
    const Route& route = kRoutes[row];
    Team team;
    // What /api/users/current advertises (asked first: a route may revoke the caller's token).
    const json current = body_of(team.as(caller, "GET", "/api/users/current"));
    const json modules = current.value("permissions", json::object()).value("modules", json{});
    const std::string self_token = team.token_id(team.tokens[caller]);
    const Response r = team.as(caller, route.method, filled(route.path, team, caller, self_token),
                               filled(route.body, team, caller, self_token));
    EXPECT_EQ(r.status, route.status[caller])
        << route.method << " " << route.path << ": " << r.body;
    if (caller == kBlocked) return;
    // The answer agrees with what /api/users/current advertised for the route's module.
    const bool is_token_route = std::string(route.path).find("/tokens") != std::string::npos;
    const bool is_user_route = std::string(route.path).rfind("/api/users", 0) == 0;
    if (std::string(route.path) == "/api/users/current" || !is_user_route) return;
    const char* op = std::string(route.method) == "GET"      ? "read"
                     : std::string(route.method) == "POST"   ? "create"
                     : std::string(route.method) == "DELETE" ? "delete"
                                                             : "update";
    const bool advertised = modules.at(is_token_route ? "pats" : "users").at(op).get<bool>();
    if (!advertised) {
        EXPECT_EQ(r.status, 403);
    } else if (!is_token_route) {
        EXPECT_EQ(r.status, 200);
    }
}

INSTANTIATE_TEST_SUITE_P(Routes, PermissionMatrix,
                         ::testing::Combine(::testing::Range<std::size_t>(0, std::size(kRoutes)),
                                            ::testing::Values(kOwner, kAdmin, kUser, kServiceAdmin,
                                                              kServiceUser, kBlocked)),
                         [](const ::testing::TestParamInfo<PermissionMatrix::ParamType>& param) {
                             return "route" + std::to_string(std::get<0>(param.param)) + "_" +
                                    kCallerNames[std::get<1>(param.param)];
                         });

// [SECTION] Creating users and invites
class Users : public ::testing::Test {
  protected:
    Response post(const std::string& path, const std::string& body) {
        return team.as(kOwner, "POST", path, body);
    }
    Team team;
};

TEST_F(Users, APersonIsInvitedUntilTheInviteLinkIsUsedOnce) {
    const json made = body_of(post("/api/users", R"({"email":"ann@example.com","role":"admin",)"
                                                 R"("auto_groups":[],"is_service_user":false})"));
    EXPECT_EQ(made["status"], "invited");
    EXPECT_EQ(made["name"], "ann@example.com");
    const std::string id = made["id"];
    const json link = body_of(post("/api/users/" + id + "/invite", ""));
    const std::string url = link["invite_link"];
    ASSERT_EQ(url.rfind("/auth/one-time?code=", 0), 0u) << url;
    EXPECT_EQ(link["invite_expires_at"], utc_time(team.server.clock().now_s() + 7 * 86400));
    // A second invite replaces the first link.
    const std::string second = body_of(post("/api/users/" + id + "/invite", ""))["invite_link"];
    EXPECT_EQ(team.server.call("GET", url).status, 401);
    EXPECT_EQ(team.server.call("GET", second).status, 302);
    EXPECT_EQ(team.server.call("GET", second).status, 401);  // valid once
    EXPECT_EQ(body_of(team.server.api("GET", "/api/users"))[9]["status"], "active");
    // Signed in: no more invites (an admin cannot sign in as someone using the account).
    EXPECT_EQ(post("/api/users/" + id + "/invite", "").status, 400);
    EXPECT_EQ(post("/api/users/" + team.ids[kOwner] + "/invite", "").status, 400);
    EXPECT_EQ(post("/api/users/" + team.robot + "/invite", "").status, 400);
    EXPECT_EQ(post("/api/users/" + team.okta + "/invite", "").status, 400);
}

TEST_F(Users, AnInviteLinkLastsSevenDays) {
    const std::string url =
        body_of(post("/api/users/" + team.other + "/invite", ""))["invite_link"];
    team.server.clock().advance(7 * 86400);
    EXPECT_EQ(team.server.call("GET", url).status, 401);
}

TEST_F(Users, ServiceUsersNeedANameAndHaveNoEmail) {
    const json bot =
        body_of(post("/api/users", R"({"name":"CI","email":"x@example.com",)"
                                   R"("role":"user","auto_groups":[],"is_service_user":true})"));
    EXPECT_EQ(bot["is_service_user"], true);
    EXPECT_EQ(bot["email"], "");
    EXPECT_EQ(bot["status"], "active");
    EXPECT_EQ(
        post("/api/users", R"({"role":"user","auto_groups":[],"is_service_user":true})").status,
        400);
}

TEST_F(Users, CreateRefusesBadInput) {
    const std::string long_name(256, 'n');
    const std::string bodies[] = {
        "[]",
        R"({"email":"a@example.com","role":"user","auto_groups":[]})",
        R"({"email":"a@example.com","role":"owner","auto_groups":[],"is_service_user":false})",
        R"({"email":"a@example.com","role":"king","auto_groups":[],"is_service_user":false})",
        R"({"email":"no-at-sign","role":"user","auto_groups":[],"is_service_user":false})",
        R"({"email":"other@example.com","role":"user","auto_groups":[],"is_service_user":false})",
        R"({"email":"a@example.com","role":"user","auto_groups":["nope"],"is_service_user":false})",
        R"({"email":"a@example.com","name":")" + long_name +
            R"(","role":"user","auto_groups":[],"is_service_user":false})",
        R"({"email":"a@example.com","name":"a\nb","role":"user","auto_groups":[],"is_service_user":false})",
        R"({"email":"a@example.com","role":"user","auto_groups":["{okta_group}"],"is_service_user":false})",
    };
    const int expected[] = {400, 400, 403, 400, 400, 400, 400, 400, 400, 403};
    for (std::size_t i = 0; i < std::size(bodies); ++i)
        EXPECT_EQ(post("/api/users", filled(bodies[i], team, kOwner, "")).status, expected[i])
            << bodies[i];
}

// [SECTION] Okta-issued users: Okta owns name, email, active state and its groups
TEST_F(Users, AnOktaIssuedUserTakesARoleAndLocalGroupsOnly) {
    const auto put = [&](const std::string& body) {
        return team.as(kAdmin, "PUT", "/api/users/" + team.okta, filled(body, team, kOwner, ""));
    };
    const Response ok =
        put(R"({"role":"admin","auto_groups":["{okta_group}","{local}"],"is_blocked":false})");
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(body_of(ok)["role"], "admin");
    EXPECT_EQ(body_of(ok)["name"], "Jane Doe");
    EXPECT_EQ(put(R"({"role":"admin","auto_groups":["{local}"],"is_blocked":false})").status, 403);
    EXPECT_EQ(put(R"({"role":"admin","auto_groups":["{okta_group}"],"is_blocked":true})").status,
              403);
    EXPECT_EQ(put(R"({"role":"user","auto_groups":["{okta_group}"],"is_blocked":false})").status,
              200);
    // Nobody else joins a group Okta pushes through this call.
    const Response join =
        team.as(kAdmin, "PUT", "/api/users/" + team.other,
                filled(R"({"role":"user","auto_groups":["{okta_group}"],"is_blocked":false})", team,
                       kOwner, ""));
    EXPECT_EQ(join.status, 403);
    EXPECT_NE(body_of(join)["message"].get<std::string>().find("Okta"), std::string::npos);
}

// [SECTION] Personal access tokens
TEST_F(Users, APlainTokenIsShownOnceAndStoredAsItsHash) {
    const json made = body_of(
        post("/api/users/" + team.ids[kOwner] + "/tokens", R"({"name":"laptop","expires_in":30})"));
    const std::string plain = made["plain_token"];
    const json& token = made["personal_access_token"];
    EXPECT_EQ(token["name"], "laptop");
    EXPECT_EQ(token["created_by"], team.ids[kOwner]);
    EXPECT_EQ(token["expiration_date"], utc_time(team.server.clock().now_s() + 30 * 86400));
    EXPECT_FALSE(token.contains("last_used"));
    const std::string listed =
        team.as(kOwner, "GET", "/api/users/" + team.ids[kOwner] + "/tokens").body;
    EXPECT_EQ(listed.find(plain), std::string::npos);
    auto s = team.server.store().db().prepare("SELECT hash FROM access_tokens WHERE id = ?");
    s.bind(1, token["id"].get<std::string>());
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), crypto::sha256_hex(plain));
}

TEST_F(Users, ATokenExpiresAndKeepsItsLastUse) {
    const json made = body_of(
        post("/api/users/" + team.ids[kOwner] + "/tokens", R"({"name":"short","expires_in":1})"));
    const std::string plain = made["plain_token"];
    const std::string path = "/api/users/" + team.ids[kOwner] + "/tokens/" +
                             made["personal_access_token"]["id"].get<std::string>();
    const auto with_token = [&] {
        return team.server.call("GET", "/api/users/current", "",
                                {{"Authorization", "Token " + plain}});
    };
    EXPECT_EQ(with_token().status, 200);
    EXPECT_EQ(body_of(team.server.api("GET", path))["last_used"],
              utc_time(team.server.clock().now_s()));
    team.server.clock().advance(86400);
    EXPECT_EQ(with_token().status, 401);
    EXPECT_EQ(team.server.api("DELETE", path).status, 200);
    EXPECT_EQ(team.server.api("GET", path).status, 404);
}

TEST_F(Users, TokenRequestsAreChecked) {
    const std::string path = "/api/users/" + team.ids[kOwner] + "/tokens";
    const std::string bodies[] = {R"({"name":"t","expires_in":0})",
                                  R"({"name":"t","expires_in":366})",
                                  R"({"name":"t","expires_in":"30"})",
                                  R"({"name":"t","expires_in":1.5})",
                                  R"({"name":"t"})",
                                  R"({"name":"","expires_in":30})",
                                  R"({"expires_in":30})",
                                  "null"};
    for (const auto& body : bodies) EXPECT_EQ(post(path, body).status, 400) << body;
    EXPECT_EQ(post(path, R"({"name":"t","expires_in":365})").status, 200);
    EXPECT_EQ(post("/api/users/nobody/tokens", R"({"name":"t","expires_in":1})").status, 404);
}

}  // namespace
}  // namespace openzro::testing
