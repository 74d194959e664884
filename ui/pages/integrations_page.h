// ui/pages/integrations_page.h: #/integrations, the identity-provider cards.
#pragma once
#include "ui/pages/page.h"
#include "ui/widgets.h"

namespace ui {

struct IntegrationsPageState {
    CopyFieldState scim_url;
};

void integrations_page(IntegrationsPageState& state, PageContext& context);

}  // namespace ui
