// ui/pages/integrations/okta_card.h: the Okta card of the Integrations page: status, sync, actions.
#pragma once
#include "ui/pages/integrations_page.h"

namespace ui {

void okta_card(IntegrationsPageState& state, PageContext& context);

}  // namespace ui
