// C++ side of platform.js: thin wrappers, so the rest of web/ never touches JavaScript.
#include <cstdlib>

#include "web/web.h"

extern "C" {
// Implemented in platform.js. Returned strings are malloc'ed UTF-8, freed here.
void oz_install();
char* oz_route();
void oz_navigate(const char* hash, int replace);
char* oz_api_base();
char* oz_api_origin();
int oz_light_theme();
int oz_host_authorizes();
void oz_request_token(unsigned id, int refresh);
void oz_unauthorized();
void oz_open_url(const char* url);
void oz_go_to_url(const char* url);
void oz_download(const char* filename, const char* mime_type, const char* data, size_t size);
void oz_write_clipboard(const char* text);
void oz_set_cursor(const char* css_cursor);
int oz_is_mac();
void oz_canvas_origin(float* x, float* y);
void oz_fatal(const char* message);
void oz_mirror_update(const char* json);  // mirror.js
}

namespace web {

namespace {
std::string take(char* s) {
    std::string out = s ? s : "";
    std::free(s);
    return out;
}
}  // namespace

void browser_install() {
    oz_install();
}
std::string browser_route() {
    return take(oz_route());
}
void browser_navigate(const std::string& hash, bool replace) {
    oz_navigate(hash.c_str(), replace ? 1 : 0);
}
std::string browser_api_base() {
    return take(oz_api_base());
}
std::string browser_api_origin() {
    return take(oz_api_origin());
}
bool browser_light_theme() {
    return oz_light_theme() != 0;
}
bool browser_host_authorizes() {
    return oz_host_authorizes() != 0;
}
void browser_request_token(unsigned id, bool refresh) {
    oz_request_token(id, refresh ? 1 : 0);
}
void browser_unauthorized() {
    oz_unauthorized();
}
void browser_open_url(const std::string& url) {
    oz_open_url(url.c_str());
}
void browser_go_to_url(const std::string& url) {
    oz_go_to_url(url.c_str());
}
void browser_download(const ui::Download& file) {
    oz_download(file.filename.c_str(), file.mime_type.c_str(), file.content.data(),
                file.content.size());
}
void browser_write_clipboard(const char* text) {
    oz_write_clipboard(text);
}
bool browser_is_mac() {
    return oz_is_mac() != 0;
}
void browser_update_mirror(const std::string& json) {
    oz_mirror_update(json.c_str());
}
void browser_fatal(const char* message) {
    oz_fatal(message);
}

ImVec2 browser_canvas_origin() {
    float x = 0, y = 0;
    oz_canvas_origin(&x, &y);
    return ImVec2(x, y);
}

void browser_set_cursor(ImGuiMouseCursor cursor) {
    const char* css = "default";
    switch (cursor) {
        case ImGuiMouseCursor_None:
            css = "none";
            break;
        case ImGuiMouseCursor_TextInput:
            css = "text";
            break;
        case ImGuiMouseCursor_ResizeAll:
            css = "move";
            break;
        case ImGuiMouseCursor_ResizeNS:
            css = "ns-resize";
            break;
        case ImGuiMouseCursor_ResizeEW:
            css = "ew-resize";
            break;
        case ImGuiMouseCursor_ResizeNESW:
            css = "nesw-resize";
            break;
        case ImGuiMouseCursor_ResizeNWSE:
            css = "nwse-resize";
            break;
        case ImGuiMouseCursor_Hand:
            css = "pointer";
            break;
        case ImGuiMouseCursor_NotAllowed:
            css = "not-allowed";
            break;
        default:
            break;
    }
    oz_set_cursor(css);
}

}  // namespace web
