// ui/pages/users_page.h: #/team/users, the users of the account (ui/pages/users/).
#pragma once
#include "ui/pages/page.h"
#include "ui/pages/users/users_state.h"

namespace ui {

void users_page(UsersPageState& state, PageContext& context);

}  // namespace ui
