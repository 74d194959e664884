#include "ui/widgets/error_banner.h"

#include <imgui.h>

#include <string>

#include "ui/icons.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ui {

void callout_begin(const char* id, ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, with_alpha(color, 0.10f));
    ImGui::PushStyleColor(ImGuiCol_Border, with_alpha(color, 0.45f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(12), px(10)));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, px(6));
    ImGui::BeginChild(id, ImVec2(0, 0),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY |
                          ImGuiChildFlags_AlwaysUseWindowPadding);
}

void callout_end() {
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
}

void titled_callout_begin(const char* id, ImU32 color, const char* icon, const char* title) {
    callout_begin(id, color);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(icon);
    ImGui::PopStyleColor();
    ImGui::SameLine(0, px(8));
    ImGui::BeginGroup();
    heading(title, Font::Medium);
}

void titled_callout_end() {
    ImGui::EndGroup();
    callout_end();
}

bool error_banner(const char* title, const openzro::ApiError& error, const char* retry_label) {
    ImGui::PushID(title);
    titled_callout_begin("##error", colors().danger, OZ_ICON_ERROR, title);
    std::string line = error.message;
    if (!error.server_message.empty() && error.server_message != error.message)
        line += ": " + error.server_message;
    text_wrapped_muted(line.c_str());
    if (!error.request_id.empty()) {
        ImGui::PushFont(font(Font::Small));
        const std::string id = "Request ID " + error.request_id;
        text_muted(id.c_str());
        ImGui::PopFont();
    }
    bool retry = false;
    if (retry_label) {
        ImGui::Dummy(ImVec2(0, px(4)));
        retry = button(retry_label, {ButtonKind::Secondary, OZ_ICON_REFRESH});
    }
    titled_callout_end();
    ImGui::PopID();
    return retry;
}

}  // namespace ui
