// DOM events -> ImGui io. Every callback is bound to the app's own canvas, so nothing is taken
// from the host page: keys only arrive while the canvas has focus, and only the keys the app
// uses are kept from the browser (preventDefault).
#include <emscripten.h>

#include <array>
#include <cstring>
#include <string>

#include "web/web.h"

namespace web {

namespace {

// [SECTION] Pointer
// Input for ImGui, now or (while a press waits for its frame) after it, in order.
void feed(std::function<void(ImGuiIO&)> input) {
    WebState& s = state();
    if (s.held_input.empty())
        input(ImGui::GetIO());
    else
        s.held_input.push_back(std::move(input));
}

void mouse_to_imgui(long client_x, long client_y) {
    WebState& s = state();
    const ImVec2 origin = browser_canvas_origin();
    const float kx = s.css_width > 0 ? static_cast<float>(s.fb_width) / s.css_width : 1.0f;
    const float ky = s.css_height > 0 ? static_cast<float>(s.fb_height) / s.css_height : 1.0f;
    const float x = (static_cast<float>(client_x) - origin.x) * kx;
    const float y = (static_cast<float>(client_y) - origin.y) * ky;
    s.pointer_moved = true;
    feed([x, y](ImGuiIO& io) { io.AddMousePosEvent(x, y); });
}

void button_event(int button, bool down) {
    auto press = [button, down](ImGuiIO& io) { io.AddMouseButtonEvent(button, down); };
    WebState& s = state();
    if (s.pointer_moved && s.held_input.empty())
        s.held_input.emplace_back(press);
    else
        feed(press);
}

int button_from_dom(unsigned short button) {
    switch (button) {
        case 0:
            return ImGuiMouseButton_Left;
        case 1:
            return ImGuiMouseButton_Middle;
        case 2:
            return ImGuiMouseButton_Right;
        default:
            return -1;
    }
}

void input_happened() {
    state().last_input_ms = emscripten_get_now();
    request_frame();
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void* on_canvas) {
    WebState& s = state();
    ImGuiIO& io = ImGui::GetIO();
    // Document-level listeners only matter while a drag that started on the canvas goes on.
    if (!on_canvas && !s.mouse_down) return EM_FALSE;
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    mouse_to_imgui(e->clientX, e->clientY);
    const int button = button_from_dom(e->button);
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN && on_canvas && button >= 0) {
        button_event(button, true);
        s.mouse_down = true;
    } else if (type == EMSCRIPTEN_EVENT_MOUSEUP && button >= 0) {
        button_event(button, false);
        s.mouse_down = e->buttons != 0;
    } else if (type == EMSCRIPTEN_EVENT_MOUSELEAVE && !s.mouse_down) {
        feed([](ImGuiIO& in) { in.AddMousePosEvent(-FLT_MAX, -FLT_MAX); });
    }
    input_happened();
    // Keep the default on mousedown so the canvas takes focus the normal way.
    return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // deltaMode: 0 pixels, 1 lines, 2 pages. ImGui counts in "lines".
    const double per_line = e->deltaMode == DOM_DELTA_PIXEL  ? 100.0
                            : e->deltaMode == DOM_DELTA_LINE ? 3.0
                                                             : 1.0;
    mouse_to_imgui(e->mouse.clientX, e->mouse.clientY);
    const auto wheel_x = static_cast<float>(-e->deltaX / per_line);
    const auto wheel_y = static_cast<float>(-e->deltaY / per_line);
    feed([wheel_x, wheel_y](ImGuiIO& io) { io.AddMouseWheelEvent(wheel_x, wheel_y); });
    input_happened();
    return EM_TRUE;  // the canvas scrolls its own content, not the page
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    if (e->numTouches < 1) return EM_FALSE;
    const EmscriptenTouchPoint& t = e->touches[0];
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    mouse_to_imgui(t.clientX, t.clientY);
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) button_event(ImGuiMouseButton_Left, true);
    if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
        button_event(ImGuiMouseButton_Left, false);
        feed([](ImGuiIO& in) { in.AddMousePosEvent(-FLT_MAX, -FLT_MAX); });  // nothing hovered
    }
    input_happened();
    return EM_TRUE;  // no emulated mouse events, no page scroll while touching the app
}

// [SECTION] Keyboard
// One Unicode character (not a named key such as "Enter" or "Dead")?
bool is_single_character(const char* key) {
    const auto c = static_cast<unsigned char>(key[0]);
    if (c == 0) return false;
    const size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    return std::strlen(key) == len;
}

