// ui/pages/users_page.h: #/team/users, the users of the account.
#pragma once
#include <string>

#include "ui/pages/page.h"

namespace ui {

struct UsersPageState {
    std::string search;
};

void users_page(UsersPageState& state, PageContext& context);

}  // namespace ui
