// Widgets shown over the app as a page would show them: copyable field, text field, disabled
// reasons, links, toasts and the confirm dialog.
#include <gtest/gtest.h>
#include <imgui_internal.h>

#include "harness/harness.h"
#include "ui/confirm_dialog.h"
#include "ui/toasts.h"
#include "ui/widgets.h"

using harness::Harness;

namespace {

// Shows `view` in a window over the app, the way a page would.
void show(Harness& h, std::function<void()> view) {
    h.overlay = [view = std::move(view)] {
        ImGui::SetNextWindowPos(ImVec2(300, 100));
        ImGui::SetNextWindowSize(ImVec2(600, 400));
        ImGui::Begin("##widget-test", nullptr, ImGuiWindowFlags_NoDecoration);
        view();
        ImGui::End();
    };
    h.settle();
}

}  // namespace

TEST(CopyField, CopiesTheValueAndShowsACheckMarkForTwoSeconds) {
    Harness h;
    ui::CopyFieldState state;
    show(h, [&] { ui::copy_field("Widget URL", "https://vpn.example.com/api/scim/v2", state); });
    const ui::Item* value = h.find("Widget URL");
    ASSERT_NE(value, nullptr);
    EXPECT_EQ(value->value, "https://vpn.example.com/api/scim/v2");
    ASSERT_TRUE(h.click("Copy Widget URL"));
    EXPECT_EQ(h.clipboard, "https://vpn.example.com/api/scim/v2");
    EXPECT_GT(ui::copy_field_pending(state), 1.5);  // pages wake the platform up for it
    h.advance(2.1);
    EXPECT_LT(ui::copy_field_pending(state), 0);
}

TEST(CopyField, SecretsAreMaskedUntilShown) {
    Harness h;
    ui::CopyFieldState state;
    show(h, [&] { ui::copy_field("Token", "nbs_secret_value", state, true); });
    EXPECT_EQ(h.find("Token")->value, "");  // nothing readable while masked
    ASSERT_TRUE(h.click("Show"));
    EXPECT_EQ(h.find("Token")->value, "nbs_secret_value");
    ASSERT_TRUE(h.click("Copy Token"));
    EXPECT_EQ(h.clipboard, "nbs_secret_value");
}

TEST(TextField, TypingUpdatesTheValueTheRegistryReports) {
    Harness h;
    std::string text;
    show(h, [&] { ui::text_field("Client ID", text); });
    ASSERT_TRUE(h.click("Client ID"));
    h.type("0oa1");
    EXPECT_EQ(text, "0oa1");
    EXPECT_EQ(h.find("Client ID")->value, "0oa1");
    EXPECT_EQ(h.find("Client ID")->role, ui::Role::TextBox);
    h.press(ImGuiKey_Backspace);
    EXPECT_EQ(text, "0oa");
}

TEST(TextField, PasswordsAreNeverReported) {
    Harness h;
    std::string secret = "hunter2";
    show(h, [&] { ui::text_field("Client secret", secret, {nullptr, nullptr, nullptr, true}); });
    EXPECT_EQ(h.find("Client secret")->value, "");
}

TEST(Button, DisabledButtonSaysWhyAndDoesNothing) {
    Harness h;
    int pressed = 0;
    show(h, [&] {
        if (ui::button("Widget action", {ui::ButtonKind::Primary, nullptr, "Ask an owner"}))
            ++pressed;
    });
    const ui::Item* connect = h.find("Widget action");
    ASSERT_NE(connect, nullptr);
    EXPECT_TRUE(connect->state & ui::ItemState_Disabled);
    ASSERT_TRUE(h.click("Widget action"));
    EXPECT_EQ(pressed, 0);
    // Hovering shows the reason as a tooltip window.
    h.advance(0.3);
    bool tooltip = false;
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->Active && (w->Flags & ImGuiWindowFlags_Tooltip)) tooltip = true;
    EXPECT_TRUE(tooltip);
}

TEST(Button, EnabledButtonReportsTheClick) {
    Harness h;
    int pressed = 0;
    show(h, [&] {
        if (ui::button("Save##settings")) ++pressed;
    });
    ASSERT_TRUE(h.click("Save"));
    EXPECT_EQ(pressed, 1);
    EXPECT_EQ(h.find("settings")->label, "Save");
}

TEST(Link, OpensExternalPagesThroughThePlatform) {
    Harness h;
    std::string open_url;
    show(h, [&] { ui::link("Widget docs", "https://developer.okta.com/docs/", open_url); });
    ASSERT_TRUE(h.click("Widget docs"));
    EXPECT_EQ(open_url, "https://developer.okta.com/docs/");
    EXPECT_EQ(h.find("Widget docs")->role, ui::Role::Link);
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
    h.settle();
    ASSERT_NE(h.find("Delete"), nullptr);
    ASSERT_NE(h.find("Cancel"), nullptr);
    h.press(ImGuiKey_Escape);
    EXPECT_EQ(answer, ui::ConfirmResult::Cancelled);
    EXPECT_FALSE(dialog.open);
    EXPECT_EQ(h.find("Delete"), nullptr);

    ui::confirm_open(dialog, "Delete integration?", "Okta stops syncing.", "Delete", 7);
    h.settle();
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
