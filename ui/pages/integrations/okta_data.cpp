// Loading and the facts every Okta view asks about: permissions, which integration the card
// shows, the one-enabled-at-a-time rule, and the wizard's place in the route.
#include <algorithm>

#include "client/text.h"
#include "ui/pages/integrations/okta_data.h"
#include "ui/pages/sign_in_page.h"

namespace ui {

// [SECTION] Data
void okta_load(IntegrationsPageState& state, PageContext& context) {
    openzro::Api* api = context.services.api;
    if (!api) return;
    OktaData& d = state.data;
    d.me.start();
    api->current_user(d.scope, d.me.into<Shared<openzro::CurrentUser>>());
    d.providers.start();
    api->identity_providers(d.scope,
                            d.providers.into<Shared<std::vector<openzro::IdentityProvider>>>());
    d.integrations.start();
    api->scim_integrations(
        d.scope, [&state, &services = context.services,
                  inner = d.integrations.into<Shared<std::vector<openzro::OktaScimIntegration>>>()](
                     openzro::Result<Shared<std::vector<openzro::OktaScimIntegration>>> r) mutable {
            inner(std::move(r));
            if (const auto* shown = okta_card_integration(state.data))
                okta_load_logs(state, services, shown->id);
        });
}

void okta_load_logs(IntegrationsPageState& state, Services& services, std::int64_t id) {
    openzro::Api* api = services.api;
    if (!api) return;
    state.data.logs.start();
    api->scim_logs(state.data.scope, id,
                   state.data.logs.into<Shared<std::vector<openzro::IdpIntegrationSyncLog>>>());
}

const openzro::OktaScimIntegration* okta_card_integration(const OktaData& d) {
    const openzro::OktaScimIntegration* newest = nullptr;
    for (const auto& i : d.integrations.value) {
        if (i.enabled) return &i;
        if (!newest || i.id > newest->id) newest = &i;
    }
    return newest;
}

const openzro::OktaScimIntegration* okta_find_integration(const OktaData& d, std::int64_t id) {
    for (const auto& i : d.integrations.value)
        if (i.id == id) return &i;
    return nullptr;
}

const openzro::IdentityProvider* okta_provider(const OktaData& d) {
    for (const auto& p : d.providers.value)
        if (p.type == "okta") return &p;
    return nullptr;
}

const char* okta_denied(const OktaData& d, const char* module, const char* operation) {
    if (!d.me.loaded)
        return d.me.error ? "Your permissions could not be loaded." : "Loading your permissions...";
    if (openzro::can(d.me.value, module, operation)) return nullptr;
    return "Your role can't change this: ask an admin or the owner";
}

const char* okta_other_enabled(const OktaData& d, std::int64_t id) {
    for (const auto& i : d.integrations.value)
        if (i.enabled && i.id != id)
            return "Another identity-provider sync is enabled. Only one can be enabled at a time: "
                   "disable it first.";
    return nullptr;
}

std::string okta_scim_base_url(const Services& services) {
    return services.api_origin + "/api/scim/v2";
}

std::string okta_sign_in_redirect_uri(const Services& services,
                                      const Fetch<openzro::AuthConfig>& config) {
    return config.loaded ? config.value.redirect_uri : services.api_origin + "/auth/oidc/callback";
}

std::string okta_sign_out_redirect_uri(const Services& services,
                                       const Fetch<openzro::AuthConfig>& config) {
    return config.loaded ? config.value.post_logout_redirect_uri : services.api_origin + "/";
}

std::string okta_test_sign_in_url(const Services& services, const std::string& idp) {
    return sign_in_url(services.api_origin, idp, route_hash(Page::Integrations));
}

// [SECTION] Route
bool okta_wizard_requested(const Route& route) {
    const std::string* setup = route_query_value(route, "setup");
    return setup && *setup == "okta";
}

OktaWizardPlace okta_wizard_place(const Route& route) {
    OktaWizardPlace p;
    if (const std::string* s = route_query_value(route, "step")) {
        const std::optional<std::int64_t> step = openzro::parse_int64(*s);
        if (step && *step >= 1 && *step <= kOktaSteps) p.step = static_cast<int>(*step);
    }
    if (const std::string* s = route_query_value(route, "idp")) p.idp = *s;
    if (const std::string* s = route_query_value(route, "integration"))
        p.integration = std::max<std::int64_t>(openzro::parse_int64(*s).value_or(0), 0);
    return p;
}

std::string okta_wizard_hash(const OktaWizardPlace& p) {
    Route r = route_parse(route_hash(Page::Integrations));
    r.query = {{"setup", "okta"}, {"step", std::to_string(p.step)}};
    if (!p.idp.empty()) r.query.emplace_back("idp", p.idp);
    if (p.integration > 0) r.query.emplace_back("integration", std::to_string(p.integration));
    return route_format(r);
}

}  // namespace ui
