// #/integrations. Until the Okta integration lands (wizard issue), the page shows what it will
// hold and the one fact that is already true: where Okta will send SCIM requests.
#include <algorithm>

#include "ui/icons.h"
#include "ui/pages/integrations_page.h"

namespace ui {

void integrations_page(IntegrationsPageState& state, PageContext& context) {
    page_header(nullptr, "Integrations", "Connect openZro to the services your team already uses.");
    heading("Identity Provider", Font::Section);
    text_muted("Sign in with your identity provider and keep users and groups in sync.");
    ImGui::Dummy(ImVec2(0, px(8)));

    const float card_w = std::min(ImGui::GetContentRegionAvail().x, px(640));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(16), px(16)));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors().surface);
    ImGui::BeginChild("##okta-card", ImVec2(card_w, 0),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY |
                          ImGuiChildFlags_AlwaysUseWindowPadding);
    {
        // Logo tile: the Okta brand colour with the provider's initial.
        const ImVec2 a = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(a, ImVec2(a.x + px(40), a.y + px(40)), colors().okta, px(8));
        ImFont* f = font(Font::Section);
        const ImVec2 o = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "O");
        dl->AddText(f, f->FontSize,
                    ImVec2(a.x + (px(40) - o.x) * 0.5f, a.y + (px(40) - o.y) * 0.5f),
                    IM_COL32_WHITE, "O");
        ImGui::Dummy(ImVec2(px(40), px(40)));
        ImGui::SameLine(0, px(12));
        ImGui::BeginGroup();
        heading("Okta", Font::Section);
        text_muted("Single sign-on over OpenID Connect, then users and groups over SCIM 2.0.");
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, px(8)));
        copy_field("SCIM connector base URL", context.services.api_origin + "/api/scim/v2",
                   state.scim_url);
        ImGui::PushFont(font(Font::Small));
        text_muted("Okta sends users and groups to this address once provisioning is set up.");
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(0, px(8)));
        button("Connect Okta", {ButtonKind::Primary, OZ_ICON_PLUG,
                                "The step-by-step Okta setup is not part of this build yet."});
        ImGui::SameLine(0, px(16));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + px(7));
        link("Okta SCIM documentation", "https://developer.okta.com/docs/concepts/scim/",
             context.actions.open_url);
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    context.actions.wake_after = copy_field_pending(state.scim_url);
}

}  // namespace ui
