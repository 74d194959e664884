#include "ui/pages/sign_in_page.h"

#include <imgui_internal.h>

#include "client/text.h"
#include "ui/icons.h"
#include "ui/widgets.h"
#include "ui/widgets/error_banner.h"

namespace ui {

namespace {

void load(SignInPageState& s, Services& services) {
    if (!services.api) return;
    s.providers.start();
    services.api->auth_providers(s.scope,
                                 s.providers.into<Shared<std::vector<openzro::AuthProvider>>>());
}

// The product mark, centred above the card.
void mark(float width) {
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 c(a.x + width * 0.5f, a.y + px(18));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircle(c, px(14), colors().accent, 0, px(4));
    dl->AddCircleFilled(c, px(5), colors().accent);
    ImGui::Dummy(ImVec2(width, px(44)));
}

void centred_heading(const char* text, Font f, float width) {
    ImFont* fo = font(f);
    const float w = fo->CalcTextSizeA(fo->FontSize, FLT_MAX, 0, text).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - w) * 0.5f);
    heading(text, f);
}

void reason_callout(const std::string& reason) {
    titled_callout_begin("##sign-in-reason", colors().warning, OZ_ICON_WARNING,
                         "You could not sign in");
    text_wrapped_muted(reason.c_str());
    titled_callout_end();
    ImGui::Dummy(ImVec2(0, px(12)));
}

void provider_buttons(SignInPageState& s, PageContext& ctx, const std::string& return_to,
                      float width) {
    if (s.providers.error) {
        if (error_banner("Could not load the sign-in options", *s.providers.error))
            load(s, ctx.services);
        return;
    }
    if (!s.providers.loaded) {
        text_muted("Loading sign-in options…");
        return;
    }
    if (s.providers.value.empty()) {
        text_wrapped_muted(
            "No identity provider is set up yet, so there is no single sign-on. An admin sets "
            "up Okta under Integrations.");
        return;
    }
    for (const openzro::AuthProvider& p : s.providers.value) {
        const std::string label = "Continue with " + p.name + "##continue-" + p.id;
        ImGui::PushID(p.id.c_str());
        if (button(label.c_str(),
                   {ButtonKind::Primary, OZ_ICON_ARROW_RIGHT, nullptr, width / theme().scale}))
            ctx.actions.go_to_url = sign_in_url(ctx.services.api_origin, p.id, return_to);
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, px(4)));
    }
}

}  // namespace

std::string sign_in_reason(std::string_view code) {
    if (code.empty()) return "";
    if (code == "blocked")
        return "Your account is blocked in openZro. Ask an admin of your organization to "
               "unblock you.";
    if (code == "pending_approval")
        return "Your account waits for an admin's approval. You can sign in once an admin "
               "approves you under Team > Users.";
    if (code == "not_in_domain")
        return "Your email address is not in this account's domain, and no user with that email "
               "exists here. Ask an admin to add you.";
    if (code == "invalid_state")
        return "The sign-in took too long or was opened twice. Please try again.";
    if (code == "provider_error")
        return "The identity provider refused the sign-in. Please try again, or ask an admin to "
               "check that you are assigned to the openZro app.";
    if (code == "invalid_token" || code == "exchange_failed")
        return "openZro could not verify the answer of the identity provider. Please try "
               "again; if it keeps failing, an admin should test the single sign-on settings.";
    if (code == "unknown_provider")
        return "This identity provider is no longer set up. Choose another way to sign in.";
    return "The sign-in did not complete. Please try again.";
}

std::string sign_in_url(const std::string& origin, const std::string& idp,
                        const std::string& return_to) {
    return origin + "/auth/oidc/login?idp=" + openzro::percent_encode(idp) +
           "&return_to=" + openzro::percent_encode(return_to);
}

void sign_in_page(SignInPageState& s, PageContext& ctx, const std::string& return_to) {
    if (ctx.entered || (!s.providers.loaded && !s.providers.busy && !s.providers.error))
        load(s, ctx.services);

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colors().bg);
    ImGui::Begin(
        "##sign-in", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();

    // A 400 px card, centred; from the top third on tall screens.
    const float card_w = ImMin(px(400), vp->WorkSize.x - px(32));
    ImGui::SetCursorPos(
        ImVec2((vp->WorkSize.x - card_w) * 0.5f, ImMax(px(24), vp->WorkSize.y * 0.18f)));
    ImGui::BeginGroup();
    mark(card_w);
    centred_heading("Sign in to openZro", Font::Title, card_w);
    ImGui::Dummy(ImVec2(0, px(16)));

    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors().surface);
    ImGui::PushStyleColor(ImGuiCol_Border, colors().border);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(24), px(24)));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, px(8));
    ImGui::BeginChild("##sign-in-card", ImVec2(card_w, 0),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY |
                          ImGuiChildFlags_AlwaysUseWindowPadding);
    const std::string* code = route_query_value(ctx.route, "error");
    const std::string reason = sign_in_reason(code ? *code : "");
    if (!reason.empty()) reason_callout(reason);
    text_wrapped_muted("Use your organization's account.");
    ImGui::Dummy(ImVec2(0, px(8)));
    provider_buttons(s, ctx, return_to, ImGui::GetContentRegionAvail().x);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);

    ImGui::Dummy(ImVec2(0, px(16)));
    small_note(
        "Owner setting up openZro? Until single sign-on works, sign in with the one-time link "
        "openzro-server prints on its console when started with --sign-in-link (scripts/run "
        "does).",
        ImGui::GetCursorPosX() + card_w);
    ImGui::EndGroup();
    ImGui::End();
}

}  // namespace ui
