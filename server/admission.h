// Who gets in after an identity provider vouched for an email (issue 13, point 2): a known
// person signs in as themselves unless blocked or waiting for approval; an unknown email in
// the provider's email domain joins as a member (waiting for approval when the account
// requires it); any other email is refused.
#pragma once
#include <string>

#include "server/store.h"

namespace openzro {

struct Admission {
    std::string user_id;  // set when the user may sign in
    // Else why not, as the sign-in screen's error code: "blocked", "pending_approval",
    // "not_in_domain" (or "server_error" when the store failed).
    std::string refusal;
};

// `email` is the provider's verified email; `name` its display name (may be empty).
Admission admit(Store& store, const IdentityProviderRecord& idp, const std::string& email,
                const std::string& name);

// The part after the last '@', lower case; "" if there is none.
std::string email_domain_of(const std::string& email);

}  // namespace openzro
