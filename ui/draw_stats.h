// What a frame asks of the GPU: draw calls, vertices and the pixels its triangles cover. Where
// WebGL runs in software (SwiftShader), a frame's cost grows with the pixels it fills, so the
// filled area over the screen's (overdraw) is the figure to keep low.
#pragma once

#include <imgui.h>

namespace ui {

struct DrawStats {
    int draw_lists = 0;
    int draw_calls = 0;
    int vertices = 0;
    int indices = 0;
    double filled_pixels = 0;  // triangle area inside each command's clip rectangle
    double overdraw = 0;       // filled_pixels / the display's pixels
};

// Of the last ImGui::Render (ImGui::GetDrawData()); all zero before the first frame.
DrawStats draw_stats(const ImDrawData* data);

}  // namespace ui
