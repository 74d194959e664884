// The SCIM filter parser and PATCH applier on their own.
#include <gtest/gtest.h>

#include "server/http_types.h"
#include "server/json_text.h"
#include "server/scim_filter.h"
#include "server/scim_patch.h"
#include "server/scim_resources.h"
#include "server/user_name_key.h"

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

TEST(ScimResources, KeysThatDifferOnlyInCaseInSmallAndLargeObjects) {
    EXPECT_TRUE(keys_distinct_ignoring_case(kUser));
    EXPECT_FALSE(keys_distinct_ignoring_case({{"userName", "a"}, {"USERNAME", "b"}}));
    EXPECT_FALSE(keys_distinct_ignoring_case({{"a", {{"x", {{{"Value", 1}, {"value", 2}}}}}}}));
    json large = json::object();  // past the pair-by-pair check's size
    for (int i = 0; i < 40; ++i) large["key" + std::to_string(i)] = i;
    large["Key_"] = 0;
    EXPECT_TRUE(keys_distinct_ignoring_case(large));
    large["KEY39"] = 1;
    EXPECT_FALSE(keys_distinct_ignoring_case(large));
    large.erase("KEY39");
    large["key_"] = 2;
    EXPECT_FALSE(keys_distinct_ignoring_case(large));
    large.erase("key_");
    EXPECT_FALSE(keys_distinct_ignoring_case({{"nested", large}, {"x", {{"a", 1}, {"A", 2}}}}));
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

// Printable ASCII takes a shortcut (its lower case); the same characters inside a name that
// also has non-ASCII ones go through ICU (NFD, case folding, NFC): both give the same key.
TEST(UserNameKey, PrintableAsciiKeysAreWhatUnicodeGives) {
    const std::string e_acute = "\xC3\xA9";
    for (char c = 0x20; c < 0x7f; ++c) {
        const std::string one(1, c);
        const auto shortcut = user_name_key(one);
        const auto full = user_name_key(one + e_acute);
        ASSERT_TRUE(shortcut && full) << int(c);
        EXPECT_EQ(*shortcut + e_acute, *full) << int(c);
        EXPECT_EQ(*shortcut, to_lower(one)) << int(c);
    }
    EXPECT_EQ(user_name_key("Jane.DOE+x@Example.COM"), "jane.doe+x@example.com");
    EXPECT_EQ(user_name_key(""), "");
    for (const char* refused : {"a\tb", "a\x7f", "\x01", "a\u200Bb", "a\xFF"})
        EXPECT_FALSE(user_name_key(refused)) << refused;
    EXPECT_EQ(user_name_key("J\xC3\x84NE"), user_name_key("ja\xCC\x88ne"));
    EXPECT_EQ(user_name_key("\xE2\x84\xAA"), "k");  // KELVIN SIGN folds to ASCII
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
