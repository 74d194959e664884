// The browser app: a WebGL 2 context on the app's canvas, the html5 platform layer, and the
// ui::App. There is no main loop: frames are drawn only when something asks for one.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include "ui/draw_stats.h"
#include "web/gl_renderer.h"
#include "web/web.h"

namespace web {

WebState& state() {
    static WebState s;
    return s;
}

namespace {

void set_clipboard(void*, const char* text) {
    state().clipboard = text ? text : "";
    browser_write_clipboard(state().clipboard.c_str());
}

const char* get_clipboard(void*) {
    return state().clipboard.c_str();
}

void signed_out() {
    ui::app_set_signed_out(state().app);
    request_frame();
}

// Standalone, requests carry the HttpOnly session cookie the sign-in link set (the page holds
// no token); embedded, the host's tokenProvider authorizes each request.
std::unique_ptr<openzro::Api> make_api() {
    WebState& s = state();
    openzro::ApiConfig config;
    config.base_url = browser_api_base();
    config.wake = request_frame;
    openzro::HttpClient* transport = &s.http;
    if (browser_host_authorizes()) {
        s.host_auth = std::make_unique<HostAuthHttpClient>(s.http);
        transport = s.host_auth.get();
        config.on_unauthorized = [] {
            browser_unauthorized();
            signed_out();
        };
    } else {
        config.auth = {openzro::Auth::Kind::kSessionCookie, {}};
        config.on_unauthorized = signed_out;
    }
    return std::make_unique<openzro::Api>(std::move(config), *transport, s.clock);
}

bool create_gl_context() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;  // ImGui anti-aliases its own shapes
    // Kept between frames, so a frame redraws only what changed (web/gl_renderer.h).
    attrs.preserveDrawingBuffer = EM_TRUE;
    state().gl = emscripten_webgl_create_context(kCanvas, &attrs);
    if (state().gl <= 0) return false;
    emscripten_webgl_make_context_current(state().gl);
    return true;
}

}  // namespace

}  // namespace web

// [SECTION] Called from platform.js
extern "C" {

EMSCRIPTEN_KEEPALIVE void openzro_on_resize(float css_width, float css_height, float ratio) {
    web::resize(css_width, css_height, ratio);
}

EMSCRIPTEN_KEEPALIVE void openzro_set_theme(int light) {
    ui::app_set_theme(web::state().app, light ? ui::ThemeMode::Light : ui::ThemeMode::Dark);
    web::request_frame();
}

EMSCRIPTEN_KEEPALIVE void openzro_host_token(unsigned id, const char* token) {
    if (web::state().host_auth) web::state().host_auth->token_ready(id, token);
}

EMSCRIPTEN_KEEPALIVE void openzro_on_route(const char* hash) {
    ui::app_set_route(web::state().app, hash ? hash : "");
    web::request_frame();
}

// window.openzroItems(): the interactive items of the last frame, JSON, CSS pixels.
EMSCRIPTEN_KEEPALIVE const char* openzro_items_json() {
    static std::string json;
    json = ui::registry_to_json(web::state().app.registry, web::state().pixel_ratio);
    return json.c_str();
}

// The accessibility mirror: a node got keyboard focus, or its <input> was edited.
EMSCRIPTEN_KEEPALIVE void openzro_mirror_focus(unsigned key) {
    ui::registry_focus(web::state().app.registry, key);
    web::request_frame();
}

EMSCRIPTEN_KEEPALIVE void openzro_mirror_set_text(unsigned key, const char* text) {
    ui::registry_set_text(web::state().app.registry, key, text ? text : "");
    web::request_frame();
}

EMSCRIPTEN_KEEPALIVE double openzro_mirror_ms() {
    return web::state().last_mirror_ms;
}

// window.openzroFrameStats(): what the last frame asked of the GPU (ui/draw_stats.h).
EMSCRIPTEN_KEEPALIVE const char* openzro_frame_stats_json() {
    static std::string json;
    const ui::DrawStats d = ui::draw_stats(ImGui::GetDrawData());
    json = "{\"drawLists\":" + std::to_string(d.draw_lists) +
           ",\"drawCalls\":" + std::to_string(d.draw_calls) +
           ",\"vertices\":" + std::to_string(d.vertices) +
           ",\"indices\":" + std::to_string(d.indices) +
           ",\"overdraw\":" + std::to_string(d.overdraw) +
           ",\"redrawn\":" + std::to_string(web::gl_renderer_redrawn()) +
           ",\"framesDrawn\":" + std::to_string(web::state().drawn_count) + "}";
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE unsigned openzro_frame_count() {
    return web::state().frame_count;
}

}  // extern "C"

int main() {  // NOLINT(bugprone-exception-escape): built with exception catching disabled
    using namespace web;
    browser_install();
    if (!create_gl_context()) {
        browser_fatal("WebGL 2 could not be started on this canvas.");
        return 1;
    }
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "openzro_html5";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.ConfigMacOSXBehaviors = browser_is_mac();

    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
    const auto ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    WebState& s = state();
    s.pixel_ratio = ratio;
    s.api = make_api();
    const ui::ThemeMode theme = browser_light_theme() ? ui::ThemeMode::Light : ui::ThemeMode::Dark;
    ui::app_init(s.app,
                 {theme, ratio, browser_route(), browser_api_origin(), browser_host_authorizes()},
                 s.api.get());
    if (!gl_renderer_init()) {
        browser_fatal("WebGL 2 could not build the app's shaders.");
        return 1;
    }
    gl_renderer_fonts_changed();
    install_input_callbacks();
    resize(static_cast<float>(css_w), static_cast<float>(css_h), ratio);
    return 0;
}
