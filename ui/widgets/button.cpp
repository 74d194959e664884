// Buttons, links and hover text (DESIGN.md: 32 px high, 12 px side padding, icon + label,
// disabled at 40% with a tooltip that says why).
#include <imgui_internal.h>

#include "ui/item_registry.h"
#include "ui/widgets.h"

namespace ui {

namespace {

struct ButtonColors {
    ImU32 fill, fill_hover, text, border;
};

ButtonColors colors_for(ButtonKind kind) {
    const Palette& p = colors();
    switch (kind) {
        case ButtonKind::Primary:
            return {p.accent, with_alpha(p.accent, 0.85f), IM_COL32_WHITE, 0};
        case ButtonKind::Danger:
            return {p.danger, with_alpha(p.danger, 0.85f), IM_COL32_WHITE, 0};
        case ButtonKind::Secondary:
            return {p.surface_raised, ImGui::GetColorU32(ImGuiCol_ButtonHovered), p.text, p.border};
        case ButtonKind::Ghost:
            break;
    }
    return {0, p.surface_raised, p.text, 0};
}

// The visible part of an ImGui label ("Save##dialog" -> "Save").
const char* label_end(const char* label) {
    return ImGui::FindRenderedTextEnd(label);
}

}  // namespace

void tooltip_for_last_item(const char* text) {
    if (!text || !*text) return;
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled | ImGuiHoveredFlags_DelayShort |
                             ImGuiHoveredFlags_NoSharedDelay)) {
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(8), px(6)));
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(px(320));
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
        ImGui::PopStyleVar();
    }
}

void focus_ring_for_last_item(float rounding_css) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.NavId != g.LastItemData.ID || g.NavDisableHighlight || !g.NavWindow) return;
    ImRect r = g.LastItemData.Rect;
    r.Expand(px(2));
    ImGui::GetWindowDrawList()->AddRect(r.Min, r.Max, colors().accent, px(rounding_css + 2), 0,
                                        px(2));
}

bool button(const char* label, const ButtonOptions& o) {
    const bool disabled = o.disabled_reason != nullptr;
    ImFont* f = font(Font::Medium);
    const char* end = label_end(label);
    const ImVec2 text_size = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label, end);
    const float icon_w = o.icon ? f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, o.icon).x + px(8) : 0;
    const float width = o.width > 0 ? px(o.width) : text_size.x + icon_w + px(24);
    const ImVec2 size(width, px(32));

    ImGui::BeginDisabled(disabled);
    const bool pressed = ImGui::InvisibleButton(label, size);
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    ImGui::EndDisabled();
    registry_annotate_last(Role::Button);
    if (hovered && !disabled) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    const ButtonColors c = colors_for(o.kind);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float alpha = disabled ? ImGui::GetStyle().DisabledAlpha : 1.0f;
    ImU32 fill = (hovered || held) ? c.fill_hover : c.fill;
    if (fill) dl->AddRectFilled(a, b, with_alpha(fill, alpha), px(6));
    if (c.border) dl->AddRect(a, b, with_alpha(c.border, alpha), px(6));
    ImVec2 pos(a.x + (size.x - text_size.x - icon_w) * 0.5f, a.y + (size.y - f->FontSize) * 0.5f);
    const ImU32 text = with_alpha(c.text, alpha);
    if (o.icon) {
        dl->AddText(f, f->FontSize, pos, text, o.icon);
        pos.x += icon_w;
    }
    dl->AddText(f, f->FontSize, pos, text, label, end);
    focus_ring_for_last_item(6);
    tooltip_for_last_item(o.disabled_reason);
    return pressed && !disabled;
}

bool icon_button(const char* id, const char* icon, const char* label) {
    ImFont* f = font(Font::Body);
    const ImVec2 size(px(32), px(32));
    ImGui::PushID(id);
    const bool pressed = ImGui::InvisibleButton(label, size);
    ImGui::PopID();
    registry_annotate_last(Role::Button, label);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetItemRectMin();
    if (ImGui::IsItemHovered() || ImGui::IsItemActive())
        dl->AddRectFilled(a, ImGui::GetItemRectMax(), colors().surface_raised, px(6));
    const ImVec2 glyph = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon);
    dl->AddText(f, f->FontSize,
                ImVec2(a.x + (size.x - glyph.x) * 0.5f, a.y + (size.y - glyph.y) * 0.5f),
                colors().text_muted, icon);
    focus_ring_for_last_item(6);
    tooltip_for_last_item(label);
    return pressed;
}

bool link(const char* label, const char* url, std::string& open_url) {
    ImFont* f = font(Font::Body);
    const char* end = label_end(label);
    const ImVec2 size = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label, end);
    const bool pressed = ImGui::InvisibleButton(label, size);
    registry_annotate_last(Role::Link);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetItemRectMin();
    dl->AddText(f, f->FontSize, a, colors().accent, label, end);
    if (hovered)
        dl->AddLine(ImVec2(a.x, a.y + size.y), ImVec2(a.x + size.x, a.y + size.y), colors().accent,
                    px(1));
    focus_ring_for_last_item(2);
    tooltip_for_last_item(url);
    if (pressed) open_url = url;
    return pressed;
}

}  // namespace ui
