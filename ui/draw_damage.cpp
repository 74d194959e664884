#include "ui/draw_damage.h"

#include <imgui_internal.h>  // ImHashData

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstddef>

namespace ui {

namespace {

DamageRect unite(const DamageRect& a, const DamageRect& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

ImU64 hash_of(const ImDrawList& list) {
    const auto bytes = [](const auto& vector) {
        return ImHashData(vector.Data, static_cast<std::size_t>(vector.size_in_bytes()));
    };
    return (ImU64{bytes(list.VtxBuffer)} * 31 + bytes(list.IdxBuffer)) * 31 + bytes(list.CmdBuffer);
}

// Its vertices' bounds inside its clip rectangles, rounded out to whole pixels and kept on the
// display (DisplayPos is the origin).
DamageRect rect_of(const ImDrawList& list, const ImDrawData& data) {
    ImVec4 clip(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        if (cmd.UserCallback != nullptr || cmd.ElemCount == 0) continue;
        clip = ImVec4(std::min(clip.x, cmd.ClipRect.x), std::min(clip.y, cmd.ClipRect.y),
                      std::max(clip.z, cmd.ClipRect.z), std::max(clip.w, cmd.ClipRect.w));
    }
    ImVec4 box(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
    for (const ImDrawVert& v : list.VtxBuffer)
        box = ImVec4(std::min(box.x, v.pos.x), std::min(box.y, v.pos.y), std::max(box.z, v.pos.x),
                     std::max(box.w, v.pos.y));
    const auto lo = [](float a, float b, float origin, float size) {
        return static_cast<int>(std::clamp(std::floor(std::max(a, b) - origin), 0.0f, size));
    };
    const auto hi = [](float a, float b, float origin, float size) {
        return static_cast<int>(std::clamp(std::ceil(std::min(a, b) - origin), 0.0f, size));
    };
    const ImVec2 at = data.DisplayPos, size = data.DisplaySize;
    return {lo(clip.x, box.x, at.x, size.x), lo(clip.y, box.y, at.y, size.y),
            hi(clip.z, box.z, at.x, size.x), hi(clip.w, box.w, at.y, size.y)};
}

// An opaque solid triangle fan: how ImGui fills rectangles and convex shapes (a window's or a
// card's background, wherever it is in a draw list).
struct Fan {
    ImVector<ImVec2> points;  // the outline, on the display
    unsigned indices = 0;     // its length in the command's index stream
    ImU32 color = 0;
    ImVec4 clip;
};

float cross(ImVec2 a, ImVec2 b, ImVec2 c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

bool convex(const ImVector<ImVec2>& points) {
    float sign = 0;
    for (int i = 0; i < points.Size; ++i) {
        const float turn =
            cross(points[i], points[(i + 1) % points.Size], points[(i + 2) % points.Size]);
        if (sign == 0) sign = turn;
        if (turn * sign < 0) return false;
    }
    return sign != 0;
}

// Strictly inside the convex outline (either winding): a point on an edge may not be drawn.
bool inside(const ImVector<ImVec2>& points, ImVec2 p) {
    float sign = 0;
    for (int i = 0; i < points.Size; ++i) {
        const float side = cross(points[i], points[(i + 1) % points.Size], p);
        if (side == 0 || side * sign < 0) return false;
        sign = side;
    }
    return true;
}

// The fan that starts at index `at` of the command, if the triangle there begins one.
Fan fan_at(const ImDrawList& list, const ImDrawCmd& cmd, unsigned at, ImVec2 origin) {
    Fan fan;
    const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
    const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
    const ImVec2 white = list._Data->TexUvWhitePixel;
    const ImU32 color = vtx[idx[at]].col;
    if ((color & IM_COL32_A_MASK) != IM_COL32_A_MASK) return fan;
    const auto solid = [&](ImDrawIdx i) {
        return vtx[i].col == color && vtx[i].uv.x == white.x && vtx[i].uv.y == white.y;
    };
    const auto on_display = [&](ImDrawIdx i) {
        return ImVec2(vtx[i].pos.x - origin.x, vtx[i].pos.y - origin.y);
    };
    unsigned n = at;
    for (; n + 3 <= cmd.ElemCount; n += 3) {
        const ImDrawIdx* t = idx + n;
        const bool fanned = t[0] == idx[at] && (n == at || t[1] == t[-1]);
        if (!fanned || !solid(t[0]) || !solid(t[1]) || !solid(t[2])) break;
        if (n == at) {
            fan.points.push_back(on_display(t[0]));
            fan.points.push_back(on_display(t[1]));
        }
        fan.points.push_back(on_display(t[2]));
    }
    fan.indices = n - at;
    fan.color = color;
    fan.clip = ImVec4(cmd.ClipRect.x - origin.x, cmd.ClipRect.y - origin.y,
                      cmd.ClipRect.z - origin.x, cmd.ClipRect.w - origin.y);
    return fan;
}

// The rows of `rect` whose every pixel centre the fan draws: an interval, the outline being
// convex, found from the middle row out (a rounded card leaves its corners' rows out).
void covered_rows(const Fan& fan, DamageRect rect, int& y0, int& y1) {
    y0 = y1 = 0;
    const auto x = [](int pixel) { return static_cast<float>(pixel); };
    if (fan.clip.x > x(rect.x0) || fan.clip.z < x(rect.x1)) return;
    const auto row = [&](int y) {
        const float centre = x(y) + 0.5f;
        return fan.clip.y <= x(y) && x(y + 1) <= fan.clip.w &&
               inside(fan.points, ImVec2(x(rect.x0) + 0.5f, centre)) &&
               inside(fan.points, ImVec2(x(rect.x1) - 0.5f, centre));
    };
    const int middle = (rect.y0 + rect.y1) / 2;
    if (!row(middle)) return;
    int lo = rect.y0, hi = middle;  // the first covered row is in [lo, hi]
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (row(mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    y0 = lo;
    lo = middle;
    hi = rect.y1 - 1;  // the last covered row is in [lo, hi]
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        if (row(mid))
            lo = mid;
        else
            hi = mid - 1;
    }
    y1 = lo + 1;
}

}  // namespace

DrawCover find_cover(const ImDrawData& data, DamageRect rect) {
    DrawCover cover;
    if (rect.empty()) return cover;
    for (int l = 0; l < data.CmdLists.Size; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        if (list._Data == nullptr) continue;
        for (int c = 0; c < list.CmdBuffer.Size; ++c) {
            const ImDrawCmd& cmd = list.CmdBuffer[c];
            if (cmd.UserCallback != nullptr) continue;
            for (unsigned at = 0; at + 3 <= cmd.ElemCount;) {
                const Fan fan = fan_at(list, cmd, at, data.DisplayPos);
                if (fan.indices == 0) {
                    at += 3;
                    continue;
                }
                int y0 = 0, y1 = 0;
                if (convex(fan.points)) covered_rows(fan, rect, y0, y1);
                if (y1 > y0) cover = {l, c, at, fan.indices, fan.color, y0, y1};
                at += fan.indices;
            }
        }
    }
    return cover;
}

DamageRect take_damage(DrawDamage& damage, const ImDrawData& data) {
    const DamageRect whole{0, 0, static_cast<int>(data.DisplaySize.x),
                           static_cast<int>(data.DisplaySize.y)};
    const bool known = damage.known && damage.display.x == data.DisplaySize.x &&
                       damage.display.y == data.DisplaySize.y;
    if (!known) damage.shown.clear();
    std::vector<DrawDamage::Shown> now;
    now.reserve(static_cast<std::size_t>(data.CmdLists.Size));
    DamageRect changed;
    for (const ImDrawList* list : data.CmdLists) {
        const std::size_t i = now.size();
        now.push_back({hash_of(*list), {}});
        const bool same = i < damage.shown.size() && damage.shown[i].hash == now[i].hash;
        // The same list draws the same pixels: its rectangle is only needed when it changed,
        // and again for the next frame's comparison.
        now[i].rect = same ? damage.shown[i].rect : rect_of(*list, data);
        if (!same) {
            changed = unite(changed, now[i].rect);
            if (i < damage.shown.size()) changed = unite(changed, damage.shown[i].rect);
        }
    }
    for (std::size_t i = now.size(); i < damage.shown.size(); ++i)
        changed = unite(changed, damage.shown[i].rect);  // lists that are gone
    damage.shown = std::move(now);
    damage.display = data.DisplaySize;
    damage.known = true;
    return known ? changed : whole;
}

}  // namespace ui
