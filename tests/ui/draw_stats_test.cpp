// What a frame asks of the GPU (ui/draw_stats.h), and the budgets that keep frames cheap where
// WebGL runs in software: every pixel filled costs the frame, so each page fills the screen
// about once (the platform's clear paints the background).
#include "ui/draw_stats.h"

#include <gtest/gtest.h>

#include "harness/harness.h"

using harness::Harness;

TEST(DrawStats, CountsTheAreaInsideEachClipRectangle) {
    Harness h;
    h.frame(2);
    const double before = ui::draw_stats(ImGui::GetDrawData()).filled_pixels;
    h.overlay = [] {
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        dl->AddRectFilled(ImVec2(0, 0), ImVec2(640, 800), IM_COL32_WHITE);  // half the screen
        dl->PushClipRect(ImVec2(0, 0), ImVec2(100, 100));
        dl->AddRectFilled(ImVec2(0, 0), ImVec2(1280, 800), IM_COL32_WHITE);  // clipped to 100x100
        dl->PopClipRect();
    };
    h.frame();
    const ui::DrawStats after = ui::draw_stats(ImGui::GetDrawData());
    EXPECT_NEAR(after.filled_pixels - before, 640.0 * 800 + 100.0 * 100, 1.0);
    EXPECT_GT(after.draw_calls, 0);
    EXPECT_GT(after.vertices, 0);
}

TEST(DrawStats, IntegrationsFillsLessThanHalfTheScreen) {
    Harness h;
    h.frame(3);
    EXPECT_LT(ui::draw_stats(ImGui::GetDrawData()).overdraw, 0.5);
}
