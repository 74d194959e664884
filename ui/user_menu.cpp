#include "ui/user_menu.h"

#include <imgui.h>

#include "ui/icons.h"
#include "ui/item_registry.h"
#include "ui/pages/users/users_query.h"
#include "ui/pages/users/users_table.h"
#include "ui/widgets.h"
#include "ui/widgets/menu_item.h"

namespace ui {

namespace {

constexpr const char* kPopup = "##user-menu-popup";

void sign_out(SessionState& s, Services& services) {
    if (!services.api || s.signing_out) return;
    s.signing_out = true;
    SessionState* state = &s;
    Toasts* toasts = services.toasts;
    services.api->logout(s.scope, [state, toasts](const openzro::Result<openzro::Done>& r) {
        state->signing_out = false;
        // A session that is already gone is as signed out as one just revoked.
        if (r || r.error().kind == openzro::ApiError::Kind::kUnauthorized) {
            state->ended = true;
            return;
        }
        toast_push(*toasts, ToastKind::Error, "Couldn't sign out. " + r.error().summary());
    });
}

const char* role_note(const openzro::CurrentUser& me) {
    if (me.role == "user") return "As a member you can look at everything; changes need an admin.";
    if (me.role == "auditor") return "As an auditor you can look at everything but change nothing.";
    return nullptr;
}

void menu_contents(SessionState& s, Services& services, bool can_sign_out) {
    const openzro::CurrentUser& me = s.me.value;
    heading(me.name.empty() ? me.email.c_str() : me.name.c_str(), Font::Medium);
    text_muted(me.email.c_str());
    ImGui::Dummy(ImVec2(0, px(4)));
    const std::string role = "Role: " + role_label(me.role);
    badge(role.c_str(), colors().accent);
    if (const char* note = role_note(me)) {
        ImGui::PushFont(font(Font::Small));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + px(220));
        text_wrapped_muted(note);
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
    if (!can_sign_out) return;
    ImGui::Separator();
    if (menu_item("Sign out##sign-out", {"Sign out", OZ_ICON_ARROW_RIGHT, false, false,
                                         s.signing_out ? "Signing out…" : nullptr})) {
        sign_out(s, services);
        ImGui::CloseCurrentPopup();
    }
}

}  // namespace

void user_menu(SessionState& s, Services& services, bool can_sign_out) {
    if (services.api && !s.me.loaded && !s.me.busy && !s.me.error) {
        s.me.start();
        services.api->current_user(s.scope, s.me.into<Shared<openzro::CurrentUser>>());
    }
    if (!s.me.loaded) {
        ImGui::Dummy(ImVec2(0, px(kUserMenuHeight)));
        return;
    }
    const openzro::CurrentUser& me = s.me.value;
    const std::string accessible = "Account menu for " + me.email;
    const float width = ImGui::GetContentRegionAvail().x;
    const bool pressed = ImGui::InvisibleButton("##user-menu", ImVec2(width, px(kUserMenuHeight)));
    registry_annotate_last(Role::Button, accessible.c_str());
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    focus_ring_for_last_item(6);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered) dl->AddRectFilled(a, b, colors().surface_raised, px(6));

    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(a.x + px(8), a.y + px(10)));
    user_avatar(me, 32);
    const float tx = a.x + px(48), max_x = b.x - px(24);
    const std::string& name = me.name.empty() ? me.email : me.name;
    ImGui::PushClipRect(ImVec2(tx, a.y), ImVec2(max_x, b.y), true);
    dl->AddText(font(Font::Medium), font(Font::Medium)->FontSize, ImVec2(tx, a.y + px(8)),
                colors().text, name.c_str());
    dl->AddText(font(Font::Small), font(Font::Small)->FontSize, ImVec2(tx, a.y + px(28)),
                colors().text_muted, me.email.c_str());
    ImGui::PopClipRect();
    dl->AddText(
        font(Font::Caption), font(Font::Caption)->FontSize,
        ImVec2(b.x - px(18), a.y + (px(kUserMenuHeight) - font(Font::Caption)->FontSize) * 0.5f),
        colors().text_muted, OZ_ICON_ELLIPSIS_V);
    ImGui::SetCursorScreenPos(after);

    if (pressed) ImGui::OpenPopup(kPopup);
    if (begin_menu_popup(kPopup, 240)) {
        menu_contents(s, services, can_sign_out);
        end_menu_popup();
    }
}

}  // namespace ui
