// ui/pages/integrations/okta_state.h: the state of the Integrations page, the Okta wizard and the
// Okta configuration dialog. The wizard's place (step, identity provider, integration) lives in
// the route so that a reload resumes it; secrets live only here, in memory.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "client/api.h"
#include "ui/confirm_dialog.h"
#include "ui/pages/integrations/issuer_check.h"
#include "ui/pages/integrations/okta_form.h"
#include "ui/request_state.h"
#include "ui/widgets.h"

namespace ui {

// What the page loaded from the server, shared by the card, the wizard and the dialog.
struct OktaData {
    openzro::RequestScope scope;
    Fetch<openzro::CurrentUser> me;
    Fetch<std::vector<openzro::IdentityProvider>> providers;
    Fetch<std::vector<openzro::OktaScimIntegration>> integrations;
    Fetch<std::vector<openzro::IdpIntegrationSyncLog>> logs;  // of the card's integration
};

struct OktaWizardState {
    openzro::RequestScope scope;
    int shown_step = 0;     // the step drawn last frame: a change means a step was entered
    std::string navigate;   // where an answered request sends the wizard next frame
    int settle_frames = 0;  // frames to draw right away while the dialog fits a new step
    ConfirmDialog confirm;

    // [SECTION] Step 3: SSO
    bool replace_provider = false;  // an Okta provider exists and the admin replaces it
    OktaSsoForm form;
    unsigned touched = 0;  // bit per field: errors show once a field was edited
    bool submitted = false;
    bool secret_revealed = false;
    Write save;
    IssuerCheck issuer_check;                // the Okta domain, tested as it is typed
    Fetch<openzro::AuthConfig> auth_config;  // the redirect URIs to register in Okta
    CopyFieldState sign_in_uri_copy, sign_out_uri_copy;

    // [SECTION] Step 4: SCIM
    std::string connection_name = "Okta";
    Fetch<openzro::OktaScimIntegration> integration;
    std::string full_token;  // from create or regenerate, in memory only
    CopyFieldState url_copy, token_copy;
    Write regenerate;
    std::int64_t log_baseline = 0;  // log ids up to this one predate the current token
    std::int64_t newest_log = 0;    // the newest log id seen
    std::string reached_at;         // when Okta's first authenticated request arrived
    Poller poll;                    // step 4: the sync log until Okta calls; step 7: the counts

    // [SECTION] Step 7: counts, and Finish
    int users_received = -1, groups_received = -1;
    Write finish;
};

enum class OktaConfigTab { Settings, SingleSignOn, GroupSync, UserSync, SyncLog, DangerZone };

struct OktaConfigState {
    bool open = false;
    int settle_frames = 0;  // frames to draw right away while the dialog fits a new tab
    openzro::RequestScope scope;
    ConfirmDialog confirm;
    OktaConfigTab tab = OktaConfigTab::Settings;
    std::int64_t id = 0;
    std::vector<std::string> group_prefixes, user_group_prefixes;  // being edited
    Write save;
    Write regenerate;
    std::string new_token;  // shown once after a regeneration
    CopyFieldState token_copy, url_copy;
    Fetch<std::vector<openzro::IdpIntegrationSyncLog>> logs;
    int log_level = 0;  // 0 all, 1 info, 2 warning, 3 error
    int log_page = 0;
    Write removal;

    // [SECTION] Single sign-on tab
    std::string new_secret;  // in memory only, cleared once saved
    bool secret_revealed = false;
    Write save_secret;
    Fetch<std::vector<openzro::Account>> accounts;  // user_approval_required
    Write save_approval;
};

}  // namespace ui
