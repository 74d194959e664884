// ui/widgets/instructions.h: step-by-step instructions for another product's UI (DESIGN.md:
// numbered steps with that product's UI terms highlighted like keycaps).
#pragma once

namespace ui {

// Wrapped body text in which "[Term]" spans are drawn as keycaps, e.g.
// "Click [Applications] in the left menu." The brackets are not shown.
void keycap_text(const char* text);
// A numbered circle followed by keycap_text.
void numbered_step(int number, const char* text);

}  // namespace ui
