// ui/pages/integrations/issuer_check.h: the live check of an Okta domain while the admin types
// (POST /identity-providers/test): debounced, one request at a time, an answer shown only for
// the issuer it was about. "Checking…", "Found Okta at …" or what failed, before anything is
// saved and anyone is locked out.
#pragma once
#include <optional>
#include <string>

#include "ui/pages/page.h"

namespace ui {

struct IssuerCheck {
    openzro::RequestScope scope;
    std::string typed;     // the issuer as of the last frame
    double typed_at = -1;  // ImGui time it last changed
    std::string asked;     // the issuer of the request in flight or answered
    bool checking = false;
    std::optional<openzro::IdentityProviderTestResult> result;  // for `asked`
    std::optional<openzro::ApiError> error;                     // for `asked`
};

inline constexpr double kIssuerCheckPause = 0.6;  // seconds without typing before checking

// Call every frame with the issuer the form currently derives ("" when the domain is invalid)
// and ImGui's time. Returns when to wake up (<0: nothing pending).
double issuer_check_update(IssuerCheck& check, Services& services, const std::string& issuer,
                           double now);
// The status line under the field (nothing while the issuer is empty).
void issuer_check_draw(const IssuerCheck& check, const std::string& issuer);

}  // namespace ui
