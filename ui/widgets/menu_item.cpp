// Popup menu rows (DESIGN.md: menus on surface-raised hover, disabled with a reason).
#include "ui/widgets/menu_item.h"

#include <imgui_internal.h>

#include "ui/icons.h"
#include "ui/item_registry.h"
#include "ui/widgets.h"

namespace ui {

bool menu_item(const char* label, const MenuItemOptions& o) {
    const bool disabled = o.disabled_reason != nullptr;
    const float width = ImMax(ImGui::GetContentRegionAvail().x, px(160));
    ImGui::BeginDisabled(disabled);
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(width, px(32)));
    const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::EndDisabled();
    std::uint32_t state = o.checked ? ItemState_Checked : ItemState_None;
    registry_annotate_last(Role::MenuItem, o.accessible, state);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float alpha = disabled ? ImGui::GetStyle().DisabledAlpha : 1.0f;
    if (hovered && !disabled) {
        dl->AddRectFilled(a, b, colors().surface_raised, px(6));
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    ImFont* f = font(Font::Body);
    const float y = a.y + (px(32) - f->FontSize) * 0.5f;
    const ImU32 text = with_alpha(o.danger ? colors().danger : colors().text, alpha);
    float x = a.x + px(10);
    if (o.icon) {
        dl->AddText(f, f->FontSize, ImVec2(x, y),
                    with_alpha(o.danger ? colors().danger : colors().text_muted, alpha), o.icon);
        x += px(24);
    }
    dl->AddText(f, f->FontSize, ImVec2(x, y), text, label, ImGui::FindRenderedTextEnd(label));
    if (o.checked)
        dl->AddText(f, f->FontSize, ImVec2(b.x - px(26), y), colors().accent, OZ_ICON_CHECK);
    focus_ring_for_last_item(6);
    tooltip_for_last_item(o.disabled_reason);
    return pressed && !disabled;
}

void menu_caption(const char* text) {
    ImGui::Dummy(ImVec2(0, px(2)));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + px(10));
    ImGui::PushFont(font(Font::Caption));
    text_muted(text);
    ImGui::PopFont();
}

bool begin_menu_popup(const char* id, float min_width_css) {
    ImGui::SetNextWindowSizeConstraints(ImVec2(px(min_width_css), 0), ImVec2(px(420), px(420)));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, colors().surface);
    ImGui::PushStyleColor(ImGuiCol_Border, colors().border);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(6), px(6)));
    const bool open = ImGui::BeginPopup(id, ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    if (open) ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(px(4), px(2)));
    return open;
}

void end_menu_popup() {
    ImGui::PopStyleVar();
    ImGui::EndPopup();
}

}  // namespace ui
