// Frames on demand: nothing is drawn while nothing changes. Input, resize, network callbacks
// and the app's own timers (toasts, copy feedback) ask for frames; a few more frames follow
// each event so ImGui can settle (hover states, window auto-fit).
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <cmath>

#include "web/web.h"

namespace web {

namespace {

constexpr int kSettleFrames = 3;
constexpr double kHoverWindowMs = 600;  // long enough for delayed tooltips to appear

EM_BOOL tick(double now_ms, void*);

void schedule() {
    WebState& s = state();
    if (s.frame_scheduled) return;
    s.frame_scheduled = true;
    emscripten_request_animation_frame(tick, nullptr);
}

void on_wake_timer(void*) {
    state().wake_timer = 0;
    request_frame();
}

void apply(const ui::FrameResult& r) {
    WebState& s = state();
    if (!r.navigate_hash.empty()) browser_navigate(r.navigate_hash, r.replace_history);
    if (!r.open_url.empty()) browser_open_url(r.open_url);
    if (!r.go_to_url.empty()) browser_go_to_url(r.go_to_url);
    if (!r.download.filename.empty()) browser_download(r.download);
    if (r.wake_after >= 0) {
        if (s.wake_timer) emscripten_clear_timeout(s.wake_timer);
        s.wake_timer = emscripten_set_timeout(on_wake_timer, r.wake_after * 1000.0 + 16, nullptr);
    }
    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor != s.cursor) {
        s.cursor = cursor;
        browser_set_cursor(cursor);
    }
}

void draw() {
    WebState& s = state();
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(s.app.theme.palette.bg);
    glViewport(0, 0, s.fb_width, s.fb_height);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

EM_BOOL tick(double now_ms, void*) {
    WebState& s = state();
    s.frame_scheduled = false;
    ImGuiIO& io = ImGui::GetIO();
    const double dt = s.last_frame_ms > 0 ? (now_ms - s.last_frame_ms) / 1000.0 : 1.0 / 60.0;
    io.DeltaTime = static_cast<float>(dt > 1e-4 ? dt : 1e-4);
    s.last_frame_ms = now_ms;
    io.DisplaySize = ImVec2(static_cast<float>(s.fb_width), static_cast<float>(s.fb_height));
    ImGui_ImplOpenGL3_NewFrame();
    const ui::FrameResult result = ui::app_frame(s.app);
    draw();
    ++s.frame_count;
    release_held_input();
    apply(result);
    const double mirror_start = emscripten_get_now();
    std::string mirror = ui::registry_to_mirror_json(s.app.registry, s.pixel_ratio);
    if (mirror != s.mirror_json) {
        s.mirror_json = std::move(mirror);
        browser_update_mirror(s.mirror_json);
    }
    s.last_mirror_ms = emscripten_get_now() - mirror_start;

    const bool hovering = ImGui::IsAnyItemHovered() && now_ms - s.last_input_ms < kHoverWindowMs;
    // ImGui spreads a burst of input over frames (one key or click each): keep drawing until
    // it has taken all of it, or fast typing would wait for the next event to show up.
    const bool input_queued = !ImGui::GetCurrentContext()->InputEventsQueue.empty();
    if (--s.settle_frames > 0 || hovering || s.mouse_down || input_queued) schedule();
    return EM_FALSE;
}

}  // namespace

void request_frame() {
    state().settle_frames = kSettleFrames;
    schedule();
}

void resize(float css_width, float css_height, float pixel_ratio) {
    WebState& s = state();
    s.css_width = css_width;
    s.css_height = css_height;
    s.fb_width = static_cast<int>(std::lround(css_width * pixel_ratio));
    s.fb_height = static_cast<int>(std::lround(css_height * pixel_ratio));
    emscripten_set_canvas_element_size(kCanvas, s.fb_width, s.fb_height);
    if (pixel_ratio != s.pixel_ratio) {
        s.pixel_ratio = pixel_ratio;
        // Crisp text at any devicePixelRatio: fonts are rasterised at the device size.
        if (ui::app_set_pixel_ratio(s.app, pixel_ratio)) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
    request_frame();
}

}  // namespace web
