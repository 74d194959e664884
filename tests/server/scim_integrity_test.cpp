// SCIM integrity and limits (issue 12): hostile PATCH paths and sizes, per-field and
// per-document bounds, keys that differ only in case, Unicode userNames, `active` left out,
// and users that outlive their integration.
#include <gtest/gtest.h>

#include "server/scim_resources.h"
#include "tests/server/test_server.h"

namespace openzro::testing {
namespace {

class ScimIntegrity : public ::testing::Test {
  protected:
    std::string create_user(const std::string& user_name) {
        const Response r = server.scim("POST", "/Users", okta_user(user_name));
        EXPECT_EQ(r.status, 201) << r.body;
        return string_field(body_of(r), "id");
    }
    std::string create_group(const std::string& name) {
        const Response r = server.scim("POST", "/Groups", {{"displayName", name}});
        EXPECT_EQ(r.status, 201) << r.body;
        return string_field(body_of(r), "id");
    }
    static json operations(const json& ops) {
        return {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
                {"Operations", ops}};
    }
    static void expect_scim_error(const Response& r, int status, const std::string& scim_type) {
        EXPECT_EQ(r.status, status) << r.body;
        EXPECT_EQ(body_of(r)["scimType"], scim_type) << r.body;
    }
    std::int64_t total(const std::string& filter_query) {
        return body_of(server.scim("GET", "/Users?filter=" + filter_query))["totalResults"]
            .get<std::int64_t>();
    }

