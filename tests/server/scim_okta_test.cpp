// Replays every request shape of OKTA-SCIM.md (PUT style and PATCH style) against the server.
#include <gtest/gtest.h>

#include <map>

#include "tests/server/test_server.h"

namespace openzro::testing {
namespace {

constexpr const char* kListSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
constexpr const char* kErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";
constexpr const char* kPatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

class OktaScim : public ::testing::Test {
  protected:
    std::string create_user(const std::string& user_name, const std::string& external_id = "00u1") {
        const Response r =
            server.scim("POST", "/Users", okta_user(user_name, "Jane", "Doe", external_id));
        EXPECT_EQ(r.status, 201) << r.body;
        return string_field(body_of(r), "id");
    }
    std::string create_group(const std::string& name, const json& members = json::array()) {
        const Response r =
            server.scim("POST", "/Groups",
                        {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
                         {"displayName", name},
                         {"members", members}});
        EXPECT_EQ(r.status, 201) << r.body;
        return string_field(body_of(r), "id");
    }
    json management_user(const std::string& id) {
        for (const auto& u : body_of(server.api("GET", "/api/users?service_user=false")))
            if (u["id"] == id) return u;
        return nullptr;
    }
    void expect_scim_error(const Response& r, int status, const std::string& scim_type = "") {
        EXPECT_EQ(r.status, status) << r.body;
        EXPECT_EQ(r.header("Content-Type"), "application/scim+json");
        const json b = body_of(r);
        EXPECT_EQ(b["schemas"], json::array({kErrorSchema}));
        EXPECT_EQ(b["status"], std::to_string(status));  // a string, not a number
        ASSERT_TRUE(b["detail"].is_string());
        EXPECT_FALSE(b["detail"].get<std::string>().empty());
        if (!scim_type.empty()) {
            EXPECT_EQ(b["scimType"], scim_type);
        }
    }
    // A PATCH of `operations` in Okta's envelope.
    Response patch(const std::string& resource, const json& operations) {
        return server.scim("PATCH", resource,
                           {{"schemas", {kPatchSchema}}, {"Operations", operations}});
    }
    std::vector<std::string> log_messages() {
        std::vector<std::string> out;
        for (const auto& l : server.store().sync_logs(server.integration_id()))
            out.push_back(l.level + ": " + l.message);
        return out;
    }

