// Widgets through the real pages: copyable field, text field, disabled reasons, links, toasts
// and the confirm dialog.
#include <gtest/gtest.h>
#include <imgui_internal.h>

#include "harness/harness.h"
#include "ui/confirm_dialog.h"
#include "ui/toasts.h"

using harness::Harness;

TEST(CopyField, CopiesTheValueAndShowsACheckMarkForTwoSeconds) {
    Harness h;
    const ui::Item* value = h.find("SCIM connector base URL");
    ASSERT_NE(value, nullptr);
    EXPECT_EQ(value->value, "http://127.0.0.1:8080/api/scim/v2");
    ASSERT_TRUE(h.click("Copy SCIM connector base URL"));
    EXPECT_EQ(h.clipboard, "http://127.0.0.1:8080/api/scim/v2");
    EXPECT_GT(h.last.wake_after, 1.5);  // the platform is asked to wake up for the check mark
    h.advance(2.1);
    EXPECT_LT(h.last.wake_after, 0);
}

TEST(TextField, TypingUpdatesTheValueTheRegistryReports) {
    Harness h({1280, 800, 1.0f, "#/team/users"});
    ASSERT_TRUE(h.click("Search users"));
    h.type("jane");
    EXPECT_EQ(h.app.users.search, "jane");
    EXPECT_EQ(h.find("Search users")->value, "jane");
    h.press(ImGuiKey_Backspace);
    EXPECT_EQ(h.app.users.search, "jan");
}

TEST(TextField, KeepsItsValueAcrossNavigation) {
    Harness h({1280, 800, 1.0f, "#/team/users"});
    ASSERT_TRUE(h.click("Search users"));
    h.type("ops");
    ASSERT_TRUE(h.click("Integrations"));
    ASSERT_TRUE(h.click("Users"));
    EXPECT_EQ(h.find("Search users")->value, "ops");
}

TEST(Button, DisabledButtonSaysWhyAndDoesNothing) {
    Harness h;
    const ui::Item* connect = h.find("Connect Okta");
    ASSERT_NE(connect, nullptr);
    EXPECT_TRUE(connect->state & ui::ItemState_Disabled);
    const size_t before = h.history.size();
    ASSERT_TRUE(h.click("Connect Okta"));
    EXPECT_EQ(h.history.size(), before);
    // Hovering shows the reason as a tooltip window.
    h.advance(0.3);
    bool tooltip = false;
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->Active && (w->Flags & ImGuiWindowFlags_Tooltip)) tooltip = true;
    EXPECT_TRUE(tooltip);
}

TEST(Link, OpensExternalPagesThroughThePlatform) {
    Harness h;
    ASSERT_TRUE(h.click("Okta SCIM documentation"));
    ASSERT_EQ(h.opened_urls.size(), 1u);
    EXPECT_EQ(h.opened_urls[0], "https://developer.okta.com/docs/concepts/scim/");
    EXPECT_EQ(h.find("Okta SCIM documentation")->role, ui::Role::Link);
}

TEST(Toasts, InfoExpiresAfterFourSecondsErrorsStay) {
    Harness h;
    ui::toast_push(h.app.toasts, ui::ToastKind::Success, "Saved");
    ui::toast_push(h.app.toasts, ui::ToastKind::Error, "Could not save");
    h.frame();
    EXPECT_GT(h.last.wake_after, 3.5);
    h.advance(4.1);
    ASSERT_EQ(h.app.toasts.items.size(), 1u);
    EXPECT_EQ(h.app.toasts.items[0].message, "Could not save");
    EXPECT_LT(h.last.wake_after, 0);
    ASSERT_TRUE(h.click("Dismiss"));
    EXPECT_TRUE(h.app.toasts.items.empty());
}

TEST(ConfirmDialog, EscapeCancelsAndConfirmAnswers) {
    Harness h;
    ui::ConfirmDialog dialog;
    ui::ConfirmResult answer = ui::ConfirmResult::None;
    h.overlay = [&] {
        const ui::ConfirmResult r = ui::confirm_draw(dialog);
        if (r != ui::ConfirmResult::None) answer = r;
    };
    ui::confirm_open(dialog, "Delete integration?", "Okta stops syncing.", "Delete", 7);
    h.frame(2);
    ASSERT_NE(h.find("Delete"), nullptr);
    ASSERT_NE(h.find("Cancel"), nullptr);
    h.press(ImGuiKey_Escape);
    EXPECT_EQ(answer, ui::ConfirmResult::Cancelled);
    EXPECT_FALSE(dialog.open);
    EXPECT_EQ(h.find("Delete"), nullptr);

    ui::confirm_open(dialog, "Delete integration?", "Okta stops syncing.", "Delete", 7);
    h.frame(2);
    // Clicks outside the dialog do not reach the page behind it.
    const size_t before = h.history.size();
    ASSERT_TRUE(h.click("Users"));
    EXPECT_EQ(h.history.size(), before);
    EXPECT_TRUE(dialog.open);
    ASSERT_TRUE(h.click("Delete"));
    EXPECT_EQ(answer, ui::ConfirmResult::Confirmed);
    EXPECT_EQ(dialog.action, 7);
    EXPECT_FALSE(dialog.open);
}
