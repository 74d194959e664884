// Text, badges, status dots, page headers and empty states.
#include <imgui_internal.h>

#include "ui/item_registry.h"
#include "ui/widgets.h"

namespace ui {

void text_muted(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors().text_muted);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    registry_add_text(Role::Text, text);
}

void text_wrapped_muted(const char* text, float wrap_pos_x) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors().text_muted);
    ImGui::PushTextWrapPos(wrap_pos_x);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    registry_add_text(Role::Text, text);
}

void small_note(const char* text, float wrap_pos_x) {
    ImGui::PushFont(font(Font::Small));
    text_wrapped_muted(text, wrap_pos_x);
    ImGui::PopFont();
}

void heading(const char* text, Font f) {
    ImGui::PushFont(font(f));
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    registry_add_text(Role::Heading, text);
}

void badge(const char* label, ImU32 color, const char* icon) {
    ImFont* f = font(Font::Caption);
    const ImVec2 text = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label);
    const float icon_w = icon ? f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon).x + px(4) : 0;
    const ImVec2 size(text.x + icon_w + px(16), px(20));
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    registry_add_text(Role::Text, label);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + size.x, a.y + size.y), with_alpha(color, 0.15f),
                      size.y * 0.5f);
    ImVec2 pos(a.x + px(8), a.y + (size.y - f->FontSize) * 0.5f);
    if (icon) {
        dl->AddText(f, f->FontSize, pos, color, icon);
        pos.x += icon_w;
    }
    dl->AddText(f, f->FontSize, pos, color, label);
}

void status_dot(const char* label, ImU32 color) {
    const float line = ImGui::GetTextLineHeight();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    add_disc(ImGui::GetWindowDrawList(), ImVec2(a.x + px(4), a.y + line * 0.5f), 4, color);
    ImGui::Dummy(ImVec2(px(8), line));
    ImGui::SameLine(0, px(8));
    ImGui::TextUnformatted(label);
    registry_add_text(Role::Text, label);
}

void page_header(const char* breadcrumb, const char* title, const char* description) {
    if (breadcrumb) {
        ImGui::PushFont(font(Font::Small));
        text_muted(breadcrumb);
        ImGui::PopFont();
    }
    heading(title, Font::Title);
    if (description) text_wrapped_muted(description);
    ImGui::Dummy(ImVec2(0, px(12)));
}

bool empty_state(const char* icon, const char* sentence, const char* action_label) {
    const float width = ImGui::GetContentRegionAvail().x;
    ImFont* big = font(Font::Title);
    const ImVec2 icon_size = big->CalcTextSizeA(big->FontSize * 1.6f, FLT_MAX, 0, icon);
    ImGui::Dummy(ImVec2(0, px(24)));
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(big, big->FontSize * 1.6f,
                                        ImVec2(a.x + (width - icon_size.x) * 0.5f, a.y),
                                        colors().text_muted, icon);
    ImGui::Dummy(ImVec2(0, icon_size.y + px(12)));

    const float wrap = ImMin(width, px(480));
    const ImVec2 text = ImGui::CalcTextSize(sentence, nullptr, false, wrap);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - text.x) * 0.5f);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    text_muted(sentence);
    ImGui::PopTextWrapPos();
    bool pressed = false;
    if (action_label) {
        ImGui::Dummy(ImVec2(0, px(8)));
        ImFont* f = font(Font::Medium);
        const float w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, action_label,
                                         ImGui::FindRenderedTextEnd(action_label))
                            .x +
                        px(24);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - w) * 0.5f);
        pressed = button(action_label);
    }
    ImGui::Dummy(ImVec2(0, px(24)));
    return pressed;
}

}  // namespace ui
