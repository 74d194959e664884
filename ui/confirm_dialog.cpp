#include "ui/confirm_dialog.h"

#include <imgui.h>

#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/widgets/modal.h"

namespace ui {

void confirm_open(ConfirmDialog& d, std::string title, std::string message,
                  std::string confirm_label, int action, bool danger) {
    d.open = true;
    d.title = std::move(title);
    d.message = std::move(message);
    d.confirm_label = std::move(confirm_label);
    d.action = action;
    d.danger = danger;
}

ConfirmResult confirm_draw(ConfirmDialog& d) {
    if (!d.open) return ConfirmResult::None;
    ConfirmResult result = ConfirmResult::None;
    if (modal_begin("##confirm", 440, d.title.c_str())) {
        heading(d.title.c_str(), Font::Section);
        ImGui::Dummy(ImVec2(0, px(4)));
        text_wrapped_muted(d.message.c_str());
        ImGui::Dummy(ImVec2(0, px(16)));
        const float avail = ImGui::GetContentRegionAvail().x;
        ImFont* f = font(Font::Medium);
        const float confirm_w =
            f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, d.confirm_label.c_str()).x + px(24);
        const float cancel_w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "Cancel").x + px(24);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - confirm_w - cancel_w - px(8));
        if (button("Cancel##confirm", {ButtonKind::Secondary}) ||
            ImGui::IsKeyPressed(ImGuiKey_Escape))
            result = ConfirmResult::Cancelled;
        ImGui::SameLine(0, px(8));
        const std::string confirm = d.confirm_label + "##confirm";
        if (button(confirm.c_str(), {d.danger ? ButtonKind::Danger : ButtonKind::Primary}))
            result = ConfirmResult::Confirmed;
        if (result != ConfirmResult::None) {
            d.open = false;
            ImGui::CloseCurrentPopup();
        }
        modal_end();
    }
    return result;
}

}  // namespace ui
