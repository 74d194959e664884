#include "ui/widgets/live_text.h"

#include <imgui.h>

#include "ui/item_registry.h"
#include "ui/theme.h"

namespace ui {

void live_text(const char* text, ImU32 text_color, const char* icon, ImU32 icon_color) {
    ImGui::BeginGroup();
    if (icon) {
        ImGui::PushStyleColor(ImGuiCol_Text, icon_color ? icon_color : text_color);
        ImGui::TextUnformatted(icon);
        ImGui::PopStyleColor();
        ImGui::SameLine(0, px(8));
    }
    ImGui::PushStyleColor(ImGuiCol_Text, text_color);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::EndGroup();
    registry_add_text(Role::Status, text);
}

}  // namespace ui
