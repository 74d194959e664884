#include "ui/widgets/field_button.h"

#include <imgui.h>

namespace ui {

bool text_field_with_button(const char* label, std::string& value, TextFieldOptions options,
                            const FieldButton& b, bool& pressed) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    // The input starts below the label line (text_field draws the label in the medium font).
    const float input_top =
        start.y + font(Font::Medium)->FontSize + ImGui::GetStyle().ItemSpacing.y;
    options.width = (avail - px(40)) / theme().scale;
    const bool edited = text_field(label, value, options);
    const ImVec2 end = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(start.x + avail - px(32), input_top + px(2)));
    pressed = icon_button(b.id, b.icon, b.label);
    ImGui::SetCursorScreenPos(end);
    ImGui::Dummy(ImVec2(0, 0));
    return edited;
}

}  // namespace ui
