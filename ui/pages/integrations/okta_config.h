// ui/pages/integrations/okta_config.h: the configuration dialog of an Okta integration: its tabs
// (sync, single sign-on, log) and removal.
#pragma once
#include <cstdint>

#include "ui/pages/integrations_page.h"

namespace ui {

void okta_config_open(IntegrationsPageState& state, std::int64_t id);
void okta_config(IntegrationsPageState& state, PageContext& context);
// The "Single sign-on" tab (okta_config_sso.cpp).
void okta_config_sso_tab(IntegrationsPageState& state, PageContext& context);

}  // namespace ui
