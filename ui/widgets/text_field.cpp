// Labelled text input (DESIGN.md: 36 px high, surface-raised fill, accent border when focused,
// label above, help or error below).
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "ui/item_registry.h"
#include "ui/widgets.h"

namespace ui {
namespace {

// The text changed under a field being edited (Back restored an older search): ImGui would
// write its own buffer back over it, so the field starts over from the new text, still focused.
void restart_if_changed_elsewhere(ImGuiID id, const std::string& value) {
    const ImGuiInputTextState* state = ImGui::GetInputTextState(id);
    if (!state || ImGui::GetActiveID() != id || !state->TextAIsValid) return;
    if (value == state->TextA.Data) return;
    ImGui::ClearActiveID();
    // Deactivation would write the abandoned edit back on this very frame (ImGui #4714).
    ImGui::GetCurrentContext()->InputTextDeactivatedState.ID = 0;
    ImGui::SetKeyboardFocusHere();
}

}  // namespace

bool text_field(const char* label, std::string& value, const TextFieldOptions& o) {
    const char* visible_end = ImGui::FindRenderedTextEnd(label);
    ImGui::PushFont(font(Font::Medium));
    ImGui::TextUnformatted(label, visible_end);
    ImGui::PopFont();

    const float width = o.width > 0 ? px(o.width) : ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(width);
    const bool has_error = o.error && *o.error;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(px(12), (px(36) - ImGui::GetFontSize()) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Border, has_error ? colors().danger : colors().border);
    ImGuiInputTextFlags flags = o.password ? ImGuiInputTextFlags_Password : 0;
    ImGui::PushID(label);
    restart_if_changed_elsewhere(ImGui::GetID("##input"), value);
    const bool edited = o.placeholder
                            ? ImGui::InputTextWithHint("##input", o.placeholder, &value, flags)
                            : ImGui::InputText("##input", &value, flags);
    ImGui::PopID();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    // The registry names the input by its visible label, like a <label for=...>.
    std::string accessible(label, visible_end);
    registry_annotate_last(Role::TextBox, accessible.c_str());
    registry_set_last_value(o.password ? "" : value.c_str());
    registry_bind_last_text(&value);

    if (ImGui::IsItemActive() || ImGui::IsItemFocused()) {
        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                            colors().accent, px(6), 0, px(1.5f));
    }
    if (has_error || (o.help && *o.help)) {
        ImGui::PushFont(font(Font::Small));
        ImGui::PushStyleColor(ImGuiCol_Text, has_error ? colors().danger : colors().text_muted);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextUnformatted(has_error ? o.error : o.help);
        registry_add_text(Role::Text, has_error ? o.error : o.help);  // read out with the field
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    return edited;
}

}  // namespace ui
