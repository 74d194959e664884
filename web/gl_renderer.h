// web/gl_renderer.h: draws ImGui's draw data with WebGL 2, for this app only. The app owns its
// context, so GL state is set once and never read back: no glGet* or glGetError per frame (each
// is a round trip to the GPU process that waits for it). A frame whose draw data is the same as
// the last one drawn is not drawn again, so settle frames cost no GPU work.
#pragma once

#include <imgui.h>

namespace web {

bool gl_renderer_init();           // the context is current; false if shaders do not build
void gl_renderer_fonts_changed();  // (re)uploads the font atlas, once per change
// Draws `data` over a clear to `clear`; false (and nothing drawn) when it is what is on screen.
bool gl_renderer_draw(const ImDrawData* data, ImVec4 clear);

}  // namespace web
