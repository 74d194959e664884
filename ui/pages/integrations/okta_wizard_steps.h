// ui/pages/integrations/okta_wizard_steps.h: the steps of the Okta wizard. Each draws its body
// and sets the footer; the shell (okta_wizard.cpp) draws the frame and calls *_continue when
// the admin presses Continue or Enter.
#pragma once
#include <string>

#include "ui/pages/integrations/okta_data.h"

namespace ui {

struct WizardFooter {
    std::string continue_label = "Continue";
    const char* disabled_reason = nullptr;  // Continue is disabled and says why
};

struct WizardStep {
    IntegrationsPageState& state;
    PageContext& context;
    OktaWizardPlace place;  // from the route
    bool entered = false;   // first frame of this step
    WizardFooter footer{};
};

// The wizard's confirm dialog answers for this action: regenerate the SCIM token.
inline constexpr int kWizardConfirmRegenerate = 2;

// Moves the wizard to `place` (pushes the route, so Back in the browser goes back a step).
void wizard_go(WizardStep& s, const OktaWizardPlace& place);
void wizard_go_step(WizardStep& s, int step);
// Stands in for a read the step needs until it is loaded: its error banner (Retry calls `retry`)
// and `error_reason` in the footer, or loading rows. True while the read is not loaded.
bool wizard_waiting(WizardStep& s, const Read& read, const char* error_title,
                    const char* error_reason, void (*retry)(WizardStep&));
// Retry for the page's own reads (okta_load).
void wizard_reload(WizardStep& s);

// [SECTION] Guides: what to click in Okta (steps 1, 2, 5, 6, 7)
void wizard_permissions(WizardStep& s);
void wizard_install();
void wizard_provisioning();
void wizard_assign_groups();
void wizard_push_groups(WizardStep& s);
void wizard_push_groups_continue(WizardStep& s);  // Finish Setup

// [SECTION] Stage 1: SSO (step 3)
void wizard_sso(WizardStep& s);
void wizard_sso_continue(WizardStep& s);

// [SECTION] Stage 2: SCIM (step 4)
void wizard_scim(WizardStep& s);
void wizard_scim_continue(WizardStep& s);
// The admin confirmed a token regeneration.
void wizard_scim_regenerate(WizardStep& s);

}  // namespace ui
