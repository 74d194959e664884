// The steps of the Okta wizard that tell the admin what to click in Okta, in Okta's own words
// (shared/seed/okta-provisioning.txt). Okta UI terms are in [brackets]: drawn as keycaps.
#include "ui/icons.h"
#include "ui/pages/integrations/okta_wizard_steps.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/instructions.h"
#include "ui/widgets/live_text.h"

namespace ui {

namespace {

constexpr double kCountPollSeconds = 3;

// A poll round's callback for a list (users, groups): counts what the integration pushed.
template <class T>
auto count_pushed(OktaWizardState& w, int& count) {
    return [&w, &count](openzro::Result<Shared<std::vector<T>>> r) {
        auto* v = w.poll.answered(r, ImGui::GetTime(), kCountPollSeconds);
        if (!v) return;
        int n = 0;
        if (*v)
            for (const T& item : **v) n += item.issued == "integration";
        count = n;
    };
}

void intro(const char* text) {
    text_wrapped_muted(text);
    ImGui::Dummy(ImVec2(0, px(12)));
}

void steps(std::initializer_list<const char*> lines) {
    int n = 1;
    for (const char* line : lines) numbered_step(n++, line);
}

void note(const char* icon, ImU32 color, const char* text) {
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(icon);
    ImGui::PopStyleColor();
    ImGui::SameLine(0, px(8));
    text_wrapped_muted(text);
}

// One live count of step 7: "3 users received".
void counter(int value, const char* singular, const char* plural) {
    const std::string text =
        value < 0 ? std::string("Counting ") + plural + "..."
                  : std::to_string(value) + " " + (value == 1 ? singular : plural) + " received";
    ImGui::PushFont(font(Font::Section));
    live_text(text.c_str(), colors().text, OZ_ICON_USERS, colors().accent);
    ImGui::PopFont();
}

}  // namespace

void wizard_permissions(WizardStep& s) {
    s.footer.continue_label = "Get Started";
    intro(
        "openZro signs your team in with Okta (single sign-on over OpenID Connect), then Okta "
        "keeps openZro's users and groups in sync (SCIM 2.0 provisioning).");
    heading("Required permissions", Font::Medium);
    ImGui::Dummy(ImVec2(0, px(4)));
    keycap_text(
        "Your Okta user needs one of these admin roles: [Super Admin], [Org Admin] or "
        "[Group Admin].");
    ImGui::Dummy(ImVec2(0, px(12)));
    heading("To check your role in Okta", Font::Medium);
    ImGui::Dummy(ImVec2(0, px(4)));
    steps({"Log in to your Okta admin dashboard.", "Expand [People] in the left menu.",
           "Select your user.", "Open the [Admin roles] tab."});
    ImGui::Dummy(ImVec2(0, px(8)));
    live_text("Estimated setup time: 15 minutes", colors().text, OZ_ICON_CLOCK, colors().accent);
}

// Longer than a line: named, so the list below holds no literal split in two (which reads like
// a missing comma).
constexpr const char* kOpenApplications =
    "In Okta's admin dashboard, click [Applications] in the left menu, then [Applications] in "
    "the submenu.";

void wizard_install() {
    intro("Add the openZro app from Okta's catalog and assign yourself to it.");
    steps({kOpenApplications,
           "Click [Browse App Catalog], search for \"openZro\" and click [Add Integration].",
           "Accept the default application name and click [Done].",
           "Click the [Assign] dropdown and select [Assign to People].",
           "Find your user account, click [Assign], save, and click [Done]."});
    note(OZ_ICON_INFO, colors().accent,
         "Your user is now listed in the openZro application in Okta.");
}

void wizard_provisioning() {
    intro("Let Okta create, update and deactivate openZro users.");
    steps(
        {"In the openZro app in Okta, open the [Provisioning] tab and select [To App] in "
         "the settings.",
         "Click [Edit].", "Check [Create Users], [Update User Attributes] and [Deactivate Users].",
         "Click [Save]."});
    note(OZ_ICON_INFO, colors().accent,
         "Deactivated users are blocked in openZro, not deleted: their record stays readable.");
}

void wizard_assign_groups() {
    intro("Choose which Okta groups get access to openZro. Their members are provisioned.");
    steps({"Open the [Assignments] tab of the openZro app.",
           "Click [Assign] and select [Assign to Groups].",
           "Select the Okta groups to assign to the openZro app.", "Click [Done]."});
    note(OZ_ICON_INFO, colors().accent, "The selected groups are listed in Okta.");
}

void wizard_push_groups(WizardStep& s) {
    OktaWizardState& w = s.state.wizard;
    s.footer.continue_label = "Finish Setup";
    if (w.finish.busy) s.footer.disabled_reason = "Enabling the integration...";
    if (!s.footer.disabled_reason)
        s.footer.disabled_reason = okta_denied(s.state.data, "integrations", "update");
    if (!s.footer.disabled_reason)
        s.footer.disabled_reason = okta_other_enabled(s.state.data, s.place.integration);
    intro("Push Okta groups so that openZro has the same groups and memberships.");
    steps({"In the openZro app in Okta, open the [Push Groups] tab.",
           "Click the [Push Groups] button and select [Find groups by name].",
           "Search for the groups to push to openZro and save."});
    ImGui::Dummy(ImVec2(0, px(12)));
    heading("Received from Okta so far", Font::Medium);
    ImGui::Dummy(ImVec2(0, px(4)));
    counter(w.users_received, "user", "users");
    ImGui::SameLine(0, px(48));
    counter(w.groups_received, "group", "groups");
    if (w.poll.error && error_banner("Could not count the users and groups", *w.poll.error))
        w.poll.retry();
    // Retrying is pressing Finish Setup again.
    if (w.finish.error) error_banner("Could not enable the integration", *w.finish.error, nullptr);

    // Live counts: ask again every few seconds while this step is open.
    openzro::Api* api = s.context.services.api;
    const double now = ImGui::GetTime();
    if (s.entered) w.poll.next = 0;
    if (api && w.poll.due(now, 2)) {
        api->users(w.scope, count_pushed<openzro::User>(w, w.users_received));
        api->groups(w.scope, count_pushed<openzro::Group>(w, w.groups_received));
    }
    s.context.actions.wake_after = earliest_wake(s.context.actions.wake_after, w.poll.wake_in(now));
}

void wizard_push_groups_continue(WizardStep& s) {
    OktaWizardState& w = s.state.wizard;
    openzro::Api* api = s.context.services.api;
    if (!api || w.finish.busy) return;
    w.finish.start();
    openzro::UpdateOktaScimIntegrationRequest request;
    request.enabled = true;
    api->update_scim_integration(
        w.scope, s.place.integration, request,
        [&state = s.state,
         &services = s.context.services](openzro::Result<openzro::OktaScimIntegration> r) {
            OktaWizardState& wz = state.wizard;
            auto* v = wz.finish.finish(r);
            if (!v) return;
            toast_push(*services.toasts, ToastKind::Success,
                       "Okta is connected: users and groups stay in sync.");
            wz.navigate = "#/team/users?source=okta";
        });
}

}  // namespace ui
