// ui/pages/integrations/okta_data.h: what the Integrations page's views share: loading,
// permissions, the wizard's route and the SCIM base URL (okta_data.cpp).
#pragma once
#include <cstdint>
#include <string>

#include "ui/pages/integrations_page.h"

namespace ui {

// [SECTION] Data
// (Re)loads the current user, the identity providers and the SCIM integrations, then the
// card's sync log.
void okta_load(IntegrationsPageState& state, PageContext& context);
void okta_load_logs(IntegrationsPageState& state, Services& services, std::int64_t id);
// The integration the card shows: the enabled one, else the newest.
const openzro::OktaScimIntegration* okta_card_integration(const OktaData& data);
const openzro::OktaScimIntegration* okta_find_integration(const OktaData& data, std::int64_t id);
// The Okta identity provider already configured, if any.
const openzro::IdentityProvider* okta_provider(const OktaData& data);
// Why `operation` on `module` is not allowed now (loading, failed, no permission), or nullptr.
const char* okta_denied(const OktaData& data, const char* module, const char* operation);
// Why enabling `id` is not allowed because another sync integration is enabled, or nullptr.
const char* okta_other_enabled(const OktaData& data, std::int64_t id);
// Where Okta sends SCIM requests.
std::string okta_scim_base_url(const Services& services);
// The redirect URIs to register in Okta's app: from GET /auth/config once loaded, else derived
// from the API's origin (what the server uses when no public URL is configured).
std::string okta_sign_in_redirect_uri(const Services& services,
                                      const Fetch<openzro::AuthConfig>& config);
std::string okta_sign_out_redirect_uri(const Services& services,
                                       const Fetch<openzro::AuthConfig>& config);
// Where "Test sign-in" opens: the provider's sign-in, back to the Integrations page.
std::string okta_test_sign_in_url(const Services& services, const std::string& idp);

// [SECTION] The wizard's place in the route
inline constexpr int kOktaSteps = 7;
struct OktaWizardPlace {
    int step = 1;
    std::string idp;               // the identity provider of stage 1, once there is one
    std::int64_t integration = 0;  // the SCIM integration of stage 2, once there is one
};
bool okta_wizard_requested(const Route& route);
OktaWizardPlace okta_wizard_place(const Route& route);
std::string okta_wizard_hash(const OktaWizardPlace& place);

}  // namespace ui
