// ui/widgets/live_text.h: a line of status text that the registry reports as a status message
// (role "status": tests and the accessibility mirror read it), e.g. "Waiting for Okta..."
// turning into "Okta reached openZro at ...".
#pragma once
#include <imgui.h>

namespace ui {

// Draws `icon` (optional, in `icon_color`, else `text_color`) and `text` (wrapped).
void live_text(const char* text, ImU32 text_color, const char* icon = nullptr,
               ImU32 icon_color = 0);

}  // namespace ui
