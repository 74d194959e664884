// Copyable read-only field (DESIGN.md: monospace value on surface-raised, a copy icon button at
// the right that turns into a check mark for 2 s; secrets masked with a show toggle).
#include <imgui_internal.h>

#include "ui/icons.h"
#include "ui/item_registry.h"
#include "ui/widgets.h"

namespace ui {

namespace {
constexpr double kCopiedFeedbackSeconds = 2.0;
}

double copy_field_pending(const CopyFieldState& state) {
    const double left = state.copied_at + kCopiedFeedbackSeconds - ImGui::GetTime();
    return left > 0 ? left : -1;
}

bool copy_field(const char* label, const std::string& value, CopyFieldState& state, bool secret) {
    const char* visible_end = ImGui::FindRenderedTextEnd(label);
    const std::string name(label, visible_end);
    ImGui::PushID(label);
    ImGui::PushFont(font(Font::Medium));
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopFont();

    const float height = px(36);
    const float buttons = secret ? px(72) : px(36);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + width, a.y + height), colors().surface_raised, px(6));
    dl->AddRect(a, ImVec2(a.x + width, a.y + height), colors().border, px(6));

    const bool masked = secret && !state.revealed;
    const std::string shown = masked ? std::string(ImMin<size_t>(value.size(), 24), '*') : value;
    ImFont* mono = font(Font::Mono);
    const ImVec4 clip(a.x + px(12), a.y, a.x + width - buttons - px(4), a.y + height);
    dl->AddText(mono, mono->FontSize, ImVec2(a.x + px(12), a.y + (height - mono->FontSize) * 0.5f),
                colors().text, shown.c_str(), nullptr, 0, &clip);

    // The value itself is an item too, so tests and screen readers can read it.
    ImGui::InvisibleButton("##value", ImVec2(width - buttons, height));
    registry_annotate_last(Role::Other, name.c_str());
    registry_set_last_value(masked ? "" : value.c_str());
    if (!masked && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);

    bool copied = false;
    if (secret) {
        ImGui::SameLine(0, 0);
        if (icon_button("reveal", state.revealed ? OZ_ICON_EYE_SLASH : OZ_ICON_EYE,
                        state.revealed ? "Hide" : "Show"))
            state.revealed = !state.revealed;
    }
    ImGui::SameLine(0, 0);
    const bool showing_check = copy_field_pending(state) > 0;
    const std::string copy_label = "Copy " + name;
    if (icon_button("copy", showing_check ? OZ_ICON_CHECK : OZ_ICON_COPY, copy_label.c_str())) {
        ImGui::SetClipboardText(value.c_str());
        state.copied_at = ImGui::GetTime();
        copied = true;
    }
    ImGui::PopID();
    return copied;
}

}  // namespace ui
