// Frames on demand: nothing is drawn while nothing changes. Input, resize, network callbacks
// and the app's own timers (toasts, copy feedback) ask for frames; frames go on while each one
// draws something new (ImGui settling: hover states, window auto-fit, the modal's dimming),
// and stop at the first that draws what is already on screen.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <imgui_internal.h>

#include <cmath>

#include "web/gl_renderer.h"
#include "web/web.h"

namespace web {

namespace {

EM_BOOL tick(double now_ms, void*);

void schedule() {
    WebState& s = state();
    if (s.frame_scheduled) return;
    s.frame_scheduled = true;
    emscripten_request_animation_frame(tick, nullptr);
}

// A timer of WebState (wake_timer, tooltip_timer) fired: its slot is free, and a frame is due.
void on_timer(void* slot) {
    *static_cast<long*>(slot) = 0;
    request_frame();
}

void apply(const ui::FrameResult& r) {
    WebState& s = state();
    if (!r.navigate_hash.empty()) browser_navigate(r.navigate_hash, r.replace_history);
    if (!r.open_url.empty()) browser_open_url(r.open_url);
    if (!r.go_to_url.empty()) browser_go_to_url(r.go_to_url);
    if (!r.download.filename.empty()) browser_download(r.download);
    // Views ask for their wake-up every frame: the last frame's request replaces the earlier
    // one, and a frame that asks none cancels it (a poll that stopped wakes nobody).
    if (s.wake_timer) emscripten_clear_timeout(s.wake_timer);
    s.wake_timer = r.wake_after >= 0
                       ? emscripten_set_timeout(on_timer, r.wake_after * 1000.0 + 16, &s.wake_timer)
                       : 0;
    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor != s.cursor) {
        s.cursor = cursor;
        browser_set_cursor(cursor);
    }
}

EM_BOOL tick(double now_ms, void*) {
    WebState& s = state();
    s.frame_scheduled = false;
    ImGuiIO& io = ImGui::GetIO();
    const double dt = s.last_frame_ms > 0 ? (now_ms - s.last_frame_ms) / 1000.0 : 1.0 / 60.0;
    s.last_frame_ms = now_ms;
    io.DisplaySize = ImVec2(static_cast<float>(s.fb_width), static_cast<float>(s.fb_height));
    // After an event, two ImGui frames run before one is drawn: hover over overlapping items (a
    // row under its menu button) and auto-fitting windows settle one frame late, and drawing
    // both frames would double what each event costs the GPU (and, with software WebGL, the
    // main thread, which waits for the canvas to be read back).
    const int passes = s.new_event ? 2 : 1;
    // The first frame only lays out, and the next animation frame draws: ImGui's first frame
    // (every function on its first call) and the first draw (SwiftShader building its
    // pipelines, which the read-back waits for) made one task of ~170 ms together.
    const bool first = s.frame_count == 0;
    s.new_event = false;
    for (int pass = 0; pass < passes; ++pass) {
        io.DeltaTime = static_cast<float>(pass == 0 && dt > 1e-4 ? dt : 1e-4);
        const ui::FrameResult result = ui::app_frame(s.app);
        ++s.frame_count;
        release_held_input();
        apply(result);
    }
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(s.app.theme.palette.bg);
    const bool changed = !first && gl_renderer_draw(ImGui::GetDrawData(), bg);
    if (changed) ++s.drawn_count;
    const double mirror_start = emscripten_get_now();
    std::string mirror = ui::registry_to_mirror_json(s.app.registry, s.pixel_ratio);
    if (mirror != s.mirror_json) {
        s.mirror_json = std::move(mirror);
        browser_update_mirror(s.mirror_json);
    }
    s.last_mirror_ms = emscripten_get_now() - mirror_start;

    // A delayed tooltip (ImGui's HoverDelayShort) gets one frame from a timer just after the
    // delay, not frames in a row while the pointer rests on an item.
    const double tooltip_ms = static_cast<double>(ImGui::GetStyle().HoverDelayShort) * 1000.0 + 50;
    const double since_input = now_ms - s.last_input_ms;
    if (ImGui::IsAnyItemHovered() && since_input < tooltip_ms && !s.tooltip_timer)
        s.tooltip_timer =
            emscripten_set_timeout(on_timer, tooltip_ms - since_input, &s.tooltip_timer);
    // ImGui spreads a burst of input over frames (one key or click each): keep drawing until
    // it has taken all of it, or fast typing would wait for the next event to show up.
    const bool input_queued = !ImGui::GetCurrentContext()->InputEventsQueue.empty();
    if (first || changed || s.mouse_down || input_queued) schedule();
    return EM_FALSE;
}

}  // namespace

void request_frame() {
    state().new_event = true;
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
        if (ui::app_set_pixel_ratio(s.app, pixel_ratio)) gl_renderer_fonts_changed();
    }
    request_frame();
}

}  // namespace web