bool is_editing_chord(ImGuiKey key) {
    return key == ImGuiKey_A || key == ImGuiKey_C || key == ImGuiKey_X || key == ImGuiKey_Z ||
           key == ImGuiKey_Y;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    const bool command = e->ctrlKey || e->metaKey;
    const ImGuiKey key = key_from_dom_code(e->code);
    // Paste must reach the browser so it fires the paste event that carries the text.
    if (command && key == ImGuiKey_V) return EM_FALSE;

    const bool character = down && !command && is_single_character(e->key);
    const std::array<bool, 4> mods = {e->ctrlKey != 0, e->shiftKey != 0, e->altKey != 0,
                                      e->metaKey != 0};
    feed([mods, key, down, text = character ? std::string(e->key) : std::string()](ImGuiIO& in) {
        in.AddKeyEvent(ImGuiMod_Ctrl, mods[0]);
        in.AddKeyEvent(ImGuiMod_Shift, mods[1]);
        in.AddKeyEvent(ImGuiMod_Alt, mods[2]);
        in.AddKeyEvent(ImGuiMod_Super, mods[3]);
        if (key != ImGuiKey_None) in.AddKeyEvent(key, down);
        if (!text.empty()) in.AddInputCharactersUTF8(text.c_str());
    });
    input_happened();

    // Keep from the browser only what the app handles; browser shortcuts (reload, tabs, find,
    // devtools) still work.
    if (character) return EM_TRUE;
    if (command) return io.WantTextInput && is_editing_chord(key) ? EM_TRUE : EM_FALSE;
    switch (key) {
        case ImGuiKey_Tab:
        case ImGuiKey_Backspace:
        case ImGuiKey_Space:
        case ImGuiKey_Enter:
        case ImGuiKey_KeypadEnter:
        case ImGuiKey_LeftArrow:
        case ImGuiKey_RightArrow:
        case ImGuiKey_UpArrow:
        case ImGuiKey_DownArrow:
        case ImGuiKey_PageUp:
        case ImGuiKey_PageDown:
        case ImGuiKey_Home:
        case ImGuiKey_End:
        case ImGuiKey_Delete:
        case ImGuiKey_Escape:
            return EM_TRUE;
        default:
            return EM_FALSE;
    }
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    request_frame();
    return EM_FALSE;
}

}  // namespace

void release_held_input() {
    WebState& s = state();
    s.pointer_moved = false;
    if (s.held_input.empty()) return;
    std::vector<std::function<void(ImGuiIO&)>> held;
    held.swap(s.held_input);
    for (const auto& input : held) input(ImGui::GetIO());
    request_frame();
}

void install_input_callbacks() {
    void* on_canvas = reinterpret_cast<void*>(1);
    emscripten_set_mousedown_callback(kCanvas, on_canvas, EM_FALSE, on_mouse);
    emscripten_set_mousemove_callback(kCanvas, on_canvas, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(kCanvas, on_canvas, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback(kCanvas, on_canvas, EM_FALSE, on_mouse);
    // A drag that leaves the canvas still ends (and moves) where the button is released.
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE,
                                      on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_mouse);
    emscripten_set_wheel_callback(kCanvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_keydown_callback(kCanvas, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(kCanvas, nullptr, EM_FALSE, on_key);
    emscripten_set_focus_callback(kCanvas, nullptr, EM_FALSE, on_focus);
    emscripten_set_blur_callback(kCanvas, nullptr, EM_FALSE, on_focus);
}

}  // namespace web

// [SECTION] Called from platform.js
extern "C" {

EMSCRIPTEN_KEEPALIVE void openzro_on_paste(const char* text) {
    // Replay Ctrl+V: ImGui's input queue spreads press and release over frames. Fed in order,
    // so a click that waits for its frame (the one that activates the field) goes first.
    web::feed([pasted = std::string(text ? text : "")](ImGuiIO& io) {
        web::state().clipboard = pasted;
        io.AddKeyEvent(ImGuiMod_Ctrl, true);
        io.AddKeyEvent(ImGuiKey_V, true);
        io.AddKeyEvent(ImGuiKey_V, false);
        io.AddKeyEvent(ImGuiMod_Ctrl, false);
    });
    web::request_frame();
}

}  // extern "C"
