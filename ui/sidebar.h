// ui/sidebar.h: the left navigation (DESIGN.md: 240 px, product name, icon + label rows of
// 36 px, the active row marked with an accent bar; Team expands to its sub-rows).
#pragma once
#include <functional>
#include <string>

#include "ui/route.h"
#include "ui/theme.h"

namespace ui {

struct SidebarActions {
    std::string navigate_hash;
    bool toggle_theme = false;
};

// Drawn at the bottom, above the theme switch (the signed-in user), `height` CSS px tall.
struct SidebarFooter {
    float height = 0;
    std::function<void()> draw;
};

void sidebar(const Route& route, bool& team_expanded, ThemeMode mode, SidebarActions& actions,
             const SidebarFooter& footer = {});

}  // namespace ui