    TestServer server;
};

// [SECTION] Point 3: a value filter over plain values
TEST_F(ScimIntegrity, FilteredPathOverPlainValuesIsInvalidPath) {
    const json body =
        operations({{{"op", "add"}, {"path", "x"}, {"value", {1}}},
                    {{"op", "replace"}, {"path", "x[value ne \"a\"].y"}, {"value", 1}}});
    const std::string user = create_user("jane@example.com");
    expect_scim_error(server.scim("PATCH", "/Users/" + user, body), 400, "invalidPath");
    const std::string group = create_group("Engineering");
    expect_scim_error(server.scim("PATCH", "/Groups/" + group, body), 400, "invalidPath");
    EXPECT_EQ(body_of(server.scim("GET", "/Users/" + user)).count("x"), 0u);  // nothing stored
}

// [SECTION] Point 4: values per operation
TEST_F(ScimIntegrity, PatchValuesPerOperationAreBounded) {
    const std::string group = create_group("Engineering");
    json values = json::array();
    for (int i = 0; i < 1001; ++i) values.push_back({{"value", "u" + std::to_string(i)}});
    expect_scim_error(
        server.scim("PATCH", "/Groups/" + group,
                    operations({{{"op", "add"}, {"path", "members"}, {"value", values}}})),
        400, "invalidValue");
    values.erase(values.begin());
    EXPECT_EQ(server
                  .scim("PATCH", "/Groups/" + group,
                        operations({{{"op", "add"}, {"path", "members"}, {"value", values}}}))
                  .status,
              200);
}

// [SECTION] Point 7: field and document limits, page size
TEST_F(ScimIntegrity, OversizedFieldsAreInvalidValue) {
    const std::string big(scim::kMaxNameBytes + 1, 'a');
    json user = okta_user(big + "@example.com");
    expect_scim_error(server.scim("POST", "/Users", user), 400, "invalidValue");
    user = okta_user("jane@example.com");
    user["displayName"] = big;
    expect_scim_error(server.scim("POST", "/Users", user), 400, "invalidValue");
    user = okta_user("jane@example.com");
    user["emails"] = json::array();
    for (int i = 0; i < 40; ++i)
        user["emails"].push_back({{"value", "j" + std::to_string(i) + "@example.com"}});
    expect_scim_error(server.scim("POST", "/Users", user), 400, "invalidValue");
    user = okta_user("jane@example.com");
    user["emails"][0]["value"] = std::string(320, 'a') + "@example.com";
    expect_scim_error(server.scim("POST", "/Users", user), 400, "invalidValue");
    user = okta_user("jane@example.com");
    user["title"] = std::string(20000, 't');  // one stored document over its bound
    expect_scim_error(server.scim("POST", "/Users", user), 400, "invalidValue");
    expect_scim_error(server.scim("POST", "/Groups", {{"displayName", big}}), 400, "invalidValue");
    EXPECT_EQ(body_of(server.scim("GET", "/Users"))["totalResults"], 0);
    // A PATCH cannot grow a stored user past the bounds either.
    const std::string id = create_user("jane@example.com");
    expect_scim_error(
        server.scim(
            "PATCH", "/Users/" + id,
            operations({{{"op", "add"}, {"path", "title"}, {"value", std::string(20000, 't')}}})),
        400, "invalidValue");
}

TEST_F(ScimIntegrity, PageSizeIsCappedAsServiceProviderConfigSays) {
    const json config = body_of(server.scim("GET", "/ServiceProviderConfig"));
    const std::int64_t max_results = config["filter"]["maxResults"].get<std::int64_t>();
    EXPECT_LE(max_results, 100);
    for (std::int64_t i = 0; i <= max_results; ++i)
        ASSERT_EQ(server.scim("POST", "/Users", okta_user("u" + std::to_string(i) + "@example.com"))
                      .status,
                  201);
    const json page = body_of(server.scim("GET", "/Users?startIndex=1&count=1000"));
    EXPECT_EQ(page["totalResults"], max_results + 1);
    EXPECT_EQ(page["itemsPerPage"], max_results);
    EXPECT_EQ(page["Resources"].size(), static_cast<std::size_t>(max_results));
    const json filtered =
        body_of(server.scim("GET", "/Users?filter=active%20eq%20true&count=1000"));
    EXPECT_EQ(filtered["itemsPerPage"], max_results);
}

// [SECTION] Point 8: keys that differ only in case
TEST_F(ScimIntegrity, KeysDifferingOnlyInCaseAreRefused) {
    json user = okta_user("bob@example.com");
    user["USERNAME"] = "alice@example.com";
    expect_scim_error(server.scim("POST", "/Users", user), 400, "invalidSyntax");
    user = okta_user("bob@example.com");
    user["name"]["GIVENNAME"] = "Robert";
    expect_scim_error(server.scim("POST", "/Users", user), 400, "invalidSyntax");
    const std::string id = create_user("bob@example.com");
    expect_scim_error(
        server.scim("PATCH", "/Users/" + id,
                    operations({{{"op", "replace"},
                                 {"value", {{"userName", "x@example.com"}, {"USERNAME", "y"}}}}})),
        400, "invalidSyntax");
    json full = body_of(server.scim("GET", "/Users/" + id));
    full["Username"] = "eve@example.com";
    expect_scim_error(server.scim("PUT", "/Users/" + id, full), 400, "invalidSyntax");
    EXPECT_EQ(body_of(server.scim("GET", "/Users"))["totalResults"], 1);
    EXPECT_EQ(total("userName%20eq%20%22bob@example.com%22"), 1);
}

// [SECTION] Point 9: Unicode userNames
TEST_F(ScimIntegrity, UnicodeUserNamesAreOneUserOrRefused) {
    create_user("j\xC3\xA4ne@example.com");  // jäne, NFC
    // JÄNE, and jäne with a combining diaeresis (NFD), are the same userName.
    for (const char* same : {"J\xC3\x84NE@EXAMPLE.COM", "ja\xCC\x88ne@example.com"}) {
        expect_scim_error(server.scim("POST", "/Users", okta_user(same)), 409, "uniqueness");
    }
    EXPECT_EQ(total("userName%20eq%20%22J%C3%84NE@example.com%22"), 1);
    EXPECT_EQ(total("userName%20eq%20%22ja%CC%88ne@example.com%22"), 1);
    create_user("jos\xC3\xA9@example.com");  // josé, NFC
    expect_scim_error(server.scim("POST", "/Users", okta_user("jose\xCC\x81@example.com")), 409,
                      "uniqueness");
    create_user(
        "stra\xC3\x9F"
        "e@example.com");  // straße: full folding makes it strasse
    expect_scim_error(server.scim("POST", "/Users", okta_user("STRASSE@example.com")), 409,
                      "uniqueness");
    // Invisible and control characters are refused outright (as JSON text: NUL is \u0000).
    for (const char* bad :
         {"j\xC3\xA4ne@example.com\xE2\x80\x8B", "bob\\u0000@example.com", "bob\\u0001@example.com",
          "b\xE2\x80\x8Dob@example.com", "bob@example.com\\u0085"}) {
        std::string body = okta_user("PLACEHOLDER").dump();
        const std::string field = "\"userName\":\"PLACEHOLDER\"";
        body.replace(body.find(field), field.size(), std::string("\"userName\":\"") + bad + "\"");
        const Response r = server.call("POST", "/api/scim/v2/Users", body,
                                       {{"Authorization", "Bearer " + server.scim_token()},
                                        {"Content-Type", "application/scim+json"}});
        expect_scim_error(r, 400, "invalidValue");
    }
    EXPECT_EQ(body_of(server.scim("GET", "/Users"))["totalResults"], 3);
}

// Databases written before the Unicode key held ASCII-lowercased names: recomputed on start.
TEST(ScimUserNameKeys, StoredKeysAreRecomputedOnStart) {
    const auto dir = make_temp_dir();
    const TestDatabase database;
    std::int64_t integration_id = 0;
    {
        std::string error;
        auto store = Store::open(dir.string(), database.url(), error);
        ASSERT_TRUE(store) << error;
        IntegrationRecord integration;
        integration.connection_name = "okta";
        ASSERT_FALSE(store->insert_integration(integration).empty());
        integration_id = integration.id;
        for (const char* name : {"first@example.com", "second@example.com"}) {
            UserRecord user;
            user.email = name;
            user.name = name;
            user.issued = "integration";
            user.integration_id = integration_id;
            user.user_name = name;
            ASSERT_TRUE(store->insert_user(user));
        }
        // As the old code stored "JÄNE" and "jäne": ASCII lower case only, two distinct keys.
        ASSERT_TRUE(store->db().exec(
            "UPDATE users SET user_name_key = 'j\xC3\x84ne@example.com', email = "
            "'J\xC3\x84NE@example.com', scim = '{\"userName\":\"J\xC3\x84NE@example.com\"}' "
            "WHERE user_name_key = 'first@example.com';"
            "UPDATE users SET user_name_key = 'j\xC3\xA4ne@example.com', scim = "
            "'{\"userName\":\"j\xC3\xA4ne@example.com\"}' WHERE user_name_key = "
            "'second@example.com';"
            "DELETE FROM meta WHERE key = 'user_name_key_form';"));
    }
    std::string error;
    auto store = Store::open(dir.string(), database.url(), error);
    ASSERT_TRUE(store) << error;
    const auto found = store->scim_users_by(integration_id, "username", "J\xC3\xA4NE@EXAMPLE.COM");
    ASSERT_EQ(found.size(), 1u);  // the first one keeps the name; the second is reported
    EXPECT_EQ(found[0].email, "J\xC3\x84NE@example.com");
    EXPECT_TRUE(store->user_name_taken("j\xC3\xA4ne@example.com", ""));
    store.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

// [SECTION] Point 10: `active` left out keeps the stored state
TEST_F(ScimIntegrity, AbsentActiveNeverReactivates) {
    const std::string id = create_user("jane@example.com");
    const auto blocked = [&] { return server.store().user(id)->is_blocked; };
    ASSERT_EQ(server
                  .scim("PATCH", "/Users/" + id,
                        operations({{{"op", "replace"}, {"path", "active"}, {"value", false}}}))
                  .status,
              200);
    ASSERT_TRUE(blocked());
    json full = body_of(server.scim("GET", "/Users/" + id));
    full.erase("active");
    ASSERT_EQ(server.scim("PUT", "/Users/" + id, full).status, 200);
    EXPECT_TRUE(blocked()) << "PUT without active";
    full["active"] = nullptr;
    ASSERT_EQ(server.scim("PUT", "/Users/" + id, full).status, 200);
    EXPECT_TRUE(blocked()) << "PUT with active null";
    ASSERT_EQ(
        server.scim("PATCH", "/Users/" + id, operations({{{"op", "remove"}, {"path", "active"}}}))
            .status,
        200);
    EXPECT_TRUE(blocked()) << "PATCH remove active";
    ASSERT_EQ(server
                  .scim("PATCH", "/Users/" + id,
                        operations({{{"op", "replace"}, {"value", {{"active", nullptr}}}}}))
                  .status,
              200);
    EXPECT_TRUE(blocked()) << "PATCH active null";
    EXPECT_EQ(body_of(server.scim("GET", "/Users/" + id))["active"], false);
    // A new user without `active` is active, as before.
    json fresh = okta_user("bob@example.com");
    fresh.erase("active");
    EXPECT_EQ(body_of(server.scim("POST", "/Users", fresh))["active"], true);
}

// [SECTION] Point 11: users that outlive their integration
TEST_F(ScimIntegrity, NewIntegrationAdoptsUsersOfADeletedOne) {
    const std::string jane = create_user("jane@example.com");
    const std::string bob = create_user("bob@example.com");
    const std::string eve = create_user("eve@example.com");
    ASSERT_EQ(server
                  .api("DELETE",
                       "/api/integrations/okta-scim-idp/" + std::to_string(server.integration_id()))
                  .status,
              200);
    const json created = body_of(
        server.api("POST", "/api/integrations/okta-scim-idp", {{"connection_name", "okta again"}}));
    const std::string token = string_field(created, "auth_token");
    ASSERT_FALSE(token.empty()) << created.dump();
    const auto scim = [&](const std::string& method, const std::string& target,
                          const json& body = nullptr) {
        return server.call(
            method, "/api/scim/v2" + target, body.is_null() ? "" : body.dump(),
            {{"Authorization", "Bearer " + token}, {"Content-Type", "application/scim+json"}});
    };
    // Okta's re-push: "exists?" by filter finds jane, then updates her by id.
    const json found = body_of(scim("GET", "/Users?filter=userName%20eq%20%22JANE@example.com%22"));
    ASSERT_EQ(found["totalResults"], 1) << found.dump();
    EXPECT_EQ(found["Resources"][0]["id"], jane);
    EXPECT_EQ(scim("GET", "/Users/" + jane).status, 200);
    // Or it creates straight away: bob is adopted, not duplicated and not a 409.
    const Response again = scim("POST", "/Users", okta_user("bob@example.com", "Robert"));
    ASSERT_EQ(again.status, 201) << again.body;
    EXPECT_EQ(body_of(again)["id"], bob);
    EXPECT_EQ(body_of(again)["name"]["givenName"], "Robert");
    EXPECT_EQ(body_of(scim("GET", "/Users"))["totalResults"], 2);
    // eve is left behind: an admin can delete her.
    EXPECT_EQ(server.api("DELETE", "/api/users/" + eve).status, 200);
    EXPECT_FALSE(server.store().user(eve));
    // Users of a live integration stay the integration's.
    EXPECT_EQ(server.api("DELETE", "/api/users/" + jane).status, 403);
}

}  // namespace
}  // namespace openzro::testing
