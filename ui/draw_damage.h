// ui/draw_damage.h: the part of the screen a frame changes. Where WebGL runs in software
// (SwiftShader) every pixel drawn costs the frame, so a renderer that keeps its last picture
// redraws only this rectangle: scrolling a table redraws the table, not the sidebar. Each draw
// list is compared with the one at the same place in the last frame; a list that changed
// damages where it drew before and where it draws now. Pixels outside every changed list's
// rectangles are made by the same commands in the same order, so they are unchanged.
#pragma once

#include <imgui.h>

#include <vector>

namespace ui {

struct DamageRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // whole pixels, x1/y1 exclusive
    bool empty() const { return x1 <= x0 || y1 <= y0; }
};

// What is on screen, list by list; a zero value knows nothing (the next frame is all damage).
struct DrawDamage {
    struct Shown {
        ImU64 hash = 0;
        DamageRect rect;  // the pixels this list may touch
    };
    std::vector<Shown> shown;
    ImVec2 display;
    bool known = false;
};

// The rectangle whose pixels `data` may change over what `damage` shows (the whole display when
// nothing is known, empty when nothing changed); `damage` then shows `data`.
DamageRect take_damage(DrawDamage& damage, const ImDrawData& data);

// The last opaque solid fill (a window's or a card's background) over the rows y0..y1
// (exclusive) of `rect`; a rounded one leaves the rows of its corners out. Nothing drawn before
// it shows there, so a renderer clears those rows to `color` and draws from there on: from
// draw list `list`, its command `command`, that command's index `first` + `indices` (the fill's
// own). list < 0: none.
struct DrawCover {
    int list = -1, command = 0;
    unsigned first = 0, indices = 0;
    ImU32 color = 0;
    int y0 = 0, y1 = 0;
};
DrawCover find_cover(const ImDrawData& data, DamageRect rect);

}  // namespace ui
