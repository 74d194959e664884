// ui/pages/pages.h: one function per route, each a view of its own state that reports what it
// wants done through PageActions.
#pragma once
#include <string>

#include "../widgets.h"

namespace ui {

struct PageActions {
    std::string navigate_hash;
    std::string open_url;
    double wake_after = -1;
};

struct IntegrationsPageState {
    CopyFieldState scim_url;
};
struct UsersPageState {
    std::string search;
};

void integrations_page(IntegrationsPageState& state, const std::string& api_origin,
                       PageActions& actions);
void users_page(UsersPageState& state, PageActions& actions);
void not_found_page(const std::string& path, PageActions& actions);

}  // namespace ui