    TestServer server;
};

// [SECTION] First contact
TEST_F(OktaScim, TestApiCredentialsListsAreEmptyAndLogged) {
    const Response users = server.scim("GET", "/Users?startIndex=1&count=2");
    ASSERT_EQ(users.status, 200);
    EXPECT_EQ(users.header("Content-Type"), "application/scim+json");
    const json u = body_of(users);
    EXPECT_EQ(u["schemas"], json::array({kListSchema}));
    EXPECT_EQ(u["totalResults"], 0);
    EXPECT_EQ(u["Resources"], json::array());
    EXPECT_TRUE(u["startIndex"].is_number_integer());
    EXPECT_TRUE(u["itemsPerPage"].is_number_integer());
    const Response groups = server.scim("GET", "/Groups?startIndex=1&count=100");
    ASSERT_EQ(groups.status, 200);
    EXPECT_EQ(body_of(groups)["totalResults"], 0);
    const auto logs = log_messages();
    ASSERT_EQ(logs.size(), 1u);  // logged once, not per request
    EXPECT_NE(logs[0].find("first authenticated request"), std::string::npos);
}

TEST_F(OktaScim, WrongOrMissingTokenIs401WithDetail) {
    expect_scim_error(server.call("GET", "/api/scim/v2/Users?startIndex=1&count=2"), 401);
    expect_scim_error(
        server.call("GET", "/api/scim/v2/Users", "", {{"Authorization", "Bearer nbs_wrong"}}), 401);
    EXPECT_FALSE(server.call("GET", "/api/scim/v2/Users").header("WWW-Authenticate").empty());
}

// [SECTION] Users
TEST_F(OktaScim, ExistsFilterMatchesUserNameCaseInsensitivelyWithEncodedOrPlusSpaces) {
    const Response none = server.scim(
        "GET", "/Users?filter=userName%20eq%20%22jane%40example.com%22&startIndex=1&count=100");
    ASSERT_EQ(none.status, 200);
    EXPECT_EQ(body_of(none)["totalResults"], 0);
    EXPECT_EQ(body_of(none)["Resources"], json::array());
    const std::string id = create_user("jane@example.com");
    for (const char* target :
         {"/Users?filter=userName%20eq%20%22jane%40example.com%22&startIndex=1&count=100",
          "/Users?filter=userName+eq+%22JANE@Example.com%22&startIndex=1&count=100",
          "/Users?filter=USERNAME%20EQ%20%22jane@example.com%22"}) {
        const json b = body_of(server.scim("GET", target));
        ASSERT_EQ(b["totalResults"], 1) << target;
        EXPECT_EQ(b["Resources"][0]["id"], id);
    }
}

TEST_F(OktaScim, CreateAnswers201WithTheWholeUserAndNeverThePassword) {
    const Response r = server.scim("POST", "/Users", okta_user("jane@example.com"));
    ASSERT_EQ(r.status, 201);
    EXPECT_EQ(r.header("Content-Type"), "application/scim+json");
    const json b = body_of(r);
    EXPECT_FALSE(b["id"].get<std::string>().empty());
    EXPECT_EQ(r.header("Location"),
              "http://127.0.0.1:8080/api/scim/v2/Users/" + b["id"].get<std::string>());
    EXPECT_EQ(b["userName"], "jane@example.com");
    EXPECT_EQ(b["name"]["givenName"], "Jane");
    EXPECT_EQ(b["name"]["familyName"], "Doe");
    EXPECT_EQ(b["emails"][0]["value"], "jane@example.com");
    EXPECT_EQ(b["externalId"], "00u1abcd");
    EXPECT_EQ(b["active"], true);
    EXPECT_EQ(b["meta"]["resourceType"], "User");
    EXPECT_FALSE(b.contains("password"));
    EXPECT_EQ(r.body.find("Okta-placeholder"), std::string::npos);
    EXPECT_EQ(server.store().user(b["id"])->scim.find("Okta-placeholder"), std::string::npos);
    const json m = management_user(b["id"]);
    EXPECT_EQ(m["issued"], "integration");
    EXPECT_EQ(m["email"], "jane@example.com");
    EXPECT_EQ(m["name"], "Jane Doe");
}

TEST_F(OktaScim, DuplicateUserNameIs409Uniqueness) {
    create_user("jane@example.com");
    expect_scim_error(server.scim("POST", "/Users", okta_user("JANE@example.com")), 409,
                      "uniqueness");
}

TEST_F(OktaScim, ReadUserAndUnknownIdsAre404WithDetail) {
    const std::string id = create_user("jane@example.com");
    const Response r = server.scim("GET", "/Users/" + id);
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(body_of(r)["userName"], "jane@example.com");
    expect_scim_error(server.scim("GET", "/Users/010101001010101011001010101011"), 404);
}

TEST_F(OktaScim, PutStyleUpdateEchoingIdMetaAndGroups) {
    const std::string id = create_user("jane@example.com");
    json full = body_of(server.scim("GET", "/Users/" + id));
    full["name"]["givenName"] = "Janet";
    full["displayName"] = "Janet Doe";
    full["password"] = "another-placeholder";
    const Response r = server.scim("PUT", "/Users/" + id, full);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(body_of(r)["name"]["givenName"], "Janet");
    EXPECT_EQ(r.body.find("another-placeholder"), std::string::npos);
    EXPECT_EQ(management_user(id)["name"], "Janet Doe");
    full["id"] = "someone-else";
    expect_scim_error(server.scim("PUT", "/Users/" + id, full), 400, "mutability");
}

TEST_F(OktaScim, PutStyleDeactivationBlocksAndKeepsTheUserReadable) {
    const std::string id = create_user("jane@example.com");
    json full = body_of(server.scim("GET", "/Users/" + id));
    full["active"] = false;
    ASSERT_EQ(server.scim("PUT", "/Users/" + id, full).status, 200);
    const json read = body_of(server.scim("GET", "/Users/" + id));
    EXPECT_EQ(read["active"], false);
    EXPECT_EQ(management_user(id)["is_blocked"], true);
    EXPECT_EQ(management_user(id)["status"], "blocked");
    full["active"] = true;
    ASSERT_EQ(server.scim("PUT", "/Users/" + id, full).status, 200);
    EXPECT_EQ(management_user(id)["status"], "active");
}

TEST_F(OktaScim, PatchStyleNoPathReplaceDeactivates) {
    const std::string id = create_user("jane@example.com");
    const Response r = patch("/Users/" + id, {{{"op", "replace"}, {"value", {{"active", false}}}}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(body_of(r)["active"], false);
    EXPECT_EQ(body_of(server.scim("GET", "/Users/" + id))["active"], false);
    EXPECT_EQ(management_user(id)["is_blocked"], true);
    const auto logs = log_messages();
    EXPECT_NE(logs.front().find("deactivated user jane@example.com"), std::string::npos);
}

TEST_F(OktaScim, PatchStyleProfileUpdate) {
    const std::string id = create_user("jane@example.com");
    const Response r = patch(
        "/Users/" + id,
        {{{"op", "replace"}, {"value", {{"name", {{"givenName", "Jo"}, {"familyName", "Doe"}}}}}}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(body_of(r)["name"]["givenName"], "Jo");
}

TEST_F(OktaScim, ImportPagingIsStableWithIntegerFields) {
    std::vector<std::string> ids;
    ids.reserve(5);
    for (int i = 0; i < 5; ++i)
        ids.push_back(create_user("user" + std::to_string(i) + "@example.com"));
    std::vector<std::string> seen;
    for (int start = 1; start <= 5; start += 2) {
        const json page =
            body_of(server.scim("GET", "/Users?startIndex=" + std::to_string(start) + "&count=2"));
        EXPECT_EQ(page["totalResults"], 5);
        EXPECT_EQ(page["startIndex"], start);
        EXPECT_TRUE(page["itemsPerPage"].is_number_integer());
        for (const auto& u : page["Resources"]) seen.push_back(u["id"]);
    }
    EXPECT_EQ(seen, ids);
    const json zero = body_of(server.scim("GET", "/Users?startIndex=0&count=100"));
    EXPECT_EQ(zero["startIndex"], 1);
    EXPECT_EQ(zero["Resources"].size(), 5u);
    const json past = body_of(server.scim("GET", "/Users?startIndex=101&count=100"));
    EXPECT_EQ(past["totalResults"], 5);
    EXPECT_EQ(past["Resources"], json::array());
}

// A page's groups come from one query for the whole page: each listed user shows the groups
// (and their order) that reading the user alone shows, on plain and filtered pages.
TEST_F(OktaScim, UserPagesShowEachUsersGroupsAsReadingTheUserDoes) {
    const std::string jane = create_user("jane@example.com", "00u1");
    const std::string john = create_user("john@example.com", "00u2");
    const std::string ann = create_user("ann@example.com", "00u3");
    const std::string eng = create_group("Engineering", {{{"value", jane}}, {{"value", john}}});
    const std::string sales = create_group("Sales", {{{"value", jane}}});
    std::map<std::string, json> alone;
    for (const auto& id : {jane, john, ann})
        alone[id] = body_of(server.scim("GET", "/Users/" + id))["groups"];
    ASSERT_EQ(alone[jane].size(), 2u);
    EXPECT_EQ(alone[jane][0]["value"], eng);
    EXPECT_EQ(alone[jane][1]["value"], sales);
    EXPECT_EQ(alone[john].size(), 1u);
    EXPECT_EQ(alone[ann], json::array());
    std::size_t listed = 0;
    for (const std::string query :
         {"/Users?startIndex=1&count=2", "/Users?startIndex=3&count=2",
          "/Users?filter=userName%20ew%20%22example.com%22&startIndex=1&count=100",
          "/Users?filter=userName%20eq%20%22jane@example.com%22"}) {
        const json page = body_of(server.scim("GET", query));
        for (const auto& u : page["Resources"]) {
            EXPECT_EQ(u["groups"], alone[u["id"].get<std::string>()]) << query;
            ++listed;
        }
    }
    EXPECT_EQ(listed, 7u);
}

// SCIM's totalResults and its pages read the integration's index, not every users row (a
// page of 100 out of 10,000 users stayed cheap only while the users table fit SQLite's cache);
// an externalId look-up keeps its own index.
TEST_F(OktaScim, UserCountsAndPagesUseTheIntegrationIndex) {
    OPENZRO_SQLITE_ONLY();  // SQLite's query plans; PostgreSQL plans by its own statistics
    const auto plan = [&](const std::string& sql) {
        auto s = server.store().db().prepare(("EXPLAIN QUERY PLAN " + sql).c_str());
        std::string out;
        while (s.step()) out += s.text(3) + "; ";
        return out;
    };
    const std::string count = plan("SELECT COUNT(*) FROM users WHERE integration_id = ?");
    EXPECT_NE(count.find("COVERING INDEX users_integration"), std::string::npos) << count;
    const std::string page =
        plan("SELECT id, scim FROM users WHERE integration_id = ? ORDER BY seq LIMIT ? OFFSET ?");
    EXPECT_NE(page.find("INDEX users_integration"), std::string::npos) << page;
    EXPECT_EQ(page.find("TEMP B-TREE"), std::string::npos) << page;
    const std::string external =
        plan("SELECT id FROM users WHERE +integration_id = ? AND external_id = ? ORDER BY seq");
    EXPECT_NE(external.find("INDEX users_external_id"), std::string::npos) << external;
    create_user("jane@example.com", "00uJ");
    const json found = body_of(server.scim("GET", "/Users?filter=externalId%20eq%20%2200uJ%22"));
    EXPECT_EQ(found["totalResults"], 1);
}

// [SECTION] Groups (Push Groups)
TEST_F(OktaScim, CreateListFilterAndReadGroups) {
    const std::string jane = create_user("jane@example.com");
    const std::string id =
        create_group("Engineering", {{{"value", jane}, {"display", "jane@example.com"}}});
    const json list = body_of(server.scim("GET", "/Groups?startIndex=1&count=100"));
    EXPECT_EQ(list["totalResults"], 1);
    const json found = body_of(server.scim(
        "GET", "/Groups?filter=displayName%20eq%20%22Engineering%22&startIndex=1&count=100"));
    ASSERT_EQ(found["totalResults"], 1);
    EXPECT_EQ(found["Resources"][0]["id"], id);
    const json group = body_of(server.scim("GET", "/Groups/" + id));
    ASSERT_EQ(group["members"].size(), 1u);
    EXPECT_EQ(group["members"][0]["value"], jane);
    EXPECT_EQ(group["members"][0]["display"], "jane@example.com");
    EXPECT_EQ(management_user(jane)["auto_groups"], json::array({id}));
    const json groups = body_of(server.api("GET", "/api/groups"));
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0]["issued"], "integration");
}

TEST_F(OktaScim, CatalogRenameWithIdInsideTheValue) {
    const std::string id = create_group("Engineering");
    const Response r = patch(
        "/Groups/" + id,
        {{{"op", "replace"}, {"value", {{"id", id}, {"displayName", "Platform Engineering"}}}}});
    ASSERT_TRUE(r.status == 200 || r.status == 204) << r.body;
    EXPECT_EQ(body_of(server.scim("GET", "/Groups/" + id))["displayName"], "Platform Engineering");
    const Response other =
        patch("/Groups/" + id, {{{"op", "replace"}, {"value", {{"id", "other"}}}}});
    expect_scim_error(other, 400, "mutability");
}

TEST_F(OktaScim, CatalogMemberRemoveAndAddInOnePatch) {
    const std::string jane = create_user("jane@example.com");
    const std::string john = create_user("john@example.com", "00u2");
    const std::string id =
        create_group("Engineering", {{{"value", jane}, {"display", "jane@example.com"}}});
    const Response r =
        patch("/Groups/" + id, {{{"op", "remove"}, {"path", "members[value eq \"" + jane + "\"]"}},
                                {{"op", "add"},
                                 {"path", "members"},
                                 {"value", {{{"value", john}, {"display", "john@example.com"}}}}}});
    ASSERT_TRUE(r.status == 200 || r.status == 204) << r.body;
    const json members = body_of(server.scim("GET", "/Groups/" + id))["members"];
    ASSERT_EQ(members.size(), 1u);
    EXPECT_EQ(members[0]["value"], john);
    EXPECT_EQ(management_user(jane)["auto_groups"], json::array());
    EXPECT_EQ(management_user(john)["auto_groups"], json::array({id}));
    // Removing a non-member is a harmless no-op.
    const Response again = patch(
        "/Groups/" + id, {{{"op", "remove"}, {"path", "members[value eq \"" + jane + "\"]"}}});
    EXPECT_EQ(again.status, 200);
}

TEST_F(OktaScim, CatalogReplaceMembers) {
    const std::string jane = create_user("jane@example.com");
    const std::string john = create_user("john@example.com", "00u2");
    const std::string id = create_group("Engineering", {{{"value", jane}}});
    const Response r =
        patch("/Groups/" + id,
              {{{"op", "replace"}, {"path", "members"}, {"value", {{{"value", john}}}}}});
    ASSERT_EQ(r.status, 200) << r.body;
    const json members = body_of(server.scim("GET", "/Groups/" + id))["members"];
    ASSERT_EQ(members.size(), 1u);
    EXPECT_EQ(members[0]["value"], john);
}

TEST_F(OktaScim, WizardPutGroupWithFullMembers) {
    const std::string jane = create_user("jane@example.com");
    const std::string john = create_user("john@example.com", "00u2");
    const std::string id = create_group("Engineering");
    const Response r = server.scim("PUT", "/Groups/" + id,
                                   {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
                                    {"id", id},
                                    {"displayName", "Engineering"},
                                    {"members", {{{"value", jane}}, {{"value", john}}}}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(body_of(r)["members"].size(), 2u);
}

TEST_F(OktaScim, DeleteGroupIs204AndUnknownIs404) {
    const std::string id = create_group("Engineering");
    const Response r = server.scim("DELETE", "/Groups/" + id);
    EXPECT_EQ(r.status, 204);
    EXPECT_TRUE(r.body.empty());
    expect_scim_error(server.scim("GET", "/Groups/" + id), 404);
    expect_scim_error(server.scim("DELETE", "/Groups/" + id), 404);
}

TEST_F(OktaScim, GroupOutsidePrefixesIsAnsweredButNotImported) {
    ASSERT_EQ(server
                  .api("PUT",
                       "/api/integrations/okta-scim-idp/" + std::to_string(server.integration_id()),
                       {{"group_prefixes", {"openzro-"}}})
                  .status,
              200);
    create_group("openzro-admins");
    const std::string hidden = create_group("Sales");
    EXPECT_EQ(server.scim("GET", "/Groups/" + hidden).status, 200);
    const json groups = body_of(server.api("GET", "/api/groups"));
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0]["name"], "openzro-admins");
    EXPECT_NE(log_messages().front().find("not imported"), std::string::npos);
}

// [SECTION] Wire format and filters
TEST_F(OktaScim, AcceptsPlainJsonBodiesAndAnswersScimJson) {
    const Response r =
        server.call("POST", "/api/scim/v2/Users", okta_user("jane@example.com").dump(),
                    {{"Authorization", "Bearer " + server.scim_token()},
                     {"Content-Type", "application/json; charset=utf-8"}});
    EXPECT_EQ(r.status, 201);
    EXPECT_EQ(r.header("Content-Type"), "application/scim+json");
    expect_scim_error(server.call("POST", "/api/scim/v2/Users", "{not json",
                                  {{"Authorization", "Bearer " + server.scim_token()}}),
                      400, "invalidSyntax");
}

TEST_F(OktaScim, FilterOperatorsAndUnsupportedFilters) {
    create_user("jane@example.com", "00uA");
    create_user("john@other.org", "00uB");
    auto total = [&](const std::string& filter) {
        return body_of(server.scim("GET", "/Users?filter=" + filter))["totalResults"];
    };
    EXPECT_EQ(total("externalId%20eq%20%2200uB%22"), 1);
    EXPECT_EQ(total("userName%20sw%20%22j%22"), 2);
    EXPECT_EQ(total("userName%20co%20%22example%22"), 1);
    EXPECT_EQ(total("userName%20ew%20%22.org%22%20or%20externalId%20eq%20%2200uA%22"), 2);
    EXPECT_EQ(total("userName%20sw%20%22j%22%20and%20active%20eq%20true"), 2);
    EXPECT_EQ(total("externalId%20pr"), 2);
    EXPECT_EQ(total("displayName%20eq%20%22jane%20doe%22"), 2);
    expect_scim_error(server.scim("GET", "/Users?filter=emails%5Btype%20eq%20%22work%22%5D"), 400,
                      "invalidFilter");
    expect_scim_error(server.scim("GET", "/Users?filter=userName%20zz%20%22x%22"), 400,
                      "invalidFilter");
    expect_scim_error(server.scim("GET", "/Users?filter=userName%20eq"), 400, "invalidFilter");
    expect_scim_error(server.scim("GET", "/Groups?filter=(displayName%20eq%20%22x%22"), 400,
                      "invalidFilter");
}

TEST_F(OktaScim, ServiceProviderConfig) {
    const Response r = server.scim("GET", "/ServiceProviderConfig");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(body_of(r)["patch"]["supported"], true);
    EXPECT_EQ(body_of(r)["filter"]["supported"], true);
}

TEST_F(OktaScim, ChangesMoveLastSyncedAtAndFailuresLogErrors) {
    create_user("jane@example.com");
    server.scim("POST", "/Users", okta_user("jane@example.com"));
    const auto logs = log_messages();
    ASSERT_GE(logs.size(), 3u);
    EXPECT_EQ(logs[0].rfind("error: POST /Users failed with 409", 0), 0u) << logs[0];
    EXPECT_EQ(logs[1], "info: created user jane@example.com");
    const json integration = body_of(server.api(
        "GET", "/api/integrations/okta-scim-idp/" + std::to_string(server.integration_id())));
    EXPECT_EQ(integration["last_synced_at"],
              server.store().sync_logs(server.integration_id()).front().timestamp);
}

}  // namespace
}  // namespace openzro::testing

namespace openzro::testing {
namespace {

TEST(HostileInput, InvalidUtf8InPathsIsAnsweredNotFatal) {
    TestServer server;
    const Response scim = server.scim("GET", "/Users/%FF%FE");
    EXPECT_EQ(scim.status, 404);
    EXPECT_FALSE(body_of(scim).is_discarded());
    const Response api = server.api("GET", "/api/nothing%C3%28");
    EXPECT_EQ(api.status, 404);
    EXPECT_FALSE(body_of(api).is_discarded());
    const Response filter = server.scim("GET", "/Users?filter=userName%20eq%20%22%FF%22");
    EXPECT_EQ(filter.status, 400);
}

}  // namespace
}  // namespace openzro::testing
