// ui/pages/integrations/okta_wizard.h: the step-by-step Okta setup, shown while the route asks
// for it (its steps: okta_wizard_steps.h).
#pragma once
#include "ui/pages/integrations_page.h"

namespace ui {

void okta_wizard(IntegrationsPageState& state, PageContext& context);

}  // namespace ui
