// ui/pages/integrations/okta_state.h: the state of the Integrations page, the Okta wizard and the
// Okta configuration dialog. The wizard's place (step, identity provider, integration) lives in
// the route so that a reload resumes it; secrets live only here, in memory.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "client/api.h"
#include "ui/confirm_dialog.h"
#include "ui/pages/integrations/fetch.h"
#include "ui/pages/integrations/issuer_check.h"
#include "ui/pages/integrations/okta_form.h"
#include "ui/widgets.h"

namespace ui {

// What the page loaded from the server, shared by the card, the wizard and the dialog.
struct OktaData {
    openzro::RequestScope scope;
    Fetch<openzro::CurrentUser> me;
    Fetch<std::vector<openzro::IdentityProvider>> providers;
    Fetch<std::vector<openzro::OktaScimIntegration>> integrations;
    Fetch<std::vector<openzro::IdpIntegrationSyncLog>> logs;  // of the card's integration
    std::int64_t logs_of = 0;
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
    bool saving = false;
    std::optional<openzro::ApiError> save_error;
    IssuerCheck issuer_check;                // the Okta domain, tested as it is typed
    Fetch<openzro::AuthConfig> auth_config;  // the redirect URIs to register in Okta
    CopyFieldState sign_in_uri_copy, sign_out_uri_copy;

    // [SECTION] Step 4: SCIM
    std::string connection_name = "Okta";
    Fetch<openzro::OktaScimIntegration> integration;
    std::string full_token;  // from create or regenerate, in memory only
    CopyFieldState url_copy, token_copy;
    bool regenerating = false;
    std::optional<openzro::ApiError> regenerate_error;
    std::int64_t log_baseline = 0;  // log ids up to this one predate the current token
    std::int64_t newest_log = 0;    // the newest log id seen
    std::string reached_at;         // when Okta's first authenticated request arrived
    bool polling = false;
    double next_poll = 0;  // ImGui time
    std::optional<openzro::ApiError> poll_error;

    // [SECTION] Step 7: counts, and Finish
    int users_received = -1, groups_received = -1;
    bool finishing = false;
    std::optional<openzro::ApiError> finish_error;
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
    bool saving = false;
    std::optional<openzro::ApiError> save_error;
    bool regenerating = false;
    std::optional<openzro::ApiError> regenerate_error;
    std::string new_token;  // shown once after a regeneration
    CopyFieldState token_copy, url_copy;
    Fetch<std::vector<openzro::IdpIntegrationSyncLog>> logs;
    int log_level = 0;  // 0 all, 1 info, 2 warning, 3 error
    int log_page = 0;
    bool deleting = false;
    std::optional<openzro::ApiError> delete_error;

    // [SECTION] Single sign-on tab
    std::string new_secret;  // in memory only, cleared once saved
    bool secret_revealed = false;
    bool saving_secret = false;
    std::optional<openzro::ApiError> secret_error;
    Fetch<std::vector<openzro::Account>> accounts;  // user_approval_required
    bool saving_approval = false;
    std::optional<openzro::ApiError> approval_error;
};

}  // namespace ui
