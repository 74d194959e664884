// ui/disc.h: filled circles of the radii the UI uses (avatars, status dots), baked into the font
// atlas at the theme's scale and drawn as one textured quad. In software WebGL (SwiftShader) a
// tessellated circle's dozens of thin anti-aliased triangles cost far more than its pixels; a
// quad is two triangles, from the texture the text already uses (no extra draw call).
#pragma once
#include <imgui.h>

namespace ui {

// The baked radii, in CSS pixels: status dots, table and menu avatars, the detail avatar.
inline constexpr float kDiscRadii[] = {4, 16, 24};
inline constexpr int kDiscCount = static_cast<int>(sizeof kDiscRadii / sizeof kDiscRadii[0]);

// Where a baked disc lies in the atlas texture; half == 0: not baked.
struct BakedDisc {
    ImVec2 uv0, uv1;
    float half = 0;  // half the side of its square, in framebuffer pixels
};

// Reserves the discs' squares in the atlas before it is built (theme_load_fonts)...
void discs_reserve(ImFontAtlas* atlas, float scale, int (&rects)[kDiscCount]);
// ...and draws them into the built atlas, before its texture is read.
void discs_bake(ImFontAtlas* atlas, float scale, const int (&rects)[kDiscCount],
                BakedDisc (&discs)[kDiscCount]);

// A filled circle; a radius that is not baked falls back to ImGui's tessellated one.
void add_disc(ImDrawList* dl, ImVec2 centre, float radius_css, ImU32 color);

}  // namespace ui
