// #/team/users. Until the users table lands (Team > Users issue), the page shows what it will
// hold; the search field is already the one the table will use.
#include "ui/pages/users_page.h"
#include "ui/icons.h"
#include "ui/route.h"
#include "ui/widgets.h"

namespace ui {

void users_page(UsersPageState& state, PageContext& context) {
    page_header("Team", "Users",
                "Everyone in your account, including the users Okta provisions over SCIM.");
    text_field("Search users", state.search,
               {"Search by name, email or role", nullptr, nullptr, false, 360});
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors().surface);
    ImGui::BeginChild("##users-empty", ImVec2(0, 0),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    if (empty_state(OZ_ICON_USERS,
                    "The user table (name, role, status, groups, source and last login) will "
                    "list everyone here, users provisioned from Okta included.",
                    "Go to Integrations"))
        context.actions.navigate_hash = route_hash(Page::Integrations);
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace ui
