// ui/theme.h: the visual language of shared/docs/DESIGN.md in one place: colour tokens for the
// dark and light themes, the ImGui style built from them, and the embedded fonts.
#pragma once
#include <imgui.h>

#include "ui/disc.h"

namespace ui {

enum class ThemeMode { Dark, Light };

// Colour tokens (DESIGN.md). Packed ImU32, ready for draw lists.
struct Palette {
    ImU32 bg, surface, surface_raised, border, text, text_muted;
    ImU32 accent, success, warning, danger, okta;
};

enum class Font { Body, Small, Caption, Medium, Section, Title, Mono, Count };

struct Theme {
    ThemeMode mode = ThemeMode::Dark;
    float scale = 1.0f;  // devicePixelRatio: every size below is in CSS pixels times this
    Palette palette{};
    ImFont* fonts[static_cast<int>(Font::Count)] = {};
    BakedDisc discs[kDiscCount] = {};  // filled circles in the font atlas (disc.h)
};

// Sets mode and scale, rebuilds the palette and ImGui's style. Fonts are rebuilt separately
// (theme_load_fonts) because the renderer must re-upload the atlas texture.
void theme_apply(Theme& theme, ThemeMode mode, float scale);
// Fills ImGui's font atlas at the theme's scale. Call before the first frame and after a scale
// change; the caller then rebuilds the renderer's font texture.
void theme_load_fonts(Theme& theme);

// The theme of the frame being built (set by the app each frame, like ImGui's own context).
const Theme& theme();
void theme_set_current(const Theme* theme);

// Shorthands used by every view.
inline const Palette& colors() {
    return theme().palette;
}
inline float px(float css_pixels) {
    return css_pixels * theme().scale;
}
inline ImFont* font(Font f) {
    return theme().fonts[static_cast<int>(f)];
}
ImU32 with_alpha(ImU32 color, float alpha);

}  // namespace ui
