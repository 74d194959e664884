// The "Single sign-on" tab of the Okta configuration dialog: what stage 1 saved (issuer, client
// ID, email domain), replacing the client secret, a test sign-in in a new tab, and the account
// setting that makes users joining by email domain wait for an admin's approval.
#include "ui/icons.h"
#include "ui/item_registry.h"
#include "ui/pages/integrations/okta_config.h"
#include "ui/pages/integrations/okta_data.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/field_button.h"
#include "ui/widgets/toggle.h"

namespace ui {

namespace {

void value_line(const char* label, const std::string& value) {
    ImGui::PushFont(font(Font::Caption));
    text_muted(label);
    ImGui::PopFont();
    ImGui::PushFont(font(Font::Mono));
    const std::string shown = value.empty() ? "—" : value;
    ImGui::TextUnformatted(shown.c_str());
    registry_add_text(Role::Text, shown.c_str());
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, px(4)));
}

void replace_secret(OktaConfigState& c, Services& services, const openzro::IdentityProvider& p) {
    if (!services.api || c.save_secret.busy) return;
    c.save_secret.start();
    openzro::IdentityProviderRequest request{p.type,      p.name,       p.issuer,
                                             p.client_id, c.new_secret, p.email_domain};
    Toasts* toasts = services.toasts;
    services.api->update_identity_provider(
        c.scope, p.id, request, [&c, toasts](openzro::Result<openzro::IdentityProvider> r) {
            if (!c.save_secret.finish(r)) return;  // the typed secret stays for another try
            c.new_secret.clear();
            c.new_secret.shrink_to_fit();
            c.secret_revealed = false;
            toast_push(*toasts, ToastKind::Success, "Client secret replaced");
        });
}

void secret_section(OktaConfigState& c, IntegrationsPageState& state, Services& services,
                    const openzro::IdentityProvider& p) {
    heading("Client secret", Font::Medium);
    small_note(
        "openZro never shows the saved secret. If you generated a new one in Okta, paste it "
        "here: sign-in uses it from then on.");
    bool toggle = false;
    text_field_with_button(
        "New client secret", c.new_secret,
        {"Paste the new Client secret", nullptr, nullptr, !c.secret_revealed},
        {"reveal-new-secret", c.secret_revealed ? OZ_ICON_EYE_SLASH : OZ_ICON_EYE,
         c.secret_revealed ? "Hide new client secret" : "Show new client secret"},
        toggle);
    if (toggle) c.secret_revealed = !c.secret_revealed;
    const char* reason = okta_denied(state.data, "identity_providers", "update");
    if (!reason && c.save_secret.busy) reason = "Saving...";
    if (!reason && c.new_secret.empty()) reason = "Paste the new secret first.";
    if (button("Replace secret", {ButtonKind::Secondary, OZ_ICON_KEY, reason}))
        replace_secret(c, services, p);
    if (c.save_secret.error)
        error_banner("Could not replace the client secret", *c.save_secret.error, nullptr);
}

void load_accounts(OktaConfigState& c, Services& services) {
    if (!services.api) return;
    c.accounts.start();
    services.api->accounts(c.scope, c.accounts.into<Shared<std::vector<openzro::Account>>>());
}

void set_approval(OktaConfigState& c, Services& services, bool required) {
    if (!services.api || c.save_approval.busy || c.accounts.value.empty()) return;
    const openzro::Account& account = c.accounts.value.front();
    openzro::AccountRequest request{account.settings};
    if (!request.settings.extra) request.settings.extra.emplace();
    request.settings.extra->user_approval_required = required;
    c.save_approval.start();
    Toasts* toasts = services.toasts;
    services.api->update_account(
        c.scope, account.id, request, [&c, toasts, required](openzro::Result<openzro::Account> r) {
            const openzro::Account* saved = c.save_approval.finish(r);
            if (!saved) return;
            if (!c.accounts.value.empty()) c.accounts.value.front() = *saved;
            toast_push(*toasts, ToastKind::Success,
                       required ? "New users now wait for approval"
                                : "New users of the domain can sign in at once");
        });
}

void approval_section(OktaConfigState& c, IntegrationsPageState& state, Services& services) {
    heading("New users", Font::Medium);
    if (!c.accounts.loaded && !c.accounts.busy && !c.accounts.error) load_accounts(c, services);
    if (c.accounts.error) {
        if (error_banner("Could not load the account settings", *c.accounts.error))
            load_accounts(c, services);
        return;
    }
    const bool required = !c.accounts.value.empty() && c.accounts.value.front().settings.extra &&
                          c.accounts.value.front().settings.extra->user_approval_required;
    const char* reason = okta_denied(state.data, "accounts", "update");
    if (!reason && !c.accounts.loaded) reason = "Loading...";
    if (!reason && c.save_approval.busy) reason = "Saving...";
    if (toggle_switch("Require approval for new users", required, reason))
        set_approval(c, services, !required);
    small_note(
        "Someone from your email domain who is not yet a user joins as a member when they "
        "first sign in with Okta. With approval required, they wait under Team > Users until "
        "an admin approves them.");
    if (c.save_approval.error)
        error_banner("Could not save the account setting", *c.save_approval.error, nullptr);
}

}  // namespace

void okta_config_sso_tab(IntegrationsPageState& state, PageContext& context) {
    OktaConfigState& c = state.config;
    const openzro::IdentityProvider* p = okta_provider(state.data);
    if (!p) {
        text_wrapped_muted(
            "Single sign-on with Okta is not set up: run the Okta setup again from the "
            "Integrations page to add it.");
        return;
    }
    value_line("ISSUER", p->issuer);
    value_line("CLIENT ID", p->client_id);
    value_line("EMAIL DOMAIN", p->email_domain);
    ImGui::Dummy(ImVec2(0, px(4)));
    if (button("Test sign-in", {ButtonKind::Secondary, OZ_ICON_EXTERNAL_LINK}))
        context.actions.open_url = okta_test_sign_in_url(context.services, p->id);
    small_note(
        "Opens Okta's sign-in in a new tab. Sign in as a user of the domain: when it works, the "
        "new tab shows openZro signed in as that user.");
    ImGui::Dummy(ImVec2(0, px(12)));
    secret_section(c, state, context.services, *p);
    ImGui::Dummy(ImVec2(0, px(12)));
    approval_section(c, state, context.services);
}

}  // namespace ui
