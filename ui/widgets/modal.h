// ui/widgets/modal.h: a centred dialog over a dimmed backdrop (DESIGN.md: surface, 8 px
// rounding). Clicks outside and Escape never close it: the owner decides what they mean.
#pragma once

namespace ui {

// Opens the modal when needed and begins it. `width` is in CSS px; the height follows the
// content up to the viewport. `title` names the dialog for assistive technology (the
// accessibility mirror's role="dialog"). Call modal_end() only when this returned true.
bool modal_begin(const char* id, float width, const char* title);
void modal_end();
// An auto-sized dialog needs a few frames to fit new content: call every frame with whether the
// content changed; returns the wake-up delay for the platform (0 = draw again now, <0 = none).
double modal_settle(bool content_changed, int& frames_left);
// A 1 px line across the whole dialog, edge to edge (e.g. above the buttons).
void modal_separator();
// The space left for a scrolling body once `reserved` CSS px (header, footer) are taken.
float modal_body_max_height(float reserved);

}  // namespace ui
