#include "ui/widgets/tabs.h"

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/item_registry.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ui {

bool tabs(const char* id, const char* const* labels, int count, int& selected) {
    bool changed = false;
    ImGui::PushID(id);
    ImFont* f = font(Font::Medium);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float row_w = ImGui::GetContentRegionAvail().x;
    for (int i = 0; i < count; ++i) {
        if (i > 0) ImGui::SameLine(0, px(4));
        const char* end = ImGui::FindRenderedTextEnd(labels[i]);
        const float w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, labels[i], end).x + px(24);
        const bool is_selected = i == selected;
        if (ImGui::InvisibleButton(labels[i], ImVec2(w, px(36))) && !is_selected) {
            selected = i;
            changed = true;
        }
        registry_annotate_last(Role::Tab, nullptr,
                               is_selected ? ItemState_Selected : ItemState_None);
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (ImGui::IsItemHovered() && !is_selected)
            dl->AddRectFilled(a, ImVec2(b.x, b.y - px(2)), colors().surface_raised, px(6));
        dl->AddText(f, f->FontSize, ImVec2(a.x + px(12), a.y + (px(36) - f->FontSize) * 0.5f),
                    is_selected ? colors().text : colors().text_muted, labels[i], end);
        if (is_selected)
            dl->AddRectFilled(ImVec2(a.x + px(4), b.y - px(2)), ImVec2(b.x - px(4), b.y),
                              colors().accent, px(1));
        focus_ring_for_last_item(6);
    }
    const float y = ImGui::GetItemRectMax().y;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(start.x, y), ImVec2(start.x + row_w, y),
                                        colors().border, px(1));
    ImGui::PopID();
    return changed;
}

}  // namespace ui
