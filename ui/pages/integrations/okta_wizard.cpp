// The Okta wizard's frame: a centred 640 px dialog with both logos, a segmented progress bar,
// the step, and Back / Continue. Its place lives in the route (#/integrations?setup=okta&step=N
// &idp=...&integration=...), so a reload resumes it; Escape and the close button ask first.
#include "ui/pages/integrations/okta_wizard.h"

#include <imgui_internal.h>

#include "ui/icons.h"
#include "ui/pages/integrations/logos.h"
#include "ui/pages/integrations/okta_wizard_steps.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/modal.h"
#include "ui/widgets/skeleton.h"

namespace ui {

namespace {

constexpr const char* kPopup = "##okta-wizard";
constexpr const char* kStepTitles[kOktaSteps] = {"Required permissions",
                                                 "Install the openZro app",
                                                 "Configure single sign-on",
                                                 "Enable SCIM provisioning",
                                                 "Provisioning to openZro",
                                                 "Assign groups",
                                                 "Push groups"};
constexpr int kConfirmLeave = 1;
constexpr float kHeaderFooterHeight = 190;  // CSS px around the scrolling body

// Steps need what earlier steps made: a reload with a partial route lands on the first step
// that is still missing something.
OktaWizardPlace reachable(OktaWizardPlace p) {
    if (p.step >= 4 && p.idp.empty()) p.step = 3;
    if (p.step >= 5 && p.integration <= 0) p.step = 4;
    return p;
}

void header(int step, bool& close) {
    // Both logos, joined by a link glyph drawn between them.
    const ImVec2 a = ImGui::GetCursorScreenPos();
    openzro_logo(32);
    ImGui::SameLine(0, px(28));
    okta_logo(32);
    ImFont* f = font(Font::Body);
    const ImVec2 glyph = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, OZ_ICON_LINK);
    ImGui::GetWindowDrawList()->AddText(
        f, f->FontSize, ImVec2(a.x + px(46) - glyph.x * 0.5f, a.y + px(16) - glyph.y * 0.5f),
        colors().text_muted, OZ_ICON_LINK);
    ImGui::SameLine(0, px(12));
    ImGui::BeginGroup();
    heading("Connect openZro with Okta", Font::Section);
    ImGui::PushFont(font(Font::Small));
    const std::string sub = "Step " + std::to_string(step) + " of " + std::to_string(kOktaSteps) +
                            " \xc2\xb7 " + kStepTitles[step - 1];
    text_muted(sub.c_str());
    ImGui::PopFont();
    ImGui::EndGroup();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - px(32));
    close = icon_button("close", OZ_ICON_CLOSE, "Close setup");
    ImGui::Dummy(ImVec2(0, px(8)));
}

void progress_bar(int step) {
    const float gap = px(4), h = px(4);
    const float w = ImGui::GetContentRegionAvail().x;
    const float seg = (w - gap * (kOktaSteps - 1)) / kOktaSteps;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < kOktaSteps; ++i) {
        const float x = a.x + static_cast<float>(i) * (seg + gap);
        const ImU32 c = i < step ? colors().accent : colors().border;
        dl->AddRectFilled(ImVec2(x, a.y), ImVec2(x + seg, a.y + h), c, h * 0.5f);
    }
    ImGui::Dummy(ImVec2(w, h));
    ImGui::Dummy(ImVec2(0, px(12)));
}

void body(WizardStep& s) {
    switch (s.place.step) {
        case 1:
            return wizard_permissions(s);
        case 2:
            return wizard_install();
        case 3:
            return wizard_sso(s);
        case 4:
            return wizard_scim(s);
        case 5:
            return wizard_provisioning();
        case 6:
            return wizard_assign_groups();
        default:
            return wizard_push_groups(s);
    }
}

void on_continue(WizardStep& s) {
    switch (s.place.step) {
        case 3:
            return wizard_sso_continue(s);
        case 4:
            return wizard_scim_continue(s);
        case kOktaSteps:
            return wizard_push_groups_continue(s);
        default:
            return wizard_go_step(s, s.place.step + 1);
    }
}

// Enter continues unless the keyboard focus is on another control, which Enter activates.
bool enter_continues(ImGuiID continue_id) {
    if (!ImGui::IsKeyPressed(ImGuiKey_Enter, false) &&
        !ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false))
        return false;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool on_text_field = g.NavId != 0 && g.InputTextState.ID == g.NavId;
    return g.NavDisableHighlight || g.NavId == 0 || on_text_field || g.NavId == continue_id;
}

