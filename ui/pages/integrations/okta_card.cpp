// The Okta card of the Identity Provider section: not connected (Connect Okta), or connected
// with the enabled switch, the last sync, the last error and the gear of the configuration.
#include <algorithm>

#include "ui/icons.h"
#include "ui/pages/integrations/logos.h"
#include "ui/pages/integrations/okta_card.h"
#include "ui/pages/integrations/okta_config.h"
#include "ui/pages/integrations/okta_data.h"
#include "ui/pages/integrations/sync_time.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/live_text.h"
#include "ui/widgets/skeleton.h"
#include "ui/widgets/toggle.h"

namespace ui {

namespace {

constexpr const char* kOktaDocs = "https://developer.okta.com/docs/concepts/scim/";

// Right-aligns a status dot on the current line of the card's header.
void header_status(const char* label, ImU32 color) {
    const float w = ImGui::CalcTextSize(label).x + px(16);
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
    status_dot(label, color);
}

bool load_errors(IntegrationsPageState& state, PageContext& context) {
    const OktaData& d = state.data;
    const std::pair<const char*, const std::optional<openzro::ApiError>*> errors[] = {
        {"Could not load your permissions", &d.me.error},
        {"Could not load the Okta integration", &d.integrations.error},
        {"Could not load the identity providers", &d.providers.error}};
    for (const auto& [title, error] : errors) {
        if (!*error) continue;
        if (error_banner(title, **error)) okta_load(state, context);
        return true;
    }
    return false;
}

void set_enabled(IntegrationsPageState& state, PageContext& context, std::int64_t id, bool on) {
    state.toggling = true;
    openzro::UpdateOktaScimIntegrationRequest request;
    request.enabled = on;
    context.services.api->update_scim_integration(
        state.data.scope, id, request,
        [&state, &services = context.services,
         on](openzro::Result<openzro::OktaScimIntegration> r) {
            state.toggling = false;
            auto* v = ok_value(r);
            if (!v) {
                toast_push(*services.toasts, ToastKind::Error,
                           std::string(on ? "Could not enable Okta sync: "
                                          : "Could not disable Okta sync: ") +
                               r.error().summary());
                return;
            }
            for (auto& i : state.data.integrations.value)
                if (i.id == v->id) i.enabled = v->enabled;
            toast_push(*services.toasts, ToastKind::Success,
                       on ? "Okta sync enabled" : "Okta sync disabled");
        });
}

void connected_body(IntegrationsPageState& state, PageContext& context,
                    const openzro::OktaScimIntegration& integration) {
    OktaData& d = state.data;
    const std::int64_t now = wall_now(context.services);
    if (d.logs.busy && !d.logs.loaded) {
        skeleton_rows(1);
    } else if (d.logs.error) {
        if (error_banner("Could not load the sync log", *d.logs.error, "Retry##logs"))
            okta_load_logs(state, context.services, integration.id);
    } else {
        const SyncSummary sync = summarize_sync(d.logs.value);
        live_text(sync_status_text(sync, now).c_str(),
                  sync.last_success ? colors().text_muted : colors().warning, OZ_ICON_CLOCK);
        if (sync.last_error) {
            const auto when = parse_rfc3339(sync.last_error->timestamp);
            const std::string line =
                "Last error " + time_ago(when.value_or(now), now) + ": " + sync.last_error->message;
            live_text(line.c_str(), colors().danger, OZ_ICON_ERROR);
        }
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    const char* reason = okta_denied(d, "integrations", "update");
    if (!reason && state.toggling) reason = "Saving...";
    if (!reason && !integration.enabled) reason = okta_other_enabled(d, integration.id);
    if (toggle_switch("Sync enabled", integration.enabled, reason))
        set_enabled(state, context, integration.id, !integration.enabled);
    if (!integration.enabled) {
        ImGui::SameLine(0, px(16));
        OktaWizardPlace place{4, integration.connector_id.value_or(""), integration.id};
        if (place.idp.empty()) place.step = 3;
        if (button("Resume setup", {ButtonKind::Secondary, OZ_ICON_ARROW_RIGHT,
                                    okta_denied(d, "integrations", "update")}))
            context.actions.navigate_hash = okta_wizard_hash(place);
    }
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - px(32));
    if (icon_button("configure", OZ_ICON_COG, "Configure Okta"))
        okta_config_open(state, integration.id);
}

}  // namespace

void okta_card(IntegrationsPageState& state, PageContext& context) {
    OktaData& d = state.data;
    const float card_w = std::min(ImGui::GetContentRegionAvail().x, px(640));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(16), px(16)));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, px(8));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors().surface);
    ImGui::BeginChild("##okta-card", ImVec2(card_w, 0),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY |
                          ImGuiChildFlags_AlwaysUseWindowPadding);

    // Header: logo, name, description, status
    // A member: the integration is not theirs to see, which is no failure to retry.
    const bool hidden = d.me.loaded && okta_denied(d, "integrations", "read") != nullptr;
    const bool loading = !hidden && (!d.me.loaded || !d.integrations.loaded || !d.providers.loaded);
    const openzro::OktaScimIntegration* integration = loading ? nullptr : okta_card_integration(d);
    okta_logo(40);
    ImGui::SameLine(0, px(12));
    ImGui::BeginGroup();
    heading("Okta", Font::Section);
    text_muted("Single sign-on over OpenID Connect, then users and groups over SCIM 2.0.");
    ImGui::EndGroup();
    ImGui::SameLine();
    if (hidden)
        header_status("Managed by admins", colors().text_muted);
    else if (loading)
        header_status("Loading", colors().border);
    else if (!integration)
        header_status("Not connected", colors().text_muted);
    else if (integration->enabled)
        header_status("Connected", colors().success);
    else
        header_status("Sync disabled", colors().warning);
    ImGui::Dummy(ImVec2(0, px(8)));

    // Body
    if (hidden) {
        text_muted(
            "An account owner or an admin sets up Okta. Your role can't see or change its "
            "settings.");
    } else if (load_errors(state, context)) {
        // The banner says what failed; the actions below stay disabled until a retry works.
    } else if (loading) {
        skeleton_rows(2);
    } else if (integration) {
        connected_body(state, context, *integration);
    }
    if (hidden) {
        ImGui::Dummy(ImVec2(0, px(8)));
    } else if (!integration) {
        ImGui::Dummy(ImVec2(0, px(4)));
        copy_field("SCIM connector base URL", okta_scim_base_url(context.services), state.scim_url);
        ImGui::PushFont(font(Font::Small));
        text_muted("Okta sends users and groups to this address once provisioning is set up.");
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(0, px(8)));
        const char* reason = okta_denied(d, "integrations", "create");
        if (!reason && loading) reason = "Loading the Okta integration...";
        if (!reason && (d.integrations.error || d.providers.error))
            reason = "The Okta integration could not be loaded: retry above.";
        if (button("Connect Okta", {ButtonKind::Primary, OZ_ICON_PLUG, reason}))
            context.actions.navigate_hash = okta_wizard_hash({});
        ImGui::SameLine(0, px(16));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + px(7));
    } else {
        ImGui::Dummy(ImVec2(0, px(4)));
    }
    link("Okta SCIM documentation", kOktaDocs, context.actions.open_url);

    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    context.actions.wake_after =
        earliest_wake(context.actions.wake_after, copy_field_pending(state.scim_url));
}

}  // namespace ui
