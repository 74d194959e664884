// The part of the screen a frame changes (ui/draw_damage.h), which the browser's renderer alone
// redraws, and the opaque background that lets it skip what is under it.
#include "ui/draw_damage.h"

#include <gtest/gtest.h>

#include "harness/harness.h"

using harness::Harness;

namespace {

ui::DamageRect whole(const Harness&) {
    const ImVec2 size = ImGui::GetDrawData()->DisplaySize;
    return {0, 0, static_cast<int>(size.x), static_cast<int>(size.y)};
}

bool same(ui::DamageRect a, ui::DamageRect b) {
    return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1;
}

// The last draw list, drawn over the app: where a test paints.
int last_list() {
    return ImGui::GetDrawData()->CmdLists.Size - 1;
}

}  // namespace

TEST(DrawDamage, AFirstFrameIsAllDamageAndAnUnchangedOneNone) {
    Harness h;
    h.settle();
    ui::DrawDamage damage;
    EXPECT_TRUE(same(ui::take_damage(damage, *ImGui::GetDrawData()), whole(h)));
    h.frame();
    EXPECT_TRUE(ui::take_damage(damage, *ImGui::GetDrawData()).empty());
}

TEST(DrawDamage, AMovedShapeDamagesWhereItWasAndWhereItIs) {
    Harness h;
    float x = 100;
    h.overlay = [&x] {
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(x, 200), ImVec2(x + 50, 240),
                                                      IM_COL32_WHITE);
    };
    h.settle();
    ui::DrawDamage damage;
    ui::take_damage(damage, *ImGui::GetDrawData());
    x = 300;
    h.frame();
    const ui::DamageRect d = ui::take_damage(damage, *ImGui::GetDrawData());
    EXPECT_TRUE(same(d, {100, 200, 350, 240})) << d.x0 << "," << d.y0 << " " << d.x1 << "," << d.y1;
}

TEST(DrawDamage, ANewDisplaySizeIsAllDamage) {
    Harness h;
    h.settle();
    ui::DrawDamage damage;
    ui::take_damage(damage, *ImGui::GetDrawData());
    ImGui::GetIO().DisplaySize = ImVec2(1000, 700);
    h.frame();
    EXPECT_TRUE(same(ui::take_damage(damage, *ImGui::GetDrawData()), {0, 0, 1000, 700}));
}

TEST(DrawDamage, AnOpaqueFillCoversWhatIsUnderIt) {
    Harness h;
    h.overlay = [] {
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        dl->AddRectFilled(ImVec2(100, 100), ImVec2(500, 400), IM_COL32(10, 20, 30, 255));
        dl->AddRectFilled(ImVec2(120, 120), ImVec2(130, 130), IM_COL32_WHITE);  // drawn after it
    };
    h.settle();
    const ui::DrawCover cover = ui::find_cover(*ImGui::GetDrawData(), {100, 100, 500, 400});
    EXPECT_EQ(cover.list, last_list());
    EXPECT_EQ(cover.indices, 6u);  // the fill's two triangles, and not the square after it
    EXPECT_EQ(cover.color, IM_COL32(10, 20, 30, 255));
    EXPECT_EQ(cover.y0, 100);
    EXPECT_EQ(cover.y1, 400);
    // Past its edge, or through a translucent fill, what is under it shows.
    EXPECT_NE(ui::find_cover(*ImGui::GetDrawData(), {99, 100, 500, 400}).list, last_list());
    h.overlay = [] {
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(100, 100), ImVec2(500, 400),
                                                      IM_COL32(10, 20, 30, 200));
    };
    h.frame();
    EXPECT_NE(ui::find_cover(*ImGui::GetDrawData(), {100, 100, 500, 400}).list, last_list());
}

TEST(DrawDamage, ARoundedFillCoversItsInsideButNotItsCorners) {
    Harness h;
    h.overlay = [] {
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(100, 100), ImVec2(500, 400),
                                                      IM_COL32(10, 20, 30, 255), 16.0f);
    };
    h.settle();
    const ImDrawData& data = *ImGui::GetDrawData();
    const ui::DrawCover inner = ui::find_cover(data, {110, 110, 490, 390});
    EXPECT_EQ(inner.list, last_list());
    EXPECT_EQ(inner.y0, 110);
    EXPECT_EQ(inner.y1, 390);
    // Its straight sides, inside the half pixel of anti-aliased edge, but not on that edge.
    EXPECT_EQ(ui::find_cover(data, {101, 130, 499, 370}).list, last_list());
    EXPECT_NE(ui::find_cover(data, {100, 130, 500, 370}).list, last_list());
    // Near a round corner only the rows below the curve are covered.
    const ui::DrawCover corner = ui::find_cover(data, {101, 101, 200, 200});
    EXPECT_EQ(corner.list, last_list());
    EXPECT_GT(corner.y0, 105);
    EXPECT_LT(corner.y0, 116);
    EXPECT_EQ(corner.y1, 200);
}