// Back (secondary) and Continue (primary) at the bottom right.
void footer(WizardStep& s) {
    ImGui::Dummy(ImVec2(0, px(4)));
    modal_separator();
    ImGui::Dummy(ImVec2(0, px(12)));
    const float w = ImGui::GetContentRegionAvail().x;
    ImFont* f = font(Font::Medium);
    const WizardFooter& ft = s.footer;
    const bool last = s.place.step == kOktaSteps;
    const char* icon = last ? OZ_ICON_CHECK : OZ_ICON_ARROW_RIGHT;
    const float continue_w =
        f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, ft.continue_label.c_str()).x +
        f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon).x + px(32);
    const float back_w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "Back").x + px(24);
    const bool has_back = s.place.step > 1;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + w - continue_w - (has_back ? back_w + px(8) : 0));
    if (has_back) {
        if (button("Back", {ButtonKind::Secondary})) wizard_go_step(s, s.place.step - 1);
        ImGui::SameLine(0, px(8));
    }
    const std::string label = ft.continue_label + "##wizard-continue";
    bool go = button(label.c_str(), {ButtonKind::Primary, icon, ft.disabled_reason});
    const ImGuiID continue_id = ImGui::GetItemID();
    if (!go && !ft.disabled_reason && !s.state.wizard.confirm.open)
        go = enter_continues(continue_id);
    if (go) on_continue(s);
}

}  // namespace

void wizard_go(WizardStep& s, const OktaWizardPlace& place) {
    s.context.actions.navigate_hash = okta_wizard_hash(place);
}

void wizard_go_step(WizardStep& s, int step) {
    OktaWizardPlace p = s.place;
    p.step = step;
    wizard_go(s, p);
}

bool wizard_waiting(WizardStep& s, const Read& read, const char* error_title,
                    const char* error_reason, void (*retry)(WizardStep&)) {
    if (read.error) {
        if (error_banner(error_title, *read.error)) retry(s);
        s.footer.disabled_reason = error_reason;
        return true;
    }
    if (read.loaded) return false;
    skeleton_rows(4);
    s.footer.disabled_reason = "Loading...";
    return true;
}

void wizard_reload(WizardStep& s) {
    okta_load(s.state, s.context);
}

void okta_wizard(IntegrationsPageState& state, PageContext& context) {
    OktaWizardState& w = state.wizard;
    if (!okta_wizard_requested(context.route)) {
        if (w.shown_step != 0) w = OktaWizardState{};  // forget the setup's secrets and fields
        return;
    }
    if (!w.navigate.empty()) {
        context.actions.navigate_hash = std::move(w.navigate);
        w.navigate.clear();
        return;
    }
    WizardStep s{state, context, okta_wizard_place(context.route)};
    const OktaWizardPlace place = reachable(s.place);
    if (place.step != s.place.step) {
        wizard_go(s, place);
        return;
    }
    s.entered = w.shown_step != s.place.step;
    w.shown_step = s.place.step;

    if (!modal_begin(kPopup, 640, "Connect openZro with Okta")) return;
    context.actions.wake_after =
        earliest_wake(context.actions.wake_after, modal_settle(s.entered, w.settle_frames));
    bool close = false;
    header(s.place.step, close);
    progress_bar(s.place.step);

    ImGui::SetNextWindowSizeConstraints(
        ImVec2(0, 0), ImVec2(FLT_MAX, modal_body_max_height(kHeaderFooterHeight)));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, 0);
    ImGui::BeginChild("##wizard-body", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY,
                      ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleColor();
    body(s);
    ImGui::EndChild();
    footer(s);

    // The confirmation is drawn before a new one opens: the Escape that opens it must not
    // also answer it.
    const bool asking = w.confirm.open;
    if (confirm_draw(w.confirm) == ConfirmResult::Confirmed) {
        if (w.confirm.action == kConfirmLeave)
            context.actions.navigate_hash = route_hash(Page::Integrations);
        else if (w.confirm.action == kWizardConfirmRegenerate)
            wizard_scim_regenerate(s);
    }
    // Leaving never silently drops a half-done setup: what was created stays, and the card
    // offers to resume; what was typed on this step is lost, so ask.
    const bool escape = ImGui::IsKeyPressed(ImGuiKey_Escape, false) &&
                        ImGui::GetCurrentContext()->ActiveIdPreviousFrame == 0 && !asking;
    if (close || escape)
        confirm_open(w.confirm, "Leave the Okta setup?",
                     "What you saved so far stays, and the Okta card lets you resume. Anything "
                     "typed on this step and not saved yet is lost.",
                     "Leave setup", kConfirmLeave, false);
    if (!context.actions.navigate_hash.empty() &&
        !okta_wizard_requested(route_parse(context.actions.navigate_hash)))
        ImGui::CloseCurrentPopup();
    modal_end();
}

}  // namespace ui
