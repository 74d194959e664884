// ui/pages/integrations_page.h: #/integrations, the identity-provider cards, the Okta wizard
// (#/integrations?setup=okta&step=N) and the Okta configuration dialog.
#pragma once
#include "ui/pages/integrations/okta_state.h"
#include "ui/pages/page.h"

namespace ui {

struct IntegrationsPageState {
    OktaData data;
    OktaWizardState wizard;
    OktaConfigState config;
    CopyFieldState scim_url;
    bool toggling = false;
};

void integrations_page(IntegrationsPageState& state, PageContext& context);

}  // namespace ui
