// The tokenizer behind read_json: strict RFC 8259, UTF-8 checked, never aborts.
#include <gtest/gtest.h>

#include "client/model_json.h"

namespace openzro {
namespace {

std::optional<JsonError> read_message(const std::string& json_value) {
    ErrorBody e;
    return read_json(R"({"message": )" + json_value + "}", e);
}

std::string message_of(const std::string& json_value) {
    ErrorBody e;
    EXPECT_FALSE(read_json(R"({"message": )" + json_value + "}", e)) << json_value;
    return e.message;
}

TEST(JsonSax, Escapes) {
    EXPECT_EQ(message_of(R"("a\"b\\c\/d\b\f\n\r\t")"), "a\"b\\c/d\b\f\n\r\t");
    EXPECT_EQ(message_of(R"("\u00e9\u20ac\ud83d\ude00")"), "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    EXPECT_EQ(message_of("\"caf\xC3\xA9\""), "caf\xC3\xA9");
    for (const char* bad :
         {R"("\x")", R"("\u12")", R"("\ud83d")", R"("\ude00")", R"("\ud83d\u0041")", "\"a\nb\"",
          "\"\xFF\"", "\"\xC0\xAF\"", "\"\xED\xA0\x80\"", "\"\xE2\x82\"", "\"\xF4\x90\x80\x80\"",
          R"("open)"}) {
        EXPECT_TRUE(read_message(bad)) << bad;
    }
}

TEST(JsonSax, Numbers) {
    ErrorBody e;
    for (const char* ok : {"0", "-0", "12", "-9223372036854775808", "9223372036854775807"}) {
        EXPECT_FALSE(read_json(std::string(R"({"code": )") + ok + "}", e)) << ok;
    }
    EXPECT_EQ(e.code, 9223372036854775807LL);
    ASSERT_FALSE(read_json(R"({"code": -9223372036854775808})", e));
    EXPECT_EQ(e.code, INT64_MIN);
    for (const char* bad : {"01", "-", "1.", ".5", "1e", "+1", "0x10", "1.5", "1e3",
                            "-9223372036854775809", "18446744073709551616", "NaN", "Infinity"}) {
        EXPECT_TRUE(read_json(std::string(R"({"code": )") + bad + "}", e)) << bad;
    }
    // Numbers of any form are fine where they are skipped.
    EXPECT_FALSE(read_json(R"({"x": [1.5e-3, -0.0, 1E+9, 123456789012345678901234567890]})", e));
}

TEST(JsonSax, Structure) {
    ErrorBody e;
    for (const char* bad :
         {"{", "}", "{\"a\" 1}", "{\"a\":1,}", "[1,]", "{,}", "{\"a\":1 \"b\":2}", "{'a':1}",
          "{a:1}", "{\"a\":tru}", "{\"a\":nul}", "{} x", "{}}", "[]]", "{\"message\":\"x\"}\x01"}) {
        EXPECT_TRUE(read_json(bad, e)) << bad;
    }
    EXPECT_FALSE(read_json(" \r\n\t{ \"message\" : \"ok\" , \"code\" : 1 } \n", e));
    EXPECT_EQ(e.message, "ok");
}

TEST(JsonSax, DeepNestingIsSkippedWithoutRecursion) {
    const std::string deep = std::string(200000, '[') + std::string(200000, ']');
    ErrorBody e;
    EXPECT_FALSE(read_json("{\"x\": " + deep + ", \"message\": \"m\"}", e));
    EXPECT_EQ(e.message, "m");
    EXPECT_TRUE(read_json("{\"x\": " + std::string(200000, '['), e));
}

TEST(JsonSax, ErrorsSayWhere) {
    ErrorBody e;
    EXPECT_EQ(read_json("", e)->message(), "empty body");
    EXPECT_EQ(read_json("<html>", e)->message(), "not JSON");
    EXPECT_EQ(read_json("{\"message\": ", e)->message(), "truncated JSON at byte 12");
    EXPECT_EQ(read_json("{\"message\": x}", e)->message(), "invalid value at byte 12");
}

}  // namespace
}  // namespace openzro
