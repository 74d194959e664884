// ui/pages/integrations/okta_form.h: the SSO form of the Okta wizard (step 3) and the checks
// run as the admin types. Pure functions: no ImGui, no network.
#pragma once
#include <string>

#include "client/model.h"

namespace ui {

struct OktaSsoForm {
    std::string client_id;
    std::string client_secret;  // lives only here and in the request; cleared after success
    std::string okta_domain;    // "acme.okta.com" (a pasted https:// URL is accepted; plain
                                // http only for loopback hosts: okta-sim, demos)
    std::string email_domain;   // "acme.com"
};

// The message to show under each field, or "" when the value is fine.
struct OktaSsoErrors {
    std::string client_id, client_secret, okta_domain, email_domain;
    bool any() const;
};

OktaSsoErrors okta_sso_validate(const OktaSsoForm& form);
// "https://acme.okta.com/" or "acme.okta.com" -> "acme.okta.com" (lower case, no path).
std::string okta_normalize_domain(const std::string& input);
// The OIDC issuer Okta uses for the org: "https://acme.okta.com", or "" when the domain is bad.
// A loopback host ("http://127.0.0.1:4000", "localhost:4000") gives a plain http issuer.
std::string okta_issuer(const std::string& okta_domain);
// "http://127.0.0.1:4000" for a loopback host with an optional port and scheme, else "".
std::string loopback_issuer(const std::string& input);
// The request for POST/PUT /identity-providers. The name records the email domain.
openzro::IdentityProviderRequest okta_sso_request(const OktaSsoForm& form);
// "acme.okta.com" from an issuer, for showing an existing identity provider ("http://..." kept
// for a loopback issuer, so that it reads back as the same issuer).
std::string okta_domain_of_issuer(const std::string& issuer);

}  // namespace ui
