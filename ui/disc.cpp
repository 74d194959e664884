#include "ui/disc.h"

#include <cmath>

#include "ui/theme.h"

namespace ui {

void discs_reserve(ImFontAtlas* atlas, float scale, int (&rects)[kDiscCount]) {
    for (int i = 0; i < kDiscCount; ++i) {
        // The radius rounded up on each side, and one pixel for the anti-aliased edge.
        const int side = 2 * static_cast<int>(std::ceil(kDiscRadii[i] * scale)) + 2;
        rects[i] = atlas->AddCustomRectRegular(side, side);
    }
}

void discs_bake(ImFontAtlas* atlas, float scale, const int (&rects)[kDiscCount],
                BakedDisc (&discs)[kDiscCount]) {
    unsigned char* pixels = atlas->TexPixelsAlpha8;
    for (int i = 0; i < kDiscCount; ++i) {
        const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(rects[i]);
        if (!pixels || !rect || !rect->IsPacked()) {
            discs[i] = {};
            continue;
        }
        const float radius = kDiscRadii[i] * scale;
        const float half = 0.5f * static_cast<float>(rect->Width);
        for (int y = 0; y < rect->Height; ++y)
            for (int x = 0; x < rect->Width; ++x) {
                const float dx = static_cast<float>(x) + 0.5f - half;
                const float dy = static_cast<float>(y) + 0.5f - half;
                // How much of the pixel the disc covers, as a one-pixel ramp across the edge.
                const float cover = radius + 0.5f - std::sqrt(dx * dx + dy * dy);
                const float a = cover < 0 ? 0 : cover > 1 ? 1 : cover;
                pixels[(rect->Y + y) * atlas->TexWidth + rect->X + x] =
                    static_cast<unsigned char>(std::lround(a * 255.0f));
            }
        discs[i].half = half;
        atlas->CalcCustomRectUV(rect, &discs[i].uv0, &discs[i].uv1);
    }
}

void add_disc(ImDrawList* dl, ImVec2 centre, float radius_css, ImU32 color) {
    const Theme& t = theme();
    for (int i = 0; i < kDiscCount; ++i) {
        const BakedDisc& d = t.discs[i];
        if (kDiscRadii[i] != radius_css || d.half == 0) continue;
        // The draw list's texture is already the atlas (the text's), so no texture change.
        dl->PrimReserve(6, 4);
        dl->PrimRectUV(ImVec2(centre.x - d.half, centre.y - d.half),
                       ImVec2(centre.x + d.half, centre.y + d.half), d.uv0, d.uv1, color);
        return;
    }
    dl->AddCircleFilled(centre, radius_css * t.scale, color);
}

}  // namespace ui
