#include "ui/widgets/modal.h"

#include <imgui.h>

#include <algorithm>

#include "ui/item_registry.h"
#include "ui/theme.h"

namespace ui {

namespace {
constexpr float kViewportMargin = 32;  // CSS px kept free above and below the dialog
}

bool modal_begin(const char* id, float width, const char* title) {
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    const float w = std::min(px(width), vp->WorkSize.x - px(2 * kViewportMargin));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0),
                                        ImVec2(w, vp->WorkSize.y - px(2 * kViewportMargin)));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, colors().surface);
    ImGui::PushStyleColor(ImGuiCol_Border, colors().border);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(24), px(20)));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, px(8));
    const bool open =
        ImGui::BeginPopupModal(id, nullptr,
                               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
    if (open) registry_add_window(Role::Dialog, title);
    return open;
}

void modal_end() {
    ImGui::EndPopup();
}

double modal_settle(bool content_changed, int& frames_left) {
    if (content_changed || ImGui::IsWindowAppearing()) frames_left = 3;
    if (frames_left <= 0) return -1;
    --frames_left;
    return 0;
}

void modal_separator() {
    const ImVec2 pos = ImGui::GetWindowPos();
    const float right = pos.x + ImGui::GetWindowSize().x;
    const float y = ImGui::GetCursorScreenPos().y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(ImVec2(pos.x, y - 1), ImVec2(right, y + 1));
    dl->AddLine(ImVec2(pos.x, y), ImVec2(right, y), colors().border, px(1));
    dl->PopClipRect();
    ImGui::Dummy(ImVec2(0, px(1)));
}

float modal_body_max_height(float reserved) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    return std::max(px(120), vp->WorkSize.y - px(2 * kViewportMargin + reserved));
}

}  // namespace ui
