// The Microsoft Entra quirks listed in OKTA-SCIM.md.
#include <gtest/gtest.h>

#include "tests/server/test_server.h"

namespace openzro::testing {
namespace {

class EntraScim : public ::testing::Test {
  protected:
    std::string create_user(const std::string& user_name) {
        return body_of(server.scim("POST", "/Users", okta_user(user_name)))["id"];
    }
    TestServer server;
};

TEST_F(EntraScim, CapitalisedOpsAndStringBooleans) {
    const std::string id = create_user("jane@example.com");
    Response r = server.scim(
        "PATCH", "/Users/" + id,
        {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
         {"Operations", {{{"op", "Replace"}, {"path", "active"}, {"value", "False"}}}}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(body_of(r)["active"], false);
    EXPECT_TRUE(server.store().user(id)->is_blocked);
    r = server.scim("PATCH", "/Users/" + id,
                    {{"Operations", {{{"op", "Replace"}, {"value", {{"active", "True"}}}}}}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(body_of(r)["active"], true);
    EXPECT_FALSE(server.store().user(id)->is_blocked);
}

TEST_F(EntraScim, PathFiltersOnEmailsAndNames) {
    const std::string id = create_user("jane@example.com");
    const Response r =
        server.scim("PATCH", "/Users/" + id,
                    {{"Operations",
                      {{{"op", "Replace"},
                        {"path", "emails[type eq \"work\"].value"},
                        {"value", "j@example.com"}},
                       {{"op", "Add"}, {"path", "name.givenName"}, {"value", "Janet"}}}}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(body_of(r)["emails"][0]["value"], "j@example.com");
    EXPECT_EQ(body_of(r)["name"]["givenName"], "Janet");
}

TEST_F(EntraScim, StringBooleanOnCreate) {
    json user = okta_user("jane@example.com");
    user["active"] = "False";
    const Response r = server.scim("POST", "/Users", user);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(body_of(r)["active"], false);
}

TEST_F(EntraScim, UnknownQueryParametersAreIgnored) {
    create_user("jane@example.com");
    const Response r =
        server.scim("GET", "/Users?aadOptscim062020&filter=userName%20eq%20%22jane@example.com%22");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(body_of(r)["totalResults"], 1);
}

TEST_F(EntraScim, ExcludedAttributesMembers) {
    const std::string jane = create_user("jane@example.com");
    const json created = body_of(server.scim(
        "POST", "/Groups", {{"displayName", "Engineering"}, {"members", {{{"value", jane}}}}}));
    const std::string id = created["id"];
    const json one = body_of(server.scim("GET", "/Groups/" + id + "?excludedAttributes=members"));
    EXPECT_FALSE(one.contains("members"));
    const json list = body_of(server.scim(
        "GET", "/Groups?excludedAttributes=members&filter=displayName%20eq%20%22Engineering%22"));
    ASSERT_EQ(list["totalResults"], 1);
    EXPECT_FALSE(list["Resources"][0].contains("members"));
}

TEST_F(EntraScim, MembersAddAndRemoveWithValueLists) {
    const std::string jane = create_user("jane@example.com");
    const std::string id =
        body_of(server.scim("POST", "/Groups", {{"displayName", "Engineering"}}))["id"];
    Response r = server.scim(
        "PATCH", "/Groups/" + id,
        {{"Operations", {{{"op", "Add"}, {"path", "members"}, {"value", {{{"value", jane}}}}}}}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(body_of(r)["members"].size(), 1u);
    r = server.scim("PATCH", "/Groups/" + id,
                    {{"Operations",
                      {{{"op", "Remove"}, {"path", "members"}, {"value", {{{"value", jane}}}}}}}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(body_of(r)["members"], json::array());
}

}  // namespace
}  // namespace openzro::testing
