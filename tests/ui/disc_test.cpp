// Filled circles baked into the font atlas (ui/disc.h): one quad each, where a tessellated circle
// takes dozens of thin triangles that software WebGL pays for one by one.
#include "ui/disc.h"

#include <gtest/gtest.h>

#include <cmath>

#include "harness/harness.h"
#include "ui/theme.h"

using harness::Harness;

namespace {

// The atlas's coverage of a baked disc's pixel (x, y), counted from its square's corner.
int coverage(const ui::BakedDisc& d, int x, int y) {
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const int x0 = static_cast<int>(std::lround(d.uv0.x * static_cast<float>(atlas->TexWidth)));
    const int y0 = static_cast<int>(std::lround(d.uv0.y * static_cast<float>(atlas->TexHeight)));
    return atlas->TexPixelsAlpha8[(y0 + y) * atlas->TexWidth + x0 + x];
}

// Vertices the overlay's draw list holds after drawing one disc.
int vertices_of(Harness& h, float radius_css) {
    h.overlay = [radius_css] {
        ui::add_disc(ImGui::GetForegroundDrawList(), ImVec2(200, 200), radius_css,
                     IM_COL32(200, 100, 50, 255));
    };
    h.frame();
    const ImDrawData* data = ImGui::GetDrawData();
    return data->CmdLists[data->CmdListsCount - 1]->VtxBuffer.Size;
}

}  // namespace

TEST(Disc, EveryRadiusIsBakedSolidInsideAndClearOutside) {
    for (const float ratio : {1.0f, 1.5f, 2.0f}) {
        Harness h({1280, 800, ratio, ""});
        h.settle();
        for (int i = 0; i < ui::kDiscCount; ++i) {
            const ui::BakedDisc& d = h.app.theme.discs[i];
            const auto radius = static_cast<double>(ui::kDiscRadii[i] * ratio);
            EXPECT_EQ(static_cast<double>(d.half), std::ceil(radius) + 1) << "radius " << radius;
            const int centre = static_cast<int>(d.half);
            EXPECT_EQ(coverage(d, centre, centre), 255);
            EXPECT_EQ(coverage(d, 0, 0), 0);  // the square's corner lies outside the circle
            // Its coverage adds up to the circle's area, and some pixels are partly covered: the
            // anti-aliased edge.
            const int side = 2 * centre;
            double area = 0;
            int partial = 0;
            for (int y = 0; y < side; ++y)
                for (int x = 0; x < side; ++x) {
                    const int a = coverage(d, x, y);
                    area += a / 255.0;
                    partial += a > 0 && a < 255;
                }
            EXPECT_NEAR(area, 3.14159265 * radius * radius, 0.25 * radius);
            EXPECT_GT(partial, 0);
        }
    }
}

TEST(Disc, ABakedRadiusIsOneQuadAndAnotherFallsBackToAFan) {
    Harness h;
    h.settle();
    EXPECT_EQ(vertices_of(h, 16), 4);
    EXPECT_EQ(vertices_of(h, 4), 4);
    EXPECT_GT(vertices_of(h, 10), 4);  // not baked: ImGui's tessellated circle
}
