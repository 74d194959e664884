// ui/pages/users/users_detail.h: the detail panel of the selected user: every field, group chips,
// the role selector, block and remove, under the same rules as the row menu.
#pragma once
#include <imgui.h>

#include "ui/pages/page.h"
#include "ui/pages/users/users_state.h"

namespace ui {

void users_detail(UsersPageState& state, PageContext& context, ImVec2 size);

}  // namespace ui
