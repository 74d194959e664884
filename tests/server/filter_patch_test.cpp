// The SCIM filter parser and PATCH applier on their own.
#include <gtest/gtest.h>

#include "server/json_text.h"
#include "server/scim_filter.h"
#include "server/scim_patch.h"
#include "server/scim_resources.h"

namespace openzro::scim {
namespace {

using json = nlohmann::json;

const json kUser = {{"id", "u1"},
                    {"userName", "Jane@Example.com"},
                    {"externalId", "00uX"},
                    {"active", true},
                    {"name", {{"givenName", "Jane"}}},
                    {"emails", {{{"type", "work"}, {"value", "jane@example.com"}}}}};

bool matches(const std::string& text) {
    const FilterParse f = parse_filter(text);
    EXPECT_TRUE(f.ok) << text << ": " << f.error;
    return f.ok && filter_matches(f.root, kUser);
}

TEST(ScimFilter, Operators) {
    EXPECT_TRUE(matches("userName eq \"jane@example.com\""));
    EXPECT_TRUE(matches("UserName Eq \"JANE@EXAMPLE.COM\""));
    EXPECT_FALSE(matches("externalId eq \"00ux\""));  // externalId is case-exact
    EXPECT_TRUE(matches("name.givenName sw \"Ja\""));
    EXPECT_TRUE(matches("emails.value co \"example\""));
    EXPECT_TRUE(matches("emails pr"));
    EXPECT_FALSE(matches("title pr"));
    EXPECT_TRUE(matches("active eq true and not (userName eq \"x\")"));
    EXPECT_TRUE(matches("userName eq \"x\" or (externalId eq \"00uX\")"));
    EXPECT_TRUE(matches("urn:ietf:params:scim:schemas:core:2.0:User:userName ne \"x\""));
    EXPECT_TRUE(matches("userName eq \"jane@example.com\" AND active eq TRUE"));
}

TEST(ScimFilter, Rejects) {
    for (const char* bad :
         {"", "userName", "userName eq", "userName zz \"x\"", "(userName eq \"x\"",
          "emails[type eq \"work\"]", "userName eq \"x", "userName eq x", "not userName eq \"x\"",
          "a eq \"1\" b", "userName eq \"x\" and"}) {
        EXPECT_FALSE(parse_filter(bad).ok) << bad;
    }
    std::string deep(200, '(');
    EXPECT_FALSE(parse_filter(deep + "a eq 1").ok);
}

TEST(ScimFilter, SimpleEquality) {
    const auto eq = simple_equality(parse_filter("userName eq \"a@b.c\"").root);
    ASSERT_TRUE(eq);
    EXPECT_EQ(eq->first, "username");
    EXPECT_EQ(eq->second, "a@b.c");
    EXPECT_FALSE(simple_equality(parse_filter("userName co \"a\"").root));
}

PatchResult patch(json& resource, const json& operations) {
    return apply_patch(resource, {{"Operations", operations}});
}

TEST(ScimPatch, NoPathReplaceAndIdInsideValue) {
    json r = kUser;
    EXPECT_TRUE(
        patch(r, {{{"op", "replace"},
                   {"value", {{"id", "u1"}, {"active", false}, {"name.familyName", "Doe"}}}}})
            .ok);
    EXPECT_EQ(r["active"], false);
    EXPECT_EQ(r["name"]["familyName"], "Doe");
    const PatchResult bad = patch(r, {{{"op", "replace"}, {"value", {{"id", "u2"}}}}});
    EXPECT_FALSE(bad.ok);
    EXPECT_EQ(bad.scim_type, "mutability");
}

TEST(ScimPatch, FailedPatchChangesNothing) {
    json r = kUser;
    EXPECT_FALSE(
        patch(r, {{{"op", "replace"}, {"path", "active"}, {"value", false}}, {{"op", "explode"}}})
            .ok);
    EXPECT_EQ(r, kUser);
}

TEST(ScimPatch, Members) {
    json g = {{"id", "g1"}, {"members", {{{"value", "a"}}, {{"value", "b"}}}}};
    EXPECT_TRUE(patch(g, {{{"op", "add"},
                           {"path", "members"},
                           {"value", {{{"value", "b"}}, {{"value", "c"}}}}}})
                    .ok);
    EXPECT_EQ(g["members"].size(), 3u);
    EXPECT_TRUE(patch(g, {{{"op", "remove"}, {"path", "members[value eq \"a\"]"}}}).ok);
    EXPECT_EQ(g["members"].size(), 2u);
    EXPECT_TRUE(patch(g, {{{"op", "remove"}, {"path", "members[value eq \"zzz\"]"}}}).ok);
    EXPECT_TRUE(patch(g, {{{"op", "REPLACE"}, {"path", "members"}, {"value", json::array()}}}).ok);
    EXPECT_EQ(g["members"], json::array());
    EXPECT_TRUE(patch(g, {{{"op", "remove"}, {"path", "members"}}}).ok);
    EXPECT_FALSE(g.contains("members"));
}

TEST(ScimPatch, Errors) {
    json r = kUser;
    EXPECT_EQ(apply_patch(r, json::array()).scim_type, "invalidSyntax");
    EXPECT_EQ(apply_patch(r, {{"Operations", json::array()}}).scim_type, "invalidSyntax");
    EXPECT_EQ(patch(r, {{{"op", "remove"}}}).scim_type, "noTarget");
    EXPECT_EQ(patch(r, {{{"op", "replace"}, {"value", 5}}}).scim_type, "invalidValue");
    EXPECT_EQ(
        patch(r, {{{"op", "replace"}, {"path", "emails[type eq \"home\"].value"}, {"value", "x"}}})
            .scim_type,
        "noTarget");
    EXPECT_EQ(patch(r, {{{"op", "replace"}, {"path", "emails[type zz].value"}, {"value", "x"}}})
                  .scim_type,
              "invalidPath");
    EXPECT_EQ(patch(r, {{{"op", "replace"}, {"path", 7}, {"value", "x"}}}).scim_type,
              "invalidPath");
}

// Issue 12, point 4: adding N values is linear in N and the array, never N x array.
TEST(ScimPatch, AddingValuesIsLinearAndBounded) {
    json g = {{"id", "g1"}, {"members", json::array()}};
    json values = json::array();
    for (std::size_t i = 0; i < kMaxValuesPerOperation; ++i)
        values.push_back({{"value", "u" + std::to_string(i)}});
    const PatchResult added = patch(g, {{{"op", "add"}, {"path", "members"}, {"value", values}}});
    ASSERT_TRUE(added.ok);
    EXPECT_EQ(g["members"].size(), kMaxValuesPerOperation);
    EXPECT_LE(added.work, 2 * kMaxValuesPerOperation);
    // Adding them again (all known) and removing them is as cheap.
    const PatchResult again =
        patch(g, {{{"op", "add"}, {"path", "members"}, {"value", values}},
                  {{"op", "remove"}, {"path", "members"}, {"value", values}}});
    ASSERT_TRUE(again.ok);
    EXPECT_EQ(g["members"], json::array());
    EXPECT_LE(again.work, 5 * kMaxValuesPerOperation);
    values.push_back({{"value", "one too many"}});
    EXPECT_EQ(patch(g, {{{"op", "add"}, {"path", "members"}, {"value", values}}}).scim_type,
              "invalidValue");
    EXPECT_EQ(patch(g, {{{"op", "add"}, {"value", {{"members", values}}}}}).scim_type,
              "invalidValue");
}

TEST(ScimPatch, ManyOperationsGrowingAnArrayHitTheWorkBound) {
    json g = {{"id", "g1"}, {"members", json::array()}};
    json ops = json::array();
    for (std::size_t i = 0; i < kMaxWork / 1000; ++i) {
        json values = json::array();
        for (int v = 0; v < 10; ++v) values.push_back(std::to_string(i) + "." + std::to_string(v));
        ops.push_back({{"op", "add"}, {"path", "members"}, {"value", values}});
    }
    const json before = g;
    EXPECT_EQ(patch(g, ops).scim_type, "tooMany");
    EXPECT_EQ(g, before);
}

// Issue 12, point 3: a value filter over plain values (not objects) is a bad path, not a crash.
TEST(ScimPatch, FilterOverPlainValuesIsInvalidPath) {
    json r = kUser;
    for (const char* op : {"add", "replace", "remove"}) {
        const PatchResult result =
            patch(r, {{{"op", "add"}, {"path", "x"}, {"value", {1, "a", nullptr}}},
                      {{"op", op}, {"path", "x[value ne \"a\"].y"}, {"value", 1}}});
        EXPECT_EQ(result.scim_type, "invalidPath") << op;
    }
    EXPECT_EQ(r, kUser);
}

TEST(ScimResources, ReadUserNormalisesAndDropsPassword) {
    UserRecord u;
    EXPECT_FALSE(read_user({{"userName", "a@b.c"}, {"active", "False"}, {"password", "p"}}, u));
    EXPECT_TRUE(u.is_blocked);
    EXPECT_EQ(u.scim.find("\"p\""), std::string::npos);
    EXPECT_TRUE(read_user({{"userName", ""}}, u));
    EXPECT_TRUE(read_user({{"userName", "a"}, {"active", "maybe"}}, u));
    EXPECT_FALSE(depth_ok(json::parse(std::string(40, '[') + std::string(40, ']')), 16));
}

}  // namespace
}  // namespace openzro::scim

namespace openzro {
namespace {

std::string quoted(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

TEST(JsonText, EscapesAndReplacesInvalidUtf8) {
    EXPECT_EQ(quoted("plain"), "\"plain\"");
    EXPECT_EQ(quoted("a\"b\\c\n"), "\"a\\\"b\\\\c\\u000a\"");
    EXPECT_EQ(quoted("caf\xC3\xA9 \xF0\x9F\x98\x80"), "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
    EXPECT_EQ(quoted("x\xFFy\xC3"), "\"x\xEF\xBF\xBDy\xEF\xBF\xBD\"");
    EXPECT_EQ(quoted("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a surrogate
}

}  // namespace
}  // namespace openzro
