// Removable chips (DESIGN.md: pills with full rounding, 12 px captions).
#include "ui/widgets/chip.h"

#include <imgui.h>

#include <string>

#include "ui/icons.h"
#include "ui/item_registry.h"
#include "ui/widgets.h"

namespace ui {

bool chip(const char* label) {
    ImFont* f = font(Font::Caption);
    const ImVec2 text = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label);
    const float close_w = px(20);
    const ImVec2 size(text.x + px(12) + close_w + px(4), px(24));
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + size.x, a.y + size.y), colors().surface_raised,
                      size.y * 0.5f);
    dl->AddRect(a, ImVec2(a.x + size.x, a.y + size.y), colors().border, size.y * 0.5f);
    dl->AddText(f, f->FontSize, ImVec2(a.x + px(12), a.y + (size.y - f->FontSize) * 0.5f),
                colors().text, label);

    const std::string accessible = std::string("Remove filter ") + label;
    ImGui::SetCursorScreenPos(ImVec2(a.x + size.x - close_w - px(4), a.y + px(2)));
    ImGui::PushID(label);
    const bool pressed = ImGui::InvisibleButton("##remove", ImVec2(close_w, px(20)));
    ImGui::PopID();
    registry_annotate_last(Role::Button, accessible.c_str());
    const ImVec2 b = ImGui::GetItemRectMin();
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) {
        dl->AddCircleFilled(ImVec2(b.x + close_w * 0.5f, b.y + px(10)), px(9),
                            with_alpha(colors().text_muted, 0.25f));
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    const ImVec2 glyph = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, OZ_ICON_CLOSE);
    dl->AddText(f, f->FontSize,
                ImVec2(b.x + (close_w - glyph.x) * 0.5f, b.y + (px(20) - glyph.y) * 0.5f),
                hovered ? colors().text : colors().text_muted, OZ_ICON_CLOSE);
    focus_ring_for_last_item(10);
    tooltip_for_last_item(accessible.c_str());
    // Leave the cursor after the whole pill, on the same line as the next chip may go.
    ImGui::SetCursorScreenPos(a);
    ImGui::Dummy(size);
    return pressed;
}

}  // namespace ui
