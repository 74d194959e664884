#include "ui/widgets/skeleton.h"

#include <imgui.h>

#include "ui/theme.h"

namespace ui {

void skeleton_rows(int rows) {
    const float width = ImGui::GetContentRegionAvail().x;
    for (int i = 0; i < rows; ++i) {
        const float w = width * (i % 3 == 2 ? 0.45f : i % 2 ? 0.7f : 0.9f);
        const ImVec2 a = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(a, ImVec2(a.x + w, a.y + px(12)),
                                                  colors().surface_raised, px(6));
        ImGui::Dummy(ImVec2(w, px(12)));
        ImGui::Dummy(ImVec2(0, px(4)));
    }
}

}  // namespace ui
