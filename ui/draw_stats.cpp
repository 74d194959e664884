#include "ui/draw_stats.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// A triangle's area, scaled by how much of its bounding box lies inside the clip rectangle:
// exact for the axis-aligned rectangles that fill most of a frame, close for glyphs and curves.
double clipped_area(const ImVec2& a, const ImVec2& b, const ImVec2& c, const ImVec4& clip) {
    const float area = std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
    const float x0 = std::min({a.x, b.x, c.x}), x1 = std::max({a.x, b.x, c.x});
    const float y0 = std::min({a.y, b.y, c.y}), y1 = std::max({a.y, b.y, c.y});
    const float box = (x1 - x0) * (y1 - y0);
    if (box <= 0) return 0;
    const float w = std::min(x1, clip.z) - std::max(x0, clip.x);
    const float h = std::min(y1, clip.w) - std::max(y0, clip.y);
    return w <= 0 || h <= 0 ? 0 : static_cast<double>(area * (w * h / box));
}

}  // namespace

DrawStats draw_stats(const ImDrawData* data) {
    DrawStats stats;
    if (data == nullptr || !data->Valid) return stats;
    for (const ImDrawList* list : data->CmdLists) {
        ++stats.draw_lists;
        stats.vertices += list->VtxBuffer.Size;
        stats.indices += list->IdxBuffer.Size;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback != nullptr || cmd.ElemCount == 0) continue;
            ++stats.draw_calls;
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3)
                stats.filled_pixels += clipped_area(vtx[idx[i]].pos, vtx[idx[i + 1]].pos,
                                                    vtx[idx[i + 2]].pos, cmd.ClipRect);
        }
    }
    const auto screen = static_cast<double>(data->DisplaySize.x * data->DisplaySize.y);
    // DisplaySize is in framebuffer pixels here (the app renders at device pixels).
    stats.overdraw = screen > 0 ? stats.filled_pixels / screen : 0;
    return stats;
}

}  // namespace ui
