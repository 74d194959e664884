#include "ui/widgets/toggle.h"

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/item_registry.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ui {

bool toggle_switch(const char* label, bool on, const char* disabled_reason) {
    const bool disabled = disabled_reason != nullptr;
    const char* visible_end = ImGui::FindRenderedTextEnd(label);
    const ImVec2 track(px(36), px(20));
    const float text_w = ImGui::CalcTextSize(label, visible_end).x;
    const ImVec2 size(track.x + px(8) + text_w, px(24));
    ImGui::BeginDisabled(disabled);
    const bool pressed = ImGui::InvisibleButton(label, size);
    ImGui::EndDisabled();
    registry_annotate_last(Role::Switch, nullptr, on ? ItemState_Checked : ItemState_None);

    const float alpha = disabled ? ImGui::GetStyle().DisabledAlpha : 1.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetItemRectMin();
    const ImVec2 t(a.x, a.y + (size.y - track.y) * 0.5f);
    dl->AddRectFilled(t, ImVec2(t.x + track.x, t.y + track.y),
                      with_alpha(on ? colors().accent : colors().border, alpha), track.y * 0.5f);
    const float r = track.y * 0.5f - px(3);
    const float knob_x = on ? t.x + track.x - track.y * 0.5f : t.x + track.y * 0.5f;
    dl->AddCircleFilled(ImVec2(knob_x, t.y + track.y * 0.5f), r, with_alpha(IM_COL32_WHITE, alpha));
    dl->AddText(ImVec2(t.x + track.x + px(8), a.y + (size.y - ImGui::GetFontSize()) * 0.5f),
                with_alpha(colors().text, alpha), label, visible_end);
    if (ImGui::IsItemHovered() && !disabled) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    focus_ring_for_last_item(10);
    tooltip_for_last_item(disabled_reason);
    return pressed && !disabled;
}

}  // namespace ui
