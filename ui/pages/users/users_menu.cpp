#include "ui/pages/users/users_menu.h"

#include <imgui.h>

#include "ui/icons.h"
#include "ui/pages/users/users_actions.h"
#include "ui/pages/users/users_rules.h"
#include "ui/widgets/menu_item.h"

namespace ui {

bool role_menu_items(UsersPageState& state, Services& services, const openzro::User& user) {
    // An action may replace the user `user` refers to: return right after acting.
    const UserActionRules rules = user_action_rules(state.me.get(), user);
    for (const char* role : kAssignableRoles) {
        const std::string label = role_label(role);
        const std::string accessible = "Make " + user.email + " " + label;
        ImGui::PushID(role);
        const bool chosen = menu_item(
            label.c_str(), {accessible.c_str(), nullptr, user.role == role, false, rules.role});
        ImGui::PopID();
        if (chosen) {
            set_role(state, services, user, role);
            return true;
        }
    }
    return false;
}

bool user_menu_items(UsersPageState& state, Services& services, const openzro::User& user) {
    const UserActionRules rules = user_action_rules(state.me.get(), user);
    if (user.pending_approval) {
        const std::string approve_label = "Approve " + user.email;
        const std::string reject_label = "Reject " + user.email;
        if (menu_item("Approve##approve",
                      {approve_label.c_str(), OZ_ICON_CHECK, false, false, rules.approve})) {
            approve(state, services, user);
            return true;
        }
        if (menu_item("Reject##reject",
                      {reject_label.c_str(), OZ_ICON_CLOSE, false, true, rules.approve})) {
            ask_reject(state, user);
            return true;
        }
        ImGui::Separator();
    }
    const bool blocked = user.is_blocked || user_status(user) == UserStatus::Blocked;
    const std::string block = (blocked ? "Unblock " : "Block ") + user.email;
    if (menu_item(
            blocked ? "Unblock##block" : "Block##block",
            {block.c_str(), blocked ? OZ_ICON_CHECK : OZ_ICON_BAN, false, false, rules.block})) {
        ask_set_blocked(state, services, user, !blocked);
        return true;
    }
    ImGui::Separator();
    menu_caption("ROLE");
    if (role_menu_items(state, services, user)) return true;
    ImGui::Separator();
    const std::string remove = "Remove " + user.email;
    if (menu_item("Remove##remove", {remove.c_str(), OZ_ICON_TRASH, false, true, rules.remove})) {
        ask_remove(state, user);
        return true;
    }
    return false;
}

}  // namespace ui
