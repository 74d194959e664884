// ui/toasts.h: transient messages at the bottom right (DESIGN.md). Info and success toasts
// dismiss themselves after 4 s; errors stay until closed.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ui {

enum class ToastKind { Info, Success, Warning, Error };

struct Toast {
    std::uint32_t id = 0;
    ToastKind kind = ToastKind::Info;
    std::string message;
    double created = 0;  // ImGui time
};

struct Toasts {
    std::vector<Toast> items;
    std::uint32_t next_id = 1;
};

void toast_push(Toasts& toasts, ToastKind kind, std::string message);
// Draws the stack and drops expired toasts. Returns the seconds until the next one expires, or
// a negative number when none will (the render loop sleeps until then).
double toasts_draw(Toasts& toasts);

}  // namespace ui
