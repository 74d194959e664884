#include "ui/pages/integrations/issuer_check.h"

#include "ui/icons.h"
#include "ui/widgets.h"
#include "ui/widgets/live_text.h"

namespace ui {

double issuer_check_update(IssuerCheck& c, Services& services, const std::string& issuer,
                           double now) {
    if (issuer != c.typed) {
        c.typed = issuer;
        c.typed_at = now;
    }
    if (issuer.empty() || issuer == c.asked || !services.api) return -1;
    const double wait = c.typed_at + kIssuerCheckPause - now;
    if (wait > 0) return wait;
    c.scope.cancel();  // an answer about an older issuer is of no use
    c.asked = issuer;
    c.checking = true;
    c.result.reset();
    c.error.reset();
    services.api->test_identity_provider(
        c.scope, {issuer}, [&c](openzro::Result<openzro::IdentityProviderTestResult> r) {
            c.checking = false;
            if (r)
                c.result = r.value();
            else
                c.error = r.error();
        });
    return -1;
}

void issuer_check_draw(const IssuerCheck& c, const std::string& issuer) {
    if (issuer.empty()) return;
    ImGui::PushFont(font(Font::Small));
    if (issuer != c.asked || c.checking) {
        live_text("Checking…", colors().text_muted, OZ_ICON_CLOCK);
    } else if (c.error) {
        const std::string line = "Could not check the domain: " + c.error->summary();
        live_text(line.c_str(), colors().warning, OZ_ICON_WARNING);
    } else if (c.result && c.result->ok) {
        const std::string line = "Found Okta at " + c.result->issuer;
        live_text(line.c_str(), colors().success, OZ_ICON_CHECK_CIRCLE);
    } else if (c.result) {
        const std::string line = c.result->message.empty()
                                     ? "No OpenID Connect provider answers at " + issuer
                                     : c.result->message;
        live_text(line.c_str(), colors().danger, OZ_ICON_ERROR);
    }
    ImGui::PopFont();
}

}  // namespace ui
