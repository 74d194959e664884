// ui/widgets/live_text.h: a line of status text that the item registry (and so tests and the
// accessibility tree) can read, e.g. "Waiting for Okta..." turning into "Okta reached openZro".
#pragma once
#include <imgui.h>

namespace ui {

// Draws `icon` (optional, in `color`) and `text` (wrapped, in `text_color`), and registers the
// line as a non-focusable item labelled `text` with the id `id`.
void live_text(const char* id, const char* text, ImU32 text_color, const char* icon = nullptr,
               ImU32 icon_color = 0);
// Registers the last item (e.g. a group) as a readable, non-focusable item labelled `label`.
void readable_last_item(const char* id, const char* label);

}  // namespace ui
