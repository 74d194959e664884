#include "ui/pages/integrations/logos.h"

#include <imgui.h>

#include "ui/theme.h"

namespace ui {

void okta_logo(float size) {
    const float s = px(size);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + s, a.y + s), colors().okta, s * 0.2f);
    // Okta's mark is a ring.
    dl->AddCircle(ImVec2(a.x + s * 0.5f, a.y + s * 0.5f), s * 0.25f, IM_COL32_WHITE, 32, s * 0.11f);
    ImGui::Dummy(ImVec2(s, s));
}

void openzro_logo(float size) {
    const float s = px(size);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + s, a.y + s), colors().accent, s * 0.2f);
    // Three peers joined in a mesh.
    const ImVec2 p[3] = {ImVec2(a.x + s * 0.5f, a.y + s * 0.27f),
                         ImVec2(a.x + s * 0.27f, a.y + s * 0.7f),
                         ImVec2(a.x + s * 0.73f, a.y + s * 0.7f)};
    const ImU32 white = IM_COL32_WHITE;
    for (int i = 0; i < 3; ++i) dl->AddLine(p[i], p[(i + 1) % 3], white, s * 0.06f);
    for (const ImVec2& c : p) dl->AddCircleFilled(c, s * 0.1f, white);
    ImGui::Dummy(ImVec2(s, s));
}

}  // namespace ui
