// #/integrations: the Identity Provider section with the Okta card; the Okta wizard and the
// configuration dialog open over it.
#include "ui/pages/integrations_page.h"

#include "ui/pages/integrations/okta_card.h"
#include "ui/pages/integrations/okta_config.h"
#include "ui/pages/integrations/okta_data.h"
#include "ui/pages/integrations/okta_wizard.h"

namespace ui {

namespace {
constexpr double kRelativeTimeRefresh = 30;  // seconds: "Synced 3 minutes ago" stays true
}

void integrations_page(IntegrationsPageState& state, PageContext& context) {
    if (context.entered) okta_load(state, context);
    page_header(nullptr, "Integrations", "Connect openZro to the services your team already uses.");
    heading("Identity Provider", Font::Section);
    text_muted("Sign in with your identity provider and keep users and groups in sync.");
    ImGui::Dummy(ImVec2(0, px(8)));
    okta_card(state, context);
    okta_wizard(state, context);
    okta_config(state, context);
    if (state.data.logs.loaded)
        context.actions.wake_after =
            earliest_wake(context.actions.wake_after, kRelativeTimeRefresh);
}

}  // namespace ui
