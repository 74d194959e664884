// web/gl_renderer.h: draws ImGui's draw data with WebGL 2, for this app only. The app owns its
// context, so GL state is set once and never read back: no glGet* or glGetError per frame (each
// is a round trip to the GPU process that waits for it). A frame whose draw data is the same as
// the last one drawn is not drawn again, so settle frames cost no GPU work, and a frame redraws
// only the rectangle whose draw lists changed (ui/draw_damage.h): the canvas keeps its picture,
// and the buffers keep the lists that did not change.
#pragma once

#include <imgui.h>

namespace web {

bool gl_renderer_init();           // the context is current; false if shaders do not build
void gl_renderer_fonts_changed();  // (re)uploads the font atlas, once per change
// Draws `data` over a clear to `clear`; false (and nothing drawn) when it is what is on screen.
bool gl_renderer_draw(const ImDrawData* data, ImVec4 clear);
double gl_renderer_redrawn();  // the share of the display the last drawn frame redrew, 0..1

}  // namespace web
