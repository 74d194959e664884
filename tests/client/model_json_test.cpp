#include "client/model_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace openzro {
namespace {

constexpr const char* kUser = R"({
  "id": "u1", "email": "a@example.com", "name": "Ann", "role": "admin", "status": "active",
  "last_login": "0001-01-01T00:00:00Z", "auto_groups": ["g1", "g2"], "is_current": true,
  "is_service_user": false, "is_blocked": false, "pending_approval": false,
  "unknown": {"deep": [1, {"x": null}]},
  "permissions": {"is_restricted": false,
                  "modules": {"users": {"read": true, "create": false}, "groups": {"read": true}}}
})";

TEST(ModelJson, ReadsUserWithPermissionsAndDefaults) {
    CurrentUser u;
    ASSERT_FALSE(read_json(kUser, u));
    EXPECT_EQ(u.id, "u1");
    EXPECT_EQ(u.auto_groups, (std::vector<SharedString>{"g1", "g2"}));
    EXPECT_EQ(u.issued, "api");  // absent: an older server
    EXPECT_TRUE(never_logged_in(u));
    EXPECT_TRUE(can(u, "users", "read"));
    EXPECT_FALSE(can(u, "users", "create"));
    EXPECT_FALSE(can(u, "peers", "read"));
}

// The one permission rule both pages use (issue 15): modules, writes vetoed by is_restricted; an
// older server without the block leaves it to the role.
TEST(ModelJson, CanIsTheModulesVetoedByRestrictionOrTheRoleWithoutThem) {
    CurrentUser admin;
    admin.role = "admin";
    EXPECT_TRUE(can(admin, "integrations", "update"));  // no permissions block
    CurrentUser member;
    member.role = "user";
    EXPECT_FALSE(can(member, "users", "read"));
    UserPermissions p;
    p.modules["users"] = {{"read", true}, {"update", true}};
    admin.permissions = p;
    EXPECT_TRUE(can(admin, "users", "update"));
    EXPECT_FALSE(can(admin, "users", "delete"));  // not granted
    admin.permissions->is_restricted = true;
    EXPECT_FALSE(can(admin, "users", "update"));
    EXPECT_TRUE(can(admin, "users", "read"));  // restricted users look, they do not manage
}

// What repeats across a list (role, group ids, issued) is held once, not once per user.
TEST(ModelJson, RepeatedValuesShareOneCopy) {
    std::vector<User> users;
    ASSERT_FALSE(read_json(R"([
        {"id":"a","email":"","name":"","role":"user","status":"active","auto_groups":["g1","g2"],
         "is_blocked":false,"pending_approval":false,"issued":"integration"},
        {"id":"b","email":"","name":"","role":"user","status":"active","auto_groups":["g2"],
         "is_blocked":false,"pending_approval":false,"issued":"integration"}])",
                           users));
    ASSERT_EQ(users.size(), 2u);
    EXPECT_EQ(users[1].auto_groups[0], "g2");
    EXPECT_EQ(&users[0].auto_groups[1].str(), &users[1].auto_groups[0].str());
    EXPECT_EQ(&users[0].role.str(), &users[1].role.str());
    EXPECT_EQ(&users[0].issued.str(), &users[1].issued.str());
    EXPECT_NE(&users[0].auto_groups[0].str(), &users[0].auto_groups[1].str());
    users[0].role = "admin";  // a copy of its own: the other user keeps its role
    EXPECT_EQ(users[1].role, "user");
}

TEST(ModelJson, NamesTheMissingRequiredField) {
    std::vector<User> users;
    auto err = read_json(R"([{"id":"a","email":"","name":"","role":"user","status":"active",
        "auto_groups":[],"is_blocked":false,"pending_approval":false},
        {"id":"b","email":"","name":"","role":"user","auto_groups":[],
        "is_blocked":false,"pending_approval":false}])",
                         users);
    ASSERT_TRUE(err);
    EXPECT_EQ(err->field, "[1].status");
    EXPECT_EQ(err->problem, "missing required field");
}

