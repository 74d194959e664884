// The shared text helpers (client/text.h): the one integer parser.
#include "client/text.h"

#include <gtest/gtest.h>

namespace openzro {
namespace {

TEST(ParseInt64, ReadsAWholeDecimalInteger) {
    EXPECT_EQ(parse_int64("0"), 0);
    EXPECT_EQ(parse_int64("42"), 42);
    EXPECT_EQ(parse_int64("-7"), -7);
    EXPECT_EQ(parse_int64("007"), 7);
}

TEST(ParseInt64, ReadsBothEndsOfTheRange) {
    EXPECT_EQ(parse_int64("9223372036854775807"), INT64_MAX);
    EXPECT_EQ(parse_int64("-9223372036854775808"), INT64_MIN);
}

TEST(ParseInt64, RefusesAnEmptyText) {
    EXPECT_EQ(parse_int64(""), std::nullopt);
    EXPECT_EQ(parse_int64(std::string_view()), std::nullopt);
}

TEST(ParseInt64, RefusesAnythingButTheNumber) {
    EXPECT_EQ(parse_int64("12abc"), std::nullopt);
    EXPECT_EQ(parse_int64("abc"), std::nullopt);
    EXPECT_EQ(parse_int64(" 12"), std::nullopt);
    EXPECT_EQ(parse_int64("12 "), std::nullopt);
    EXPECT_EQ(parse_int64("+12"), std::nullopt);
    EXPECT_EQ(parse_int64("-"), std::nullopt);
    EXPECT_EQ(parse_int64("1.5"), std::nullopt);
    EXPECT_EQ(parse_int64("0x10"), std::nullopt);
}

TEST(ParseInt64, RefusesAValueOutOfRange) {
    EXPECT_EQ(parse_int64("9223372036854775808"), std::nullopt);
    EXPECT_EQ(parse_int64("-9223372036854775809"), std::nullopt);
    EXPECT_EQ(parse_int64("99999999999999999999999"), std::nullopt);
}

TEST(ParseInt64, ReadsOnlyTheViewItIsGiven) {
    const std::string_view digits = std::string_view("123456").substr(0, 3);
    EXPECT_EQ(parse_int64(digits), 123);
}

TEST(ParseDigits, ReadsUpToTheGivenNumberOfDigits) {
    EXPECT_EQ(parse_digits("0", 9), 0);
    EXPECT_EQ(parse_digits("123456789", 9), 123456789);
    EXPECT_EQ(parse_digits("1234567890", 9), std::nullopt);
}

TEST(ParseDigits, RefusesSignsBlanksAndAnEmptyText) {
    for (const char* text : {"", "-1", "+1", " 1", "1 ", "1.5"})
        EXPECT_EQ(parse_digits(text, 9), std::nullopt) << text;
}

}  // namespace
}  // namespace openzro
