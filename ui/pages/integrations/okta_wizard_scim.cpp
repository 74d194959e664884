// Step 4 of the Okta wizard: stage 2, SCIM. Creates the integration (linked to the identity
// provider of step 3), shows the SCIM connector base URL and the bearer token to paste into
// Okta, then watches the sync log until Okta's first authenticated request arrives. Reopening
// never regenerates the token: when only the masked token is left, the admin is told so and
// may regenerate it, after confirming.
#include <algorithm>

#include "ui/icons.h"
#include "ui/pages/integrations/okta_wizard_steps.h"
#include "ui/pages/integrations/regenerate_token.h"
#include "ui/pages/integrations/sync_time.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/instructions.h"
#include "ui/widgets/live_text.h"
#include "ui/widgets/skeleton.h"

namespace ui {

namespace {

constexpr double kLogPollSeconds = 2;
constexpr const char* kNotLoaded = "The integration could not be loaded: retry above.";

// Phase 1: name the connection and create the integration (Continue does it).
void create_form(WizardStep& s) {
    OktaWizardState& w = s.state.wizard;
    text_wrapped_muted(
        "openZro now creates the SCIM integration and its API token. Okta uses "
        "the token to send users and groups to openZro.");
    ImGui::Dummy(ImVec2(0, px(8)));
    text_field("Connection name", w.connection_name,
               {"Okta", "Shown in openZro to tell integrations apart.",
                w.connection_name.empty() ? "Enter a name for this connection" : nullptr});
    if (w.integration.error) {
        ImGui::Dummy(ImVec2(0, px(8)));
        error_banner("Could not create the SCIM integration", *w.integration.error, nullptr);
    }
    s.footer.continue_label = "Create integration";
    if (w.integration.busy)
        s.footer.disabled_reason = "Creating the integration...";
    else if (const char* denied = okta_denied(s.state.data, "integrations", "create"))
        s.footer.disabled_reason = denied;
    else if (w.connection_name.empty())
        s.footer.disabled_reason = "Enter a connection name first.";
}

void token_field(WizardStep& s) {
    OktaWizardState& w = s.state.wizard;
    if (!w.full_token.empty()) {
        copy_field("Authorization (Bearer) token", w.full_token, w.token_copy, true);
        small_note(
            "Copy it now: openZro keeps only a hash, so the token cannot be "
            "shown again once this setup is closed.");
        return;
    }
    callout_begin("##token-hidden", colors().warning);
    heading("The full token can no longer be shown", Font::Medium);
    const std::string masked = "Current token: " + w.integration.value.auth_token;
    text_muted(masked.c_str());
    text_wrapped_muted(
        "openZro showed it once, when it was created. If Okta already has it, "
        "continue. Otherwise regenerate it: the token Okta has now stops working.");
    ImGui::Dummy(ImVec2(0, px(4)));
    regenerate_token_button(w.regenerate, okta_denied(s.state.data, "integrations", "update"),
                            w.confirm, kWizardConfirmRegenerate);
    callout_end();
}

void verification(WizardStep& s) {
    OktaWizardState& w = s.state.wizard;
    ImGui::Dummy(ImVec2(0, px(12)));
    if (!w.reached_at.empty()) {
        const std::string text = "Okta reached openZro at " + w.reached_at;
        live_text(text.c_str(), colors().text, OZ_ICON_CHECK_CIRCLE, colors().success);
        return;
    }
    live_text("Waiting for Okta...", colors().text, OZ_ICON_CLOCK, colors().warning);
    small_note("This changes as soon as Okta's Test API Credentials reaches openZro.");
    if (w.poll.error && error_banner("Could not read the sync log", *w.poll.error)) w.poll.retry();
}

void poll_logs(WizardStep& s) {
    OktaWizardState& w = s.state.wizard;
    openzro::Api* api = s.context.services.api;
    const double now = ImGui::GetTime();
    if (!api || !w.reached_at.empty()) return;
    if (w.poll.due(now)) {
        api->scim_logs(
            w.scope, s.place.integration,
            [&w](openzro::Result<Shared<std::vector<openzro::IdpIntegrationSyncLog>>> r) {
                auto* v = w.poll.answered(r, ImGui::GetTime(), kLogPollSeconds);
                if (!v) return;
                const openzro::IdpIntegrationSyncLog* first = nullptr;
                if (*v)
                    for (const auto& log : **v) {
                        w.newest_log = std::max(w.newest_log, log.id);
                        if (log.id > w.log_baseline && (!first || log.id < first->id)) first = &log;
                    }
                if (first) {
                    const auto t = parse_rfc3339(first->timestamp);
                    w.reached_at = t ? clock_time(*t) : first->timestamp;
                }
            });
    }
    s.context.actions.wake_after = earliest_wake(s.context.actions.wake_after, w.poll.wake_in(now));
}

// Phase 2: what to paste into Okta, and whether Okta got through.
void connect_okta(WizardStep& s) {
    OktaWizardState& w = s.state.wizard;
    copy_field("SCIM connector base URL", okta_scim_base_url(s.context.services), w.url_copy);
    ImGui::Dummy(ImVec2(0, px(4)));
    token_field(s);
    ImGui::Dummy(ImVec2(0, px(12)));
    text_wrapped_muted("In the openZro app in Okta:");
    ImGui::Dummy(ImVec2(0, px(4)));
    numbered_step(1, "Open the [Provisioning] tab and click [Configure API Integration].");
    numbered_step(2, "Check [Enable API integration].");
    numbered_step(3, "Paste the token into [API Token].");
    numbered_step(4,
                  "Click [Test API Credentials]. Okta says \"openZro was verified "
                  "successfully!\"");
    numbered_step(5, "Click [Save].");
    verification(s);
    poll_logs(s);
    if (w.reached_at.empty())
        s.footer.disabled_reason =
            "Waiting for Okta: click Test API Credentials in Okta first, then come back.";
    s.context.actions.wake_after = earliest_wake(
        s.context.actions.wake_after,
        earliest_wake(copy_field_pending(w.url_copy), copy_field_pending(w.token_copy)));
}

const openzro::OktaScimIntegration* integration_of(const OktaData& d, const std::string& idp) {
    for (const auto& i : d.integrations.value)
        if (i.connector_id && *i.connector_id == idp) return &i;
    return nullptr;
}

}  // namespace

void wizard_scim(WizardStep& s) {
    OktaWizardState& w = s.state.wizard;
    OktaData& d = s.state.data;
    openzro::Api* api = s.context.services.api;
    if (wizard_waiting(s, d.integrations, "Could not load the Okta integration", kNotLoaded,
                       wizard_reload))
        return;
    if (s.place.integration <= 0) {
        // An integration made for this provider before (e.g. the wizard was left): reuse it.
        if (const auto* existing = integration_of(d, s.place.idp)) {
            OktaWizardPlace next = s.place;
            next.integration = existing->id;
            wizard_go(s, next);
            return;
        }
        return create_form(s);
    }
    // Reopened (reload, Back, a resumed setup): read the integration, never regenerate.
    if (w.integration.value.id != s.place.integration && !w.integration.busy &&
        !w.integration.error && api) {
        w.integration = {};
        w.full_token.clear();
        w.integration.start();
        api->scim_integration(w.scope, s.place.integration,
                              w.integration.into<Shared<openzro::OktaScimIntegration>>());
    }
    // Retry clears the error: the read above then starts again.
    if (wizard_waiting(s, w.integration, "Could not load the SCIM integration", kNotLoaded,
                       [](WizardStep& step) { step.state.wizard.integration.error.reset(); }))
        return;
    connect_okta(s);
}

void wizard_scim_continue(WizardStep& s) {
    OktaWizardState& w = s.state.wizard;
    if (s.place.integration > 0) return wizard_go_step(s, 5);
    openzro::Api* api = s.context.services.api;
    if (!api || w.integration.busy || w.connection_name.empty()) return;
    openzro::CreateOktaScimIntegrationRequest request;
    request.connection_name = w.connection_name;
    request.connector_id = s.place.idp;
    w.integration.start();
    api->create_scim_integration(
        w.scope, request,
        [&state = s.state, place = s.place](openzro::Result<openzro::OktaScimIntegration> r) {
            OktaWizardState& wz = state.wizard;
            wz.integration.busy = false;
            auto* v = ok_value(r);
            if (!v) {
                wz.integration.error = r.error();
                return;
            }
            // The answer to create is the one time the token is whole: keep it in memory only.
            wz.full_token = v->auth_token;
            wz.integration.value = *v;
            wz.integration.value.auth_token.clear();
            wz.integration.loaded = true;
            wz.log_baseline = 0;
            state.data.integrations.value.push_back(wz.integration.value);
            OktaWizardPlace next = place;
            next.integration = v->id;
            wz.navigate = okta_wizard_hash(next);
        });
}

void wizard_scim_regenerate(WizardStep& s) {
    OktaWizardState& w = s.state.wizard;
    openzro::Api* api = s.context.services.api;
    if (!api) return;
    regenerate_token(w.regenerate, w.scope, *api, s.place.integration, [&w](std::string token) {
        w.full_token = std::move(token);
        // Only requests with the new token count from now on.
        w.log_baseline = w.newest_log;
        w.reached_at.clear();
        w.poll.next = 0;
    });
}

}  // namespace ui
