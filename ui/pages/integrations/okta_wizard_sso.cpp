// Step 3 of the Okta wizard: stage 1, single sign-on. The admin copies the OpenID Connect
// credentials from Okta's Sign On tab; openZro checks them as they are typed and saves them with
// POST /identity-providers (or PUT, replacing an existing Okta provider). The Client secret
// exists only in the form and that one request, and is cleared once it succeeded.
#include "ui/icons.h"
#include "ui/pages/integrations/okta_wizard_steps.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/field_button.h"
#include "ui/widgets/instructions.h"
#include "ui/widgets/skeleton.h"

namespace ui {

namespace {

enum Field : unsigned { kClientId = 1, kSecret = 2, kDomain = 4, kEmail = 8 };

const char* shown_error(const OktaWizardState& w, unsigned field, const std::string& error) {
    return (w.submitted || (w.touched & field)) && !error.empty() ? error.c_str() : nullptr;
}

// The Client secret, masked, with a show/hide button at the right of the input.
void secret_field(OktaWizardState& w, const char* error) {
    bool toggle = false;
    if (text_field_with_button(
            "Client secret", w.form.client_secret,
            {"Paste the Client secret", nullptr, error, !w.secret_revealed},
            {"reveal-secret", w.secret_revealed ? OZ_ICON_EYE_SLASH : OZ_ICON_EYE,
             w.secret_revealed ? "Hide Client secret" : "Show Client secret"},
            toggle))
        w.touched |= kSecret;
    if (toggle) w.secret_revealed = !w.secret_revealed;
}

void existing_provider(WizardStep& s, const openzro::IdentityProvider& p) {
    OktaWizardState& w = s.state.wizard;
    callout_begin("##existing-idp", colors().success);
    ImGui::PushStyleColor(ImGuiCol_Text, colors().success);
    ImGui::TextUnformatted(OZ_ICON_CHECK_CIRCLE);
    ImGui::PopStyleColor();
    ImGui::SameLine(0, px(8));
    heading("Okta single sign-on is already set up", Font::Medium);
    const std::string domain = "Okta account domain: " + okta_domain_of_issuer(p.issuer);
    const std::string client = "Client ID: " + p.client_id;
    text_muted(domain.c_str());
    text_muted(client.c_str());
    ImGui::Dummy(ImVec2(0, px(4)));
    if (!w.replace_provider) {
        text_wrapped_muted(
            "Keep these settings and continue, or replace them with new "
            "credentials from Okta.");
        ImGui::Dummy(ImVec2(0, px(4)));
        if (button("Replace settings", {ButtonKind::Secondary, OZ_ICON_REFRESH,
                                        okta_denied(s.state.data, "identity_providers", "update")}))
            w.replace_provider = true;
    } else if (button("Keep current settings", {ButtonKind::Secondary})) {
        w.replace_provider = false;
        w.save.error.reset();
    }
    callout_end();
    ImGui::Dummy(ImVec2(0, px(12)));
}

// Where Okta sends users back after signing in and out: registered in the Okta app.
void redirect_uris(WizardStep& s) {
    OktaWizardState& w = s.state.wizard;
    Services& services = s.context.services;
    if (services.api && !w.auth_config.loaded && !w.auth_config.busy && !w.auth_config.error) {
        w.auth_config.start();
        services.api->auth_config(w.scope, w.auth_config.into<Shared<openzro::AuthConfig>>());
    }
    copy_field("Sign-in redirect URI", okta_sign_in_redirect_uri(services, w.auth_config),
               w.sign_in_uri_copy);
    ImGui::Dummy(ImVec2(0, px(4)));
    copy_field("Sign-out redirect URI", okta_sign_out_redirect_uri(services, w.auth_config),
               w.sign_out_uri_copy);
    ImGui::Dummy(ImVec2(0, px(8)));
    s.context.actions.wake_after = earliest_wake(
        s.context.actions.wake_after, earliest_wake(copy_field_pending(w.sign_in_uri_copy),
                                                    copy_field_pending(w.sign_out_uri_copy)));
}

void form(WizardStep& s) {
    OktaWizardState& w = s.state.wizard;
    const OktaSsoErrors e = okta_sso_validate(w.form);
    text_wrapped_muted("In the openZro app in Okta:");
    ImGui::Dummy(ImVec2(0, px(4)));
    numbered_step(1,
                  "Open the [General] tab and click [Edit] in [General Settings]. Under "
                  "[LOGIN], set [Sign-in redirect URIs] and [Sign-out redirect URIs] to these "
                  "two addresses, then click [Save]:");
    redirect_uris(s);
    numbered_step(2,
                  "Open the [Sign On] tab. Under [Sign on methods], find [OpenID Connect] in "
                  "the [Settings] section, and copy the [Client ID] and the [Client secret] "
                  "into the fields below.");
    numbered_step(3,
                  "Click [Edit] in the [Settings] section. In [Credential Details], change "
                  "[Application username format] from [Okta username] to [Email], then click "
                  "[Save].");
    ImGui::Dummy(ImVec2(0, px(8)));
    if (text_field("Client ID", w.form.client_id,
                   {"0oa1b2c3d4e5f6g7h8i9", nullptr, shown_error(w, kClientId, e.client_id)}))
        w.touched |= kClientId;
    ImGui::Dummy(ImVec2(0, px(4)));
    secret_field(w, shown_error(w, kSecret, e.client_secret));
    ImGui::Dummy(ImVec2(0, px(4)));
    const std::string issuer = okta_issuer(w.form.okta_domain);
    const std::string issuer_help =
        issuer.empty() ? "Your Okta organisation, e.g. acme.okta.com" : "Issuer: " + issuer;
    if (text_field("Okta account domain", w.form.okta_domain,
                   {"acme.okta.com", issuer_help.c_str(), shown_error(w, kDomain, e.okta_domain)}))
        w.touched |= kDomain;
    // The live check: whether an OpenID Connect provider answers at that issuer.
    const std::string checked = e.okta_domain.empty() ? issuer : std::string();
    const double wake =
        issuer_check_update(w.issuer_check, s.context.services, checked, ImGui::GetTime());
    s.context.actions.wake_after = earliest_wake(s.context.actions.wake_after, wake);
    issuer_check_draw(w.issuer_check, checked);
    ImGui::Dummy(ImVec2(0, px(4)));
    if (text_field(
            "Primary email domain", w.form.email_domain,
            {"acme.com", "The domain of your users' email addresses (usually your username's)",
             shown_error(w, kEmail, e.email_domain)}))
        w.touched |= kEmail;
    if (w.save.error) {
        ImGui::Dummy(ImVec2(0, px(8)));
        error_banner("Could not save the single sign-on settings", *w.save.error, nullptr);
    }
}

}  // namespace

void wizard_sso(WizardStep& s) {
    OktaWizardState& w = s.state.wizard;
    OktaData& d = s.state.data;
    if (wizard_waiting(s, d.providers, "Could not load the identity providers",
                       "The identity providers could not be loaded: retry above.", wizard_reload))
        return;
    const openzro::IdentityProvider* existing = okta_provider(d);
    if (existing) existing_provider(s, *existing);
    if (existing && !w.replace_provider) return;

    form(s);
    s.footer.continue_label = "Save and continue";
    const OktaSsoErrors e = okta_sso_validate(w.form);
    if (w.save.busy)
        s.footer.disabled_reason = "Saving...";
    else if (const char* denied =
                 okta_denied(d, "identity_providers", existing ? "update" : "create"))
        s.footer.disabled_reason = denied;
    else if (e.any())
        s.footer.disabled_reason = "Fill in every field above with a valid value first.";
}

void wizard_sso_continue(WizardStep& s) {
    OktaWizardState& w = s.state.wizard;
    const openzro::IdentityProvider* existing = okta_provider(s.state.data);
    if (existing && !w.replace_provider) {
        OktaWizardPlace next = s.place;
        next.step = 4;
        next.idp = existing->id;
        return wizard_go(s, next);
    }
    openzro::Api* api = s.context.services.api;
    if (!api || w.save.busy) return;
    w.submitted = true;
    if (okta_sso_validate(w.form).any()) return;
    w.save.start();
    auto done = [&state = s.state, place = s.place](openzro::Result<openzro::IdentityProvider> r) {
        OktaWizardState& wz = state.wizard;
        auto* v = wz.save.finish(r);
        if (!v) return;  // the form keeps every value, the secret included
        wz.form.client_secret.clear();
        wz.form.client_secret.shrink_to_fit();
        wz.secret_revealed = false;
        wz.replace_provider = false;
        auto& list = state.data.providers.value;
        bool replaced = false;
        for (auto& p : list)
            if (p.id == v->id) p = *v, replaced = true;
        if (!replaced) list.push_back(*v);
        OktaWizardPlace next = place;
        next.step = 4;
        next.idp = v->id;
        wz.navigate = okta_wizard_hash(next);
    };
    const openzro::IdentityProviderRequest request = okta_sso_request(w.form);
    if (existing)
        api->update_identity_provider(w.scope, existing->id, request, std::move(done));
    else
        api->create_identity_provider(w.scope, request, std::move(done));
}

}  // namespace ui
