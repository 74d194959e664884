// ui/pages/users/users_menu.h: the items of a user's action menu (the row kebab) and of the role
// selector (row menu and detail panel), each disabled with its reason when not allowed.
#pragma once
#include "ui/pages/page.h"
#include "ui/pages/users/users_state.h"

namespace ui {

// Items that set the role; the current one is checked. Returns true when one was chosen.
bool role_menu_items(UsersPageState& state, Services& services, const openzro::User& user);
// Block or unblock, the roles, remove. Returns true when an item was chosen.
bool user_menu_items(UsersPageState& state, Services& services, const openzro::User& user);

}  // namespace ui