TEST(ModelJson, NamesTheWrongType) {
    CurrentUser u;
    std::string text = kUser;
    text.replace(text.find("\"g2\""), 4, "7");
    auto err = read_json(text, u);
    ASSERT_TRUE(err);
    EXPECT_EQ(err->message(), "auto_groups[1]: expected string, got number");

    text = kUser;
    text.replace(text.find("\"read\": true"), 12, "\"read\": \"yes\"");
    err = read_json(text, u);
    ASSERT_TRUE(err);
    EXPECT_EQ(err->message(), "permissions.modules.users.read: expected boolean, got string");
}

TEST(ModelJson, MalformedEmptyAndWrongDocument) {
    User u;
    for (const char* text : {"", "   ", "{", "{\"id\":", "<html>502</html>", "[1,2", "{} x"}) {
        auto err = read_json(text, u);
        ASSERT_TRUE(err) << text;
        EXPECT_FALSE(err->problem.empty());
    }
    auto err = read_json("[]", u);
    ASSERT_TRUE(err);
    EXPECT_EQ(err->problem, "expected object, got array");
}

TEST(ModelJson, GoNilSliceAndNullOptional) {
    CurrentUser u;
    std::string text = kUser;
    text.replace(text.find("[\"g1\", \"g2\"]"), 12, "null");
    ASSERT_FALSE(read_json(text, u));
    EXPECT_TRUE(u.auto_groups.empty());
    text.replace(text.find("\"permissions\""), 13, "\"permissions\": null, \"x\"");
    ASSERT_FALSE(read_json(text, u));
    EXPECT_FALSE(u.permissions);
    text = kUser;
    text.replace(text.find("\"Ann\""), 5, "null");
    auto err = read_json(text, u);
    ASSERT_TRUE(err);
    EXPECT_EQ(err->message(), "name: expected string, got null");
}

TEST(ModelJson, IntegrationIdsAreInt64) {
    OktaScimIntegration i;
    ASSERT_FALSE(read_json(R"({"id": 9007199254740993, "enabled": true, "group_prefixes": [],
        "user_group_prefixes": ["Eng"], "auth_token": "nbs_abc****",
        "last_synced_at": "2023-05-15T10:30:00Z"})",
                           i));
    EXPECT_EQ(i.id, 9007199254740993LL);
    EXPECT_TRUE(is_masked_token(i.auth_token));
    EXPECT_FALSE(i.connector_id);
    auto err = read_json(R"({"id": 1.5})", i);
    ASSERT_TRUE(err);
    EXPECT_EQ(err->field, "id");
    err = read_json(R"({"id": 18446744073709551615})", i);
    ASSERT_TRUE(err);
    EXPECT_EQ(err->field, "id");
}

TEST(ModelJson, WritesAndReadsBack) {
    CurrentUser u;
    ASSERT_FALSE(read_json(kUser, u));
    CurrentUser back;
    ASSERT_FALSE(read_json(write_json(u), back));
    EXPECT_EQ(write_json(back), write_json(u));
    EXPECT_EQ(back.permissions->modules.at("groups").at("read"), true);
}

TEST(ModelJson, UpdateRequestSendsOnlyTheSetFields) {
    UpdateOktaScimIntegrationRequest r;
    r.enabled = false;
    EXPECT_EQ(write_json(r), R"({"enabled":false})");
    r.group_prefixes = std::vector<std::string>{};
    EXPECT_EQ(write_json(r), R"({"enabled":false,"group_prefixes":[]})");
    UserRequest ur{"user", {"g"}, true};
    EXPECT_EQ(write_json(ur), R"({"auto_groups":["g"],"is_blocked":true,"role":"user"})");
}

