#include "ui/pages/users/users_detail.h"

#include <string>

#include "ui/icons.h"
#include "ui/item_registry.h"
#include "ui/pages/users/users_actions.h"
#include "ui/pages/users/users_menu.h"
#include "ui/pages/users/users_rules.h"
#include "ui/pages/users/users_table.h"
#include "ui/widgets.h"
#include "ui/widgets/menu_item.h"

namespace ui {

namespace {

constexpr const char* kRolePopup = "##detail-role";

void field_label(const char* label) {
    ImGui::Dummy(ImVec2(0, px(4)));
    ImGui::PushFont(font(Font::Caption));
    text_muted(label);
    ImGui::PopFont();
}

void field(const char* label, const std::string& value, Font f = Font::Body) {
    field_label(label);
    ImGui::PushFont(font(f));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(value.empty() ? "—" : value.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

// Group names as badges, wrapped to the panel's width.
void group_chips(const UsersIndex& x, const openzro::User& u) {
    field_label("GROUPS");
    if (u.auto_groups.empty()) {
        text_muted("No groups");
        return;
    }
    ImFont* f = font(Font::Caption);
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const std::string& id : u.auto_groups) {
        const std::string& name = index_group_name(x, id);
        const float w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, name.c_str()).x + px(16);
        if (!first) {
            ImGui::SameLine(0, px(6));
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        first = false;
        badge(name.c_str(), colors().accent);
    }
}

void header(UsersPageState& state, const openzro::User& u) {
    user_avatar(u, 48);
    ImGui::SameLine(0, px(12));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - px(40));
    heading(display_name(u).c_str(), Font::Section);
    text_muted(u.email.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - px(32));
    if (icon_button("close-details", OZ_ICON_CLOSE, "Close details")) state.selected.clear();
}

void role_selector(UsersPageState& state, PageContext& context, const openzro::User& u,
                   const UserActionRules& rules) {
    field_label("ROLE");
    const std::string label = role_label(u.role) + "##role";
    const std::string accessible = "Role of " + u.email;
    const bool open = button(label.c_str(), {ButtonKind::Secondary, nullptr, rules.role, 200});
    registry_annotate_last(Role::Button, accessible.c_str());
    ImGui::SameLine(0, 0);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() - px(28));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + px(8));
    text_muted(OZ_ICON_CHEVRON_DOWN);
    if (open) ImGui::OpenPopup(kRolePopup);
    if (begin_menu_popup(kRolePopup, 200)) {
        // The items may replace the user `u` refers to.
        const openzro::User copy = u;  // NOLINT(performance-unnecessary-copy-initialization)
        if (role_menu_items(state, context.services, copy)) ImGui::CloseCurrentPopup();
        end_menu_popup();
    }
}

}  // namespace

void users_detail(UsersPageState& state, PageContext& context, ImVec2 size) {
    const std::int64_t at = index_find(state.index, state.selected);
    if (at < 0 || state.index.rows[static_cast<std::size_t>(at)].deleted) {
        state.selected.clear();
        return;
    }
    const auto row = static_cast<std::uint32_t>(at);
    // A copy: the actions below may replace the indexed user while this frame still reads it.
    const openzro::User u = index_user(state.index, row);
    const UserRow& r = state.index.rows[row];
    const UserActionRules rules = user_action_rules(state.me.get(), u);

    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors().surface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(16), px(16)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(px(8), px(4)));
    ImGui::BeginChild("##user-detail", size,
                      ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    header(state, u);
    ImGui::Dummy(ImVec2(0, px(8)));
    status_dot(name_of(r.status).label, status_color(r.status));
    ImGui::SameLine(0, px(12));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - px(2));
    if (r.source == UserSource::Okta) badge("Okta", colors().okta);
    if (u.is_current) {
        ImGui::SameLine(0, px(6));
        badge("You", colors().accent);
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::Separator();

    role_selector(state, context, u, rules);
    const std::int64_t now = wall_now(context.services);
    field("LAST LOGIN", r.last_login == kNeverLoggedIn ? std::string("Never")
                                                       : last_login_ago(r.last_login, now) + " (" +
                                                             last_login_exact(r.last_login) + ")");
    field("SOURCE", r.source == UserSource::Okta ? "Okta (SCIM provisioning)" : "openZro");
    field("EMAIL", u.email);
    field("USER ID", u.id, Font::Mono);
    if (!u.idp_id.empty()) field("IDENTITY PROVIDER", u.idp_id, Font::Mono);
    group_chips(state.index, u);

    ImGui::Dummy(ImVec2(0, px(12)));
    ImGui::Separator();
    ImGui::Dummy(ImVec2(0, px(8)));
    if (u.pending_approval) {
        text_wrapped_muted("Joined with Okta from the account's email domain; waits for approval.");
        ImGui::Dummy(ImVec2(0, px(4)));
        if (button("Approve##detail-approve", {ButtonKind::Primary, OZ_ICON_CHECK, rules.approve}))
            approve(state, context.services, u);
        ImGui::SameLine(0, px(8));
        if (button("Reject##detail-reject", {ButtonKind::Danger, OZ_ICON_CLOSE, rules.approve}))
            ask_reject(state, u);
        ImGui::Dummy(ImVec2(0, px(8)));
    }
    const bool blocked = r.status == UserStatus::Blocked;
    if (button(blocked ? "Unblock" : "Block",
               {ButtonKind::Secondary, blocked ? OZ_ICON_CHECK : OZ_ICON_BAN, rules.block}))
        ask_set_blocked(state, context.services, u, !blocked);
    ImGui::SameLine(0, px(8));
    if (button("Remove", {ButtonKind::Danger, OZ_ICON_TRASH, rules.remove})) ask_remove(state, u);
    if (rules.remove && r.source == UserSource::Okta) {
        ImGui::Dummy(ImVec2(0, px(4)));
        small_note(rules.remove);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

}  // namespace ui
