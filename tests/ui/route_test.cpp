#include "ui/route.h"

#include <gtest/gtest.h>

using ui::Page;
using ui::route_format;
using ui::route_parse;

TEST(Route, EmptyHashIsTheIntegrationsPage) {
    EXPECT_EQ(route_parse("").page, Page::Integrations);
    EXPECT_EQ(route_parse("#").page, Page::Integrations);
    EXPECT_EQ(route_parse("#/").page, Page::Integrations);
}

TEST(Route, KnownPagesAndTrailingSlashes) {
    EXPECT_EQ(route_parse("#/integrations").page, Page::Integrations);
    EXPECT_EQ(route_parse("#/team/users").page, Page::TeamUsers);
    EXPECT_EQ(route_parse("#/team/users/").page, Page::TeamUsers);
    EXPECT_EQ(route_parse("/team/users").page, Page::TeamUsers);
    EXPECT_EQ(route_parse("#/sign-in?error=blocked").page, Page::SignIn);
}

TEST(Route, UnknownPathIsNotFoundAndKeepsThePath) {
    const ui::Route r = route_parse("#/nope/x");
    EXPECT_EQ(r.page, Page::NotFound);
    EXPECT_EQ(r.path, "/nope/x");
}

TEST(Route, QueryIsDecodedAndRoundTrips) {
    const ui::Route r = route_parse("#/team/users?source=okta&q=jane%20doe&group=a%26b&flag");
    ASSERT_EQ(r.query.size(), 4u);
    EXPECT_EQ(*ui::route_query_value(r, "source"), "okta");
    EXPECT_EQ(*ui::route_query_value(r, "q"), "jane doe");
    EXPECT_EQ(*ui::route_query_value(r, "group"), "a&b");
    EXPECT_EQ(*ui::route_query_value(r, "flag"), "");
    EXPECT_EQ(ui::route_query_value(r, "missing"), nullptr);
    EXPECT_EQ(route_format(route_parse(route_format(r))), route_format(r));
    EXPECT_EQ(route_format(r), "#/team/users?source=okta&q=jane%20doe&group=a%26b&flag=");
}

TEST(Route, MalformedPercentEscapesStayLiteral) {
    const ui::Route r = route_parse("#/team/users?q=%zz%4");
    EXPECT_EQ(*ui::route_query_value(r, "q"), "%zz%4");
}
