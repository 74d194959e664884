// The browser app: a WebGL 2 context on the app's canvas, the html5 platform layer, and the
// ui::App. There is no main loop: frames are drawn only when something asks for one.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui_impl_opengl3.h>

#include "web.h"

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

bool create_gl_context() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;  // ImGui anti-aliases its own shapes
    attrs.preserveDrawingBuffer = EM_FALSE;
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

EMSCRIPTEN_KEEPALIVE unsigned openzro_frame_count() {
    return web::state().frame_count;
}

}  // extern "C"

int main() {
    using namespace web;
    browser_install("#canvas");
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
    // The management API arrives with the Fetch transport (web: the app talks to the API).
    ui::app_init(s.app, {ui::ThemeMode::Dark, ratio, browser_location_hash(), browser_origin()},
                 nullptr);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    install_input_callbacks();
    resize(static_cast<float>(css_w), static_cast<float>(css_h), ratio);
    return 0;
}
