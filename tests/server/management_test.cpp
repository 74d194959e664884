// Management API rules from API.md: users, groups, identity providers, Okta SCIM integrations.
#include <gtest/gtest.h>

#include "tests/server/test_server.h"

namespace openzro::testing {
namespace {

class Management : public ::testing::Test {
  protected:
    std::string owner_id() { return server.store().owner_id(); }
    std::string add_user(const std::string& email, const std::string& role = "user",
                         bool service = false) {
        UserRecord u;
        u.email = email;
        u.name = email;
        u.role = role;
        u.is_service_user = service;
        EXPECT_TRUE(server.store().insert_user(u));
        return u.id;
    }
    std::string scim_user(const std::string& user_name) {
        return body_of(server.scim("POST", "/Users", okta_user(user_name)))["id"];
    }
    void expect_error(const Response& r, int status, const std::string& message_part = "") {
        EXPECT_EQ(r.status, status) << r.body;
        EXPECT_EQ(r.header("Content-Type"), "application/json");
        const json b = body_of(r);
        EXPECT_EQ(b["code"], status);
        ASSERT_TRUE(b["message"].is_string());
        EXPECT_NE(b["message"].get<std::string>().find(message_part), std::string::npos)
            << b["message"];
    }
    TestServer server;
};

TEST_F(Management, CurrentUserCarriesPermissions) {
    const Response r = server.api("GET", "/api/users/current");
    ASSERT_EQ(r.status, 200);
    const json u = body_of(r);
    EXPECT_EQ(u["role"], "owner");
    EXPECT_EQ(u["is_current"], true);
    EXPECT_EQ(u["permissions"]["is_restricted"], false);
    for (const char* op : {"create", "read", "update", "delete"})
        EXPECT_EQ(u["permissions"]["modules"]["users"][op], true);
    EXPECT_FALSE(r.header("X-Request-Id").empty());
}

TEST_F(Management, ListUsersFiltersServiceUsers) {
    add_user("svc@example.com", "admin", true);
    add_user("plain@example.com");
    const json people = body_of(server.api("GET", "/api/users?service_user=false"));
    EXPECT_EQ(people.size(), 2u);
    for (const auto& u : people) EXPECT_EQ(u["is_service_user"], false);
    EXPECT_EQ(body_of(server.api("GET", "/api/users?service_user=true")).size(), 1u);
    const json& plain = people[1];
    EXPECT_EQ(plain["last_login"], "0001-01-01T00:00:00Z");
    EXPECT_EQ(plain["issued"], "api");
}

TEST_F(Management, RepeatedListingsSeeEveryChange) {
    EXPECT_EQ(body_of(server.api("GET", "/api/users")).size(), 1u);
    EXPECT_EQ(body_of(server.api("GET", "/api/users")).size(), 1u);
    const std::string id = scim_user("jane@example.com");
    EXPECT_EQ(body_of(server.api("GET", "/api/users")).size(), 2u);
    server.scim("PATCH", "/Users/" + id,
                {{"Operations", {{{"op", "replace"}, {"value", {{"active", false}}}}}}});
    EXPECT_EQ(body_of(server.api("GET", "/api/users"))[1]["status"], "blocked");
}

// The listing is cached for every caller alike; each caller finds itself as is_current, and
// group changes (a membership pushed by Okta) show on the next listing.
TEST_F(Management, ACachedListingIsEachCallersOwnAndSeesGroupChanges) {
    const std::string admin = add_user("admin@example.com", "admin");
    const std::string token = server.store().create_access_token(admin, "t");
    const auto current_of = [](const json& listing) {
        std::vector<std::string> ids;
        for (const auto& u : listing)
            if (u["is_current"] == true) ids.push_back(u["id"]);
        return ids;
    };
    EXPECT_EQ(current_of(body_of(server.api("GET", "/api/users"))),
              std::vector<std::string>{owner_id()});
    const json as_admin =
        body_of(server.call("GET", "/api/users", "", {{"Authorization", "Token " + token}}));
    EXPECT_EQ(current_of(as_admin), std::vector<std::string>{admin});
    EXPECT_EQ(current_of(body_of(server.api("GET", "/api/users"))),
              std::vector<std::string>{owner_id()});

    const std::string id = scim_user("jane@example.com");
    const json group =
        body_of(server.scim("POST", "/Groups",
                            {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
                             {"displayName", "Engineering"},
                             {"members", {{{"value", id}}}}}));
    const json listing = body_of(server.api("GET", "/api/users"));
    ASSERT_EQ(listing.size(), 3u);
    EXPECT_EQ(listing[2]["auto_groups"], json::array({group["id"]}));
    server.scim("DELETE", "/Groups/" + group["id"].get<std::string>());
    EXPECT_EQ(body_of(server.api("GET", "/api/users"))[2]["auto_groups"], json::array());
}

// Only what a listing shows moves its version: signing in, sessions and sync logs keep the
// cached listing, so page loads do not rebuild it (0.1 s at 100,000 users).
TEST_F(Management, TheListingVersionMovesOnlyWithUsersAndTheirGroups) {
    const auto version = [this] {
        auto s = server.store().db().prepare(
            "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'listing_version'");
        return s.step() ? s.integer(0) : -1;
    };
    const std::int64_t start = version();
    ASSERT_GE(start, 0);
    server.store().create_access_token(owner_id(), "t");
    server.store().add_sync_log(server.integration_id(), "info", "nothing a listing shows");
    server.api("GET", "/api/users");
    EXPECT_EQ(version(), start);
    scim_user("jane@example.com");
    EXPECT_GT(version(), start);
}

TEST_F(Management, PutUserNeedsAllThreeFieldsAndChangesThem) {
    const std::string id = add_user("plain@example.com");
    const std::string group = body_of(server.api("POST", "/api/groups", {{"name", "devs"}}))["id"];
    expect_error(server.api("PUT", "/api/users/" + id, {{"role", "admin"}}), 400, "required");
    const Response r =
        server.api("PUT", "/api/users/" + id,
                   {{"role", "admin"}, {"auto_groups", {group}}, {"is_blocked", true}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(body_of(r)["role"], "admin");
    EXPECT_EQ(body_of(r)["auto_groups"], json::array({group}));
    EXPECT_EQ(body_of(r)["status"], "blocked");
    expect_error(server.api("PUT", "/api/users/" + id,
                            {{"role", "admin"}, {"auto_groups", {"nope"}}, {"is_blocked", false}}),
                 400, "does not exist");
    expect_error(
        server.api("PUT", "/api/users/" + id,
                   {{"role", "emperor"}, {"auto_groups", json::array()}, {"is_blocked", false}}),
        400, "role");
    expect_error(
        server.api("PUT", "/api/users/unknown",
                   {{"role", "user"}, {"auto_groups", json::array()}, {"is_blocked", false}}),
        404);
}

TEST_F(Management, OwnerCannotBeBlockedOrDeleted) {
    const std::string owner = owner_id();
    expect_error(
        server.api("PUT", "/api/users/" + owner,
                   {{"role", "owner"}, {"auto_groups", json::array()}, {"is_blocked", true}}),
        403, "owner");
    expect_error(server.api("DELETE", "/api/users/" + owner), 403, "owner");
    const std::string admin = add_user("admin@example.com", "admin");
    const std::string admin_token = server.store().create_access_token(admin, "t");
    const Response r = server.call("DELETE", "/api/users/" + owner, "",
                                   {{"Authorization", "Token " + admin_token}});
    expect_error(r, 403, "owner");
}

TEST_F(Management, IntegrationUsersAreDeletableOnlyByServiceUsers) {
    const std::string jane = scim_user("jane@example.com");
    expect_error(server.api("DELETE", "/api/users/" + jane), 403,
                 "only integration service user can delete this user");
    const std::string svc = add_user("svc@example.com", "admin", true);
    const std::string svc_token = server.store().create_access_token(svc, "t");
    const Response r =
        server.call("DELETE", "/api/users/" + jane, "", {{"Authorization", "Token " + svc_token}});
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_FALSE(server.store().user(jane));
    const std::string plain = add_user("plain@example.com");
    EXPECT_EQ(server.api("DELETE", "/api/users/" + plain).status, 200);
}

// What /api/users/current says a caller cannot read, every route refuses to it.
TEST_F(Management, NonAdminsReadOnlyWhatTheirPermissionsAllow) {
    const std::string plain = add_user("plain@example.com");
    const std::string token = server.store().create_access_token(plain, "t");
    const std::string integration = std::to_string(server.integration_id());
    const auto as_plain = [&](const std::string& path) {
        return server.call("GET", path, "", {{"Authorization", "Token " + token}});
    };
    const json modules = body_of(as_plain("/api/users/current"))["permissions"]["modules"];
    const std::pair<const char*, std::string> reads[] = {
        {"users", "/api/users"},
        {"groups", "/api/groups"},
        {"identity_providers", "/api/identity-providers"},
        {"integrations", "/api/integrations/okta-scim-idp"},
        {"integrations", "/api/integrations/okta-scim-idp/" + integration},
        {"integrations", "/api/integrations/okta-scim-idp/" + integration + "/logs"}};
    for (const auto& [module, path] : reads) {
        EXPECT_EQ(modules[module]["read"], false) << module;
        expect_error(as_plain(path), 403, module);
    }
    EXPECT_EQ(as_plain("/api/users/current").status, 200);
    EXPECT_EQ(server.api("GET", "/api/users").status, 200);  // the owner still reads everything
}

TEST_F(Management, NonAdminsCannotChangeUsers) {
    const std::string plain = add_user("plain@example.com");
    const std::string other = add_user("other@example.com");
    const std::string token = server.store().create_access_token(plain, "t");
    const Response r =
        server.call("DELETE", "/api/users/" + other, "", {{"Authorization", "Token " + token}});
    expect_error(r, 403);
    const json me = body_of(
        server.call("GET", "/api/users/current", "", {{"Authorization", "Token " + token}}));
    EXPECT_EQ(me["permissions"]["is_restricted"], true);
    EXPECT_EQ(me["permissions"]["modules"]["users"]["delete"], false);
}

TEST_F(Management, GroupsCarryIssuedAndIntegrationGroupsNeedAServiceUser) {
    ASSERT_EQ(server.api("POST", "/api/groups", {{"name", "devs"}}).status, 200);
    const std::string pushed =
        body_of(server.scim("POST", "/Groups", {{"displayName", "Engineering"}}))["id"];
    const json groups = body_of(server.api("GET", "/api/groups"));
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0]["issued"], "api");
    EXPECT_EQ(groups[1]["issued"], "integration");
    EXPECT_EQ(groups[1]["peers"], json::array());
    expect_error(server.api("DELETE", "/api/groups/" + pushed), 403, "service user");
}

TEST_F(Management, IdentityProviderSecretIsWriteOnly) {
    const json request = {{"type", "okta"},
                          {"name", "Okta"},
                          {"issuer", "https://acme.okta.com"},
                          {"client_id", "0oa123"},
                          {"client_secret", "super-secret"}};
    const Response created = server.api("POST", "/api/identity-providers", request);
    ASSERT_EQ(created.status, 200) << created.body;
    const std::string id = body_of(created)["id"];
    EXPECT_EQ(created.body.find("super-secret"), std::string::npos);
    EXPECT_EQ(server.api("GET", "/api/identity-providers").body.find("super-secret"),
              std::string::npos);
    const json read = body_of(server.api("GET", "/api/identity-providers/" + id));
    EXPECT_EQ(read["type"], "okta");
    EXPECT_FALSE(read.contains("client_secret"));
    json update = request;
    update.erase("client_secret");
    update["name"] = "Okta SSO";
    ASSERT_EQ(server.api("PUT", "/api/identity-providers/" + id, update).status, 200);
    EXPECT_EQ(server.store().identity_provider(id)->client_secret, "super-secret");
    json bad = request;
    bad["type"] = "myspace";
    expect_error(server.api("POST", "/api/identity-providers", bad), 400, "type");
    EXPECT_EQ(server.api("DELETE", "/api/identity-providers/" + id).status, 200);
    expect_error(server.api("GET", "/api/identity-providers/" + id), 404);
}

TEST_F(Management, IntegrationTokenIsShownOnceThenMasked) {
    const std::string path =
        "/api/integrations/okta-scim-idp/" + std::to_string(server.integration_id());
    EXPECT_EQ(server.scim_token().rfind("nbs_", 0), 0u);
    EXPECT_GT(server.scim_token().size(), 30u);
    const json read = body_of(server.api("GET", path));
    const std::string masked = read["auth_token"];
    EXPECT_EQ(masked.substr(0, 7), server.scim_token().substr(0, 7));
    EXPECT_EQ(masked.find_first_not_of('*', 7), std::string::npos);
    EXPECT_EQ(body_of(server.api("GET", "/api/integrations/okta-scim-idp"))[0]["auth_token"],
              masked);
    const Response regenerated = server.api("POST", path + "/token");
    ASSERT_EQ(regenerated.status, 200);
    const std::string fresh = body_of(regenerated)["auth_token"];
    EXPECT_NE(fresh, server.scim_token());
    EXPECT_EQ(server.scim("GET", "/Users").status, 401);  // the old token stopped working
    EXPECT_EQ(
        server.call("GET", "/api/scim/v2/Users", "", {{"Authorization", "Bearer " + fresh}}).status,
        200);
}

TEST_F(Management, OnlyOneSyncIntegrationIsEnabled) {
    expect_error(
        server.api("POST", "/api/integrations/okta-scim-idp", {{"connection_name", "second"}}), 400,
        "already enabled");
    const std::string path =
        "/api/integrations/okta-scim-idp/" + std::to_string(server.integration_id());
    ASSERT_EQ(server.api("PUT", path, {{"enabled", false}}).status, 200);
    EXPECT_EQ(server.scim("GET", "/Users").status, 401);  // a disabled integration opens nothing
    const Response second =
        server.api("POST", "/api/integrations/okta-scim-idp", {{"connection_name", "second"}});
    ASSERT_EQ(second.status, 200);
    expect_error(server.api("PUT", path, {{"enabled", true}}), 400, "already enabled");
    expect_error(server.api("POST", "/api/integrations/okta-scim-idp", {{"group_prefixes", {"x"}}}),
                 400, "connection_name");
}

TEST_F(Management, IntegrationLogsAndDelete) {
    const std::string path =
        "/api/integrations/okta-scim-idp/" + std::to_string(server.integration_id());
    scim_user("jane@example.com");
    const json logs = body_of(server.api("GET", path + "/logs"));
    ASSERT_EQ(logs.size(), 2u);
    EXPECT_EQ(logs[0]["level"], "info");
    EXPECT_TRUE(logs[0]["id"].is_number_integer());
    expect_error(server.api("GET", "/api/integrations/okta-scim-idp/abc"), 400);
    expect_error(server.api("GET", "/api/integrations/okta-scim-idp/999"), 404);
    EXPECT_EQ(server.api("DELETE", path).body, "{}");
    expect_error(server.api("GET", path), 404);
}

TEST_F(Management, UserGroupPrefixesHideUsersOutsideThem) {
    const std::string path =
        "/api/integrations/okta-scim-idp/" + std::to_string(server.integration_id());
    ASSERT_EQ(server.api("PUT", path, {{"user_group_prefixes", {"vpn-"}}}).status, 200);
    const std::string jane = scim_user("jane@example.com");
    scim_user("john@example.com");
    server.scim("POST", "/Groups",
                {{"displayName", "vpn-users"}, {"members", {{{"value", jane}}}}});
    const json users = body_of(server.api("GET", "/api/users?service_user=false"));
    ASSERT_EQ(users.size(), 2u);  // owner and jane
    EXPECT_EQ(users[1]["id"], jane);
}

TEST_F(Management, UnknownEndpointsAndBadBodies) {
    expect_error(server.api("GET", "/api/nothing"), 404);
    expect_error(
        server.call("POST", "/api/groups", "[1,2", {{"Authorization", "Token " + server.pat()}}),
        400);
}

}  // namespace
}  // namespace openzro::testing
