// ui/pages/users/users_toolbar.h: above the table: the search field, the filter menus (status,
// role, group, source), refresh and CSV export; below them the active filters as removable
// chips with a reset, and the count ("1,204 of 100,000 users").
#pragma once
#include "ui/pages/page.h"
#include "ui/pages/users/users_state.h"

namespace ui {

void users_toolbar(UsersPageState& state, PageContext& context);
void users_filter_chips(UsersPageState& state, PageContext& context);
// Navigates to the route showing `query` (filters live in the route).
void users_show(PageContext& context, const UsersQuery& query);
// "100,000"
std::string with_thousands(std::size_t n);

}  // namespace ui
