// web/web.h: the html5 platform layer's shared state. One app per wasm module instance: every
// embedded element instantiates its own module, so plain module-level state is per element.
#pragma once
#include <emscripten/html5.h>
#include <imgui.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "client/api.h"
#include "client/fetch_http_client.h"
#include "ui/app.h"
#include "web/browser_clock.h"
#include "web/host_auth_http_client.h"

namespace web {

// The canvas every html5 callback and the GL context bind to. "!canvas" is mapped by the JS
// glue (specialHTMLTargets), which also works inside a shadow root.
constexpr const char* kCanvas = "!canvas";

struct WebState {
    // The management API over the Fetch API, same origin, with the session cookie.
    openzro::FetchHttpClient http;
    std::unique_ptr<HostAuthHttpClient> host_auth;  // embedded: the host authorizes requests
    BrowserClock clock;
    std::unique_ptr<openzro::Api> api;
    ui::App app;  // after the Api it uses
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    int fb_width = 0, fb_height = 0;      // canvas backing store, device pixels
    float css_width = 0, css_height = 0;  // canvas size in CSS pixels
    float pixel_ratio = 1.0f;
    bool frame_scheduled = false;
    bool new_event = false;    // since the last frame: its frame runs ImGui twice
    double last_input_ms = 0;  // for delayed hover effects (tooltips)
    double last_frame_ms = 0;
    long wake_timer = 0;        // the page asked to be woken (FrameResult::wake_after)
    long tooltip_timer = 0;     // a frame for a delayed tooltip after the last input
    unsigned frame_count = 0;   // frames the app ran (ImGui frames)
    unsigned drawn_count = 0;   // of those, the ones that drew something new
    std::string mirror_json;    // what the accessibility mirror shows: sent again only on change
    double last_mirror_ms = 0;  // what the mirror cost the last frame (bench/ui/mirror.mjs)
    bool mouse_down = false;
    // A press that comes with a move waits one frame, so ImGui sees what is under the pointer
    // before the press (a quick click must not land on the item it just left). Input after a
    // held press waits with it, so keys typed right after a click reach the clicked field.
    bool pointer_moved = false;                             // since the last frame
    std::vector<std::function<void(ImGuiIO&)>> held_input;  // in arrival order
    std::string clipboard;
    ImGuiMouseCursor cursor = ImGuiMouseCursor_Arrow;
};

WebState& state();

// [SECTION] render_loop.cpp: frames on demand
void request_frame();  // input, resize and network callbacks call this
void resize(float css_width, float css_height, float pixel_ratio);

// [SECTION] input.cpp: DOM events -> ImGui io
void install_input_callbacks();
void release_held_input();                     // after each frame: the input that waited for it
ImGuiKey key_from_dom_code(const char* code);  // key_map.cpp

// [SECTION] browser.cpp: what only JavaScript can do (platform.js), through Module.ozHost
void browser_install();
std::string browser_route();  // the initial route ("#/integrations")
// The app moved to another route: a new history entry, or (replace) the current one rewritten.
void browser_navigate(const std::string& hash, bool replace);
std::string browser_api_base();    // "" (same origin) or an absolute base URL
std::string browser_api_origin();  // scheme://host[:port] of the API
bool browser_light_theme();
bool browser_host_authorizes();  // the host's tokenProvider authorizes API requests
void browser_request_token(unsigned id, bool refresh);  // answered by openzro_host_token
void browser_unauthorized();                            // tells the host (openzro-unauthorized)
void browser_open_url(const std::string& url);
void browser_go_to_url(const std::string& url);   // the whole page leaves (sign-in)
void browser_download(const ui::Download& file);  // the browser saves it (a Blob download)
void browser_write_clipboard(const char* text);
void browser_set_cursor(ImGuiMouseCursor cursor);
bool browser_is_mac();
ImVec2 browser_canvas_origin();           // canvas top-left in client (viewport) CSS pixels
void browser_fatal(const char* message);  // the page shows it in place of the app
void browser_update_mirror(const std::string& json);  // mirror.js: the accessibility mirror

}  // namespace web
