// The app shell: navigation, routes, history, theme.
#include <gtest/gtest.h>

#include "harness/harness.h"

using harness::Harness;

TEST(Shell, StartsOnIntegrationsWithTheSidebar) {
    Harness h;
    EXPECT_EQ(h.app.route.page, ui::Page::Integrations);
    ASSERT_NE(h.find("Integrations"), nullptr);
    EXPECT_EQ(h.find("Integrations")->role, ui::Role::Link);
    EXPECT_TRUE(h.find("Integrations")->state & ui::ItemState_Selected);
    ASSERT_NE(h.find("Users"), nullptr);
    EXPECT_FALSE(h.find("Users")->state & ui::ItemState_Selected);
}

TEST(Shell, ClickingTheSidebarNavigatesAndPushesHistory) {
    Harness h;
    ASSERT_TRUE(h.click("Users"));
    EXPECT_EQ(h.app.route.page, ui::Page::TeamUsers);
    EXPECT_EQ(h.history.back(), "#/team/users");
    EXPECT_EQ(h.app.shown_path, "/team/users");  // the Users page is showing
    EXPECT_TRUE(h.find("Users")->state & ui::ItemState_Selected);

    ASSERT_TRUE(h.click("Integrations"));
    EXPECT_EQ(h.app.route.page, ui::Page::Integrations);
    EXPECT_EQ(h.history.back(), "#/integrations");
    EXPECT_EQ(h.app.shown_path, "/integrations");
}

TEST(Shell, ClickingTheCurrentPageDoesNotPushHistory) {
    Harness h;
    const size_t before = h.history.size();
    ASSERT_TRUE(h.click("Integrations"));
    EXPECT_EQ(h.history.size(), before);
}

TEST(Shell, DeepLinkOpensThePage) {
    Harness h({1280, 800, 1.0f, "#/team/users?source=okta"});
    EXPECT_EQ(h.app.route.page, ui::Page::TeamUsers);
    EXPECT_EQ(h.app.shown_path, "/team/users");
}

TEST(Shell, BackReturnsToThePreviousPage) {
    Harness h;
    ASSERT_TRUE(h.click("Users"));
    h.back();
    EXPECT_EQ(h.app.route.page, ui::Page::Integrations);
    EXPECT_EQ(h.app.shown_path, "/integrations");
}

TEST(Shell, UnknownRouteShowsNotFoundWithAWayBack) {
    Harness h({1280, 800, 1.0f, "#/does-not-exist"});
    EXPECT_EQ(h.app.route.page, ui::Page::NotFound);
    ASSERT_TRUE(h.click("Go to Integrations"));
    EXPECT_EQ(h.app.route.page, ui::Page::Integrations);
    EXPECT_EQ(h.history.back(), "#/integrations");
}

TEST(Shell, TeamGroupCollapsesAndExpands) {
    Harness h;
    const ui::Item* team = h.find("Team");
    ASSERT_NE(team, nullptr);
    EXPECT_EQ(team->role, ui::Role::TreeItem);
    EXPECT_TRUE(team->state & ui::ItemState_Expanded);
    ASSERT_TRUE(h.click("Team"));
    EXPECT_EQ(h.find("Users"), nullptr);
    EXPECT_FALSE(h.find("Team")->state & ui::ItemState_Expanded);
    ASSERT_TRUE(h.click("Team"));
    EXPECT_NE(h.find("Users"), nullptr);
}

TEST(Shell, ThemeSwitchesBetweenDarkAndLight) {
    Harness h;
    EXPECT_EQ(h.app.theme.mode, ui::ThemeMode::Dark);
    ASSERT_TRUE(h.click("Light theme"));
    EXPECT_EQ(h.app.theme.mode, ui::ThemeMode::Light);
    EXPECT_EQ(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x,
              ImGui::ColorConvertU32ToFloat4(h.app.theme.palette.bg).x);
    ASSERT_TRUE(h.click("Dark theme"));
    EXPECT_EQ(h.app.theme.mode, ui::ThemeMode::Dark);
}

TEST(Shell, KeyboardReachesAndActivatesTheNavigation) {
    Harness h;
    ASSERT_TRUE(h.click("Integrations"));
    h.press(ImGuiKey_DownArrow);
    h.press(ImGuiKey_DownArrow);
    const ui::Item* users = h.find("Users");
    ASSERT_NE(users, nullptr);
    EXPECT_TRUE(users->state & ui::ItemState_Focused);
    h.press(ImGuiKey_Enter);
    EXPECT_EQ(h.app.route.page, ui::Page::TeamUsers);
}

TEST(Shell, HighDpiScalesLayoutButKeepsLabels) {
    Harness h1({1280, 800, 1.0f, ""});
    const ui::Item* a = h1.find("Light theme");
    ASSERT_NE(a, nullptr);
    const float w1 = a->max.x - a->min.x;
    Harness h2({1280, 800, 2.0f, ""});
    const ui::Item* b = h2.find("Light theme");
    ASSERT_NE(b, nullptr);
    EXPECT_NEAR(b->max.x - b->min.x, 2 * w1, 2.0f);
}

// Embedded, the host signs users in: a notice instead of the sign-in screen (sign_in_test.cpp).
TEST(Shell, SignedOutBlocksTheAppWithAnExplanation) {
    harness::HarnessConfig config;
    config.host_authorizes = true;
    Harness h(config);
    ui::app_set_signed_out(h.app);
    h.settle();
    const size_t before = h.history.size();
    ASSERT_TRUE(h.click("Users"));  // behind the notice: nothing happens
    EXPECT_EQ(h.history.size(), before);
    EXPECT_EQ(h.app.route.page, ui::Page::Integrations);
}
