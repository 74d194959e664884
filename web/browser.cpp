// C++ side of platform.js: thin wrappers, so the rest of web/ never touches JavaScript.
#include <cstdlib>

#include "web.h"

extern "C" {
// Implemented in platform.js.
void oz_install(const char* canvas_selector);
char* oz_location_hash();  // malloc'ed UTF-8, freed here
char* oz_origin();
void oz_push_hash(const char* hash);
void oz_open_url(const char* url);
void oz_download(const char* filename, const char* mime_type, const char* data, size_t size);
void oz_write_clipboard(const char* text);
void oz_set_cursor(const char* css_cursor);
int oz_is_mac();
void oz_canvas_origin(float* x, float* y);
void oz_fatal(const char* message);
}

namespace web {

namespace {
std::string take(char* s) {
    std::string out = s ? s : "";
    std::free(s);
    return out;
}
}  // namespace

void browser_install(const char* canvas_selector) {
    oz_install(canvas_selector);
}
std::string browser_location_hash() {
    return take(oz_location_hash());
}
std::string browser_origin() {
    return take(oz_origin());
}
void browser_push_hash(const std::string& hash) {
    oz_push_hash(hash.c_str());
}
void browser_open_url(const std::string& url) {
    oz_open_url(url.c_str());
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
