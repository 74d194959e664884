#include "ui/pages/integrations/regenerate_token.h"

#include "ui/icons.h"
#include "ui/widgets.h"
#include "ui/widgets/error_banner.h"

namespace ui {

void regenerate_token_button(const Write& write, const char* denied, ConfirmDialog& confirm,
                             int action) {
    const char* reason = denied ? denied : write.busy ? "Regenerating..." : nullptr;
    if (button("Regenerate token", {ButtonKind::Secondary, OZ_ICON_REFRESH, reason}))
        confirm_open(confirm, "Regenerate the SCIM token?",
                     "The token Okta has now stops working at once, and Okta stops syncing until "
                     "you paste the new token into it.",
                     "Regenerate", action, true);
    if (write.error) error_banner("Could not regenerate the token", *write.error, nullptr);
}

void regenerate_token(Write& write, openzro::RequestScope& scope, openzro::Api& api,
                      std::int64_t id, std::function<void(std::string token)> done) {
    if (write.busy || id <= 0) return;
    write.start();
    api.regenerate_scim_token(
        scope, id, [&write, done = std::move(done)](openzro::Result<openzro::ScimTokenResponse> r) {
            if (auto* v = write.finish(r)) done(v->auth_token);
        });
}

}  // namespace ui