// PUT /accounts/{id} replaces the settings: what GET returned goes back, with the one change.
TEST(ModelJson, AccountSettingsRoundTripWithTheApprovalSwitch) {
    Account a;
    ASSERT_FALSE(read_json(R"({"id":"acc1","settings":{"peer_login_expiration":3600,
        "peer_expose_groups":["g1"],"extra":{"user_approval_required":false,
        "network_traffic_logs_groups":["g2"]}}})",
                           a));
    AccountRequest r{a.settings};
    r.settings.extra->user_approval_required = true;
    const nlohmann::json sent = nlohmann::json::parse(write_json(r));
    EXPECT_EQ(sent["settings"]["peer_login_expiration"], 3600);
    EXPECT_EQ(sent["settings"]["peer_expose_groups"][0], "g1");
    EXPECT_EQ(sent["settings"]["extra"]["user_approval_required"], true);
    EXPECT_EQ(sent["settings"]["extra"]["network_traffic_logs_groups"][0], "g2");
}

TEST(ModelJson, IdentityProviderCarriesTheEmailDomain) {
    IdentityProviderRequest r{"okta", "Okta", "https://acme.okta.com", "cid", "s", "acme.com"};
    EXPECT_EQ(nlohmann::json::parse(write_json(r))["email_domain"], "acme.com");
    IdentityProvider p;
    ASSERT_FALSE(
        read_json(R"({"type":"okta","name":"Okta","issuer":"https://a","client_id":"c"})", p));
    EXPECT_EQ(p.email_domain, "");  // older servers: no domain
}

// The users list as read_json() reads it, read again a few bytes per step.
TEST(ModelJson, SlicesReadTheSameDocumentOverManySteps) {
    std::string list = "[";
    for (int i = 0; i < 30; ++i)
        list += std::string(i ? "," : "") + R"({"id":"u)" + std::to_string(i) +
                R"(","email":"u@x.io","name":"N \u00e9","role":"user","status":"active",)"
                R"("auto_groups":["g1"],"is_blocked":false,"pending_approval":false})";
    list += "]";
    std::vector<User> whole;
    ASSERT_FALSE(read_json(list, whole));
    for (const std::size_t bytes : {std::size_t{1}, std::size_t{7}, std::size_t{300}}) {
        std::vector<User> sliced;
        JsonSlices slices = read_json_slices(list, sliced);
        std::size_t steps = 1;
        while (!slices.step(bytes)) ++steps;
        EXPECT_FALSE(slices.error()) << slices.error()->message();
        EXPECT_GE(steps, list.size() / bytes / 2) << bytes;  // it did stop between values
        ASSERT_EQ(sliced.size(), whole.size());
        EXPECT_EQ(sliced.capacity(), sliced.size());  // counted first, sized once
        EXPECT_EQ(sliced.back().id, "u29");
        EXPECT_EQ(sliced[3].name, "N \xC3\xA9");
        EXPECT_TRUE(slices.step(bytes));  // over: further steps change nothing
    }
}

TEST(ModelJson, SlicesReportAnErrorWhereItIs) {
    auto group = [](const std::string& id) {
        return R"({"id":)" + id + R"(,"name":"a","peers_count":0,"resources_count":0,)" +
               R"("peers":[],"resources":[]})";
    };
    const std::string list = "[" + group("\"g1\"") + "," + group("\"g2\"") + "," + group("3") + "]";
    std::vector<Group> groups;
    JsonSlices slices = read_json_slices(list, groups);
    int steps = 1;
    while (!slices.step(4)) ++steps;
    EXPECT_GT(steps, 20);
    ASSERT_TRUE(slices.error());
    EXPECT_EQ(slices.error()->message(), "[2].id: expected string, got number");
    const std::string cut = "[" + group("\"g1\"") + ",";
    JsonSlices truncated = read_json_slices(cut, groups);
    while (!truncated.step(3)) {
    }
    ASSERT_TRUE(truncated.error());
    JsonSlices empty = read_json_slices(" ", groups);
    EXPECT_TRUE(empty.step(1));
    ASSERT_TRUE(empty.error());
    EXPECT_EQ(empty.error()->problem, "empty body");
}

TEST(ModelJson, InvalidUtf8IsReplacedNotFatal) {
    ErrorBody e{"bad \xff byte", 3};
    EXPECT_NE(write_json(e).find("bad"), std::string::npos);
    ErrorBody back;
    EXPECT_TRUE(read_json("{\"message\": \"bad \xff\"}", back));
}

}  // namespace
}  // namespace openzro
