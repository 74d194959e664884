// ui/pages/users/users_table.h: the users table (DESIGN.md table): sticky upper-case header with
// sort arrows, 56 px rows drawn through ImGuiListClipper (only visible rows cost anything),
// hover on surface-raised, a kebab menu per row; clicking a row opens the detail panel.
#pragma once
#include <imgui.h>

#include "ui/pages/page.h"
#include "ui/pages/users/users_state.h"

namespace ui {

void users_table(UsersPageState& state, PageContext& context, ImVec2 size);
// The table's shape in rounded bars while the first list loads.
void users_table_skeleton(int rows);
// A 32 px initial avatar (full rounding, tinted by the name) at the cursor.
void user_avatar(const openzro::User& user, float size_css = 32);
// "3 hours ago" ("Never" for kNeverLoggedIn), and the exact time for the hover text.
std::string last_login_ago(std::int64_t when, std::int64_t now);
std::string last_login_exact(std::int64_t when);
// Active green, invited and pending amber, blocked red.
ImU32 status_color(UserStatus status);

}  // namespace ui
