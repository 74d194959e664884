#include "web/gl_renderer.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ui/draw_damage.h"

namespace web {

namespace {

// GL takes offsets into the bound buffer as pointers; ImGui keeps texture ids as pointers.
const void* buffer_offset(GLintptr byte) {
    return reinterpret_cast<const void*>(byte);  // NOLINT(performance-no-int-to-ptr)
}

ImTextureID texture_id(GLuint texture) {
    // NOLINTNEXTLINE(performance-no-int-to-ptr)
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture));
}

struct Renderer {
    GLuint program = 0, vao = 0, vbo = 0, ibo = 0, font = 0;
    GLint proj = -1, white_uv = -1;
    GLsizeiptr vbo_size = 0, ibo_size = 0;  // bytes allocated
    ImVec2 display;                         // the projection set for this size
    ImVec4 clear;                           // the background on screen
    ui::DrawDamage shown;                   // what is on screen, to redraw only what changed
    double redrawn = 0;                     // share of the display the last drawn frame redrew
    // Per draw list, what the buffers hold and where: an unchanged list is not sent again.
    struct Uploaded {
        ImU64 hash = 0;
        GLintptr vtx = -1, idx = -1;
    };
    std::vector<Uploaded> uploaded;
};

Renderer& r() {
    static Renderer renderer;
    return renderer;
}

// ImGui's shaders, except that solid fills (which point at the atlas's white texel) skip the
// texture: a software rasterizer pays about three times as much per pixel for a sample, and
// most of a frame's pixels are solid. `flat` keeps the test exact across the triangle.
constexpr const char* kVertex = R"(#version 300 es
uniform mat4 ProjMtx;
uniform vec2 WhiteUV;
in vec2 Position;
in vec2 UV;
in vec4 Color;
out vec2 Frag_UV;
out vec4 Frag_Color;
flat out float Frag_Solid;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    Frag_Solid = UV == WhiteUV ? 1.0 : 0.0;
    gl_Position = ProjMtx * vec4(Position.xy, 0, 1);
})";

constexpr const char* kFragment = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
flat in float Frag_Solid;
layout (location = 0) out vec4 Out_Color;
void main() {
    Out_Color = Frag_Solid > 0.5 ? Frag_Color : Frag_Color * texture(Texture, Frag_UV.st);
})";

GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    return ok ? shader : 0;
}

// Vertices and indices of every draw list, one after another; a list's vertices are found
// by pointing the attributes at its first one (WebGL 2 has no base-vertex draws).
void point_attributes(GLintptr first_vertex_byte) {
    const auto at = [first_vertex_byte](std::size_t field) {
        return buffer_offset(first_vertex_byte + static_cast<GLintptr>(field));
    };
    constexpr GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(ImDrawVert, col)));
}

// Room for `bytes` in the bound buffer, growing by half again so that growth is rare; true
// when it grew (and lost what it held).
bool reserve(GLenum target, GLsizeiptr& size, GLsizeiptr bytes) {
    if (bytes <= size) return false;
    size = bytes + bytes / 2;
    glBufferData(target, size, nullptr, GL_DYNAMIC_DRAW);
    return true;
}

// Where drawing starts: a draw list, one of its commands, and an index into that command.
struct DrawFrom {
    int list = 0, command = 0;
    unsigned index = 0;
};

// Clears `band` to `under`, then draws into it what the lists hold from `from` on.
void draw_band(const ImDrawData& data, ui::DamageRect band, ImVec4 under, DrawFrom from) {
    const float height = data.DisplaySize.y;
    glScissor(band.x0, static_cast<GLint>(height) - band.y1, band.x1 - band.x0, band.y1 - band.y0);
    glClearColor(under.x, under.y, under.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    GLintptr vtx_byte = 0, idx_byte = 0;
    for (int l = 0; l < data.CmdLists.Size; ++l) {
        const ImDrawList* list = data.CmdLists[l];
        if (l >= from.list) point_attributes(vtx_byte);
        for (int c = l > from.list    ? 0
                     : l == from.list ? from.command
                                      : list->CmdBuffer.Size;
             c < list->CmdBuffer.Size; ++c) {
            ImDrawCmd cmd = list->CmdBuffer[c];
            if (l == from.list && c == from.command) {
                cmd.IdxOffset += from.index;
                cmd.ElemCount -= from.index;
            }
            const auto edge = [](float clip, float origin, int limit, bool low) {
                const float at = clip - origin;
                return low ? std::max(at, static_cast<float>(limit))
                           : std::min(at, static_cast<float>(limit));
            };
            const float x0 = edge(cmd.ClipRect.x, data.DisplayPos.x, band.x0, true);
            const float y0 = edge(cmd.ClipRect.y, data.DisplayPos.y, band.y0, true);
            const float x1 = edge(cmd.ClipRect.z, data.DisplayPos.x, band.x1, false);
            const float y1 = edge(cmd.ClipRect.w, data.DisplayPos.y, band.y1, false);
            if (cmd.UserCallback != nullptr || cmd.ElemCount == 0 || x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(height - y1),
                      static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
            glBindTexture(GL_TEXTURE_2D,
                          static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
            glDrawElements(
                GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                buffer_offset(idx_byte + static_cast<GLintptr>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
        vtx_byte += list->VtxBuffer.size_in_bytes();
        idx_byte += list->IdxBuffer.size_in_bytes();
    }
}

}  // namespace

bool gl_renderer_init() {
    Renderer& g = r();
    const GLuint vs = compile(GL_VERTEX_SHADER, kVertex);
    const GLuint fs = compile(GL_FRAGMENT_SHADER, kFragment);
    if (!vs || !fs) return false;
    g.program = glCreateProgram();
    glAttachShader(g.program, vs);
    glAttachShader(g.program, fs);
    glBindAttribLocation(g.program, 0, "Position");
    glBindAttribLocation(g.program, 1, "UV");
    glBindAttribLocation(g.program, 2, "Color");
    glLinkProgram(g.program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(g.program, GL_LINK_STATUS, &ok);
    if (!ok) return false;
    glUseProgram(g.program);
    g.proj = glGetUniformLocation(g.program, "ProjMtx");
    g.white_uv = glGetUniformLocation(g.program, "WhiteUV");
    glUniform1i(glGetUniformLocation(g.program, "Texture"), 0);

    glGenVertexArrays(1, &g.vao);
    glBindVertexArray(g.vao);
    glGenBuffers(1, &g.vbo);
    glGenBuffers(1, &g.ibo);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ibo);
    for (GLuint a = 0; a < 3; ++a) glEnableVertexAttribArray(a);

    // The only state this context ever needs.
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glActiveTexture(GL_TEXTURE0);
    return true;
}

void gl_renderer_fonts_changed() {
    Renderer& g = r();
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    if (g.font) glDeleteTextures(1, &g.font);
    glGenTextures(1, &g.font);
    glBindTexture(GL_TEXTURE_2D, g.font);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(texture_id(g.font));
    glUniform2f(g.white_uv, io.Fonts->TexUvWhitePixel.x, io.Fonts->TexUvWhitePixel.y);
    g.shown.known = false;
}

bool gl_renderer_draw(const ImDrawData* data, ImVec4 clear) {
    Renderer& g = r();
    if (data == nullptr || !data->Valid || data->DisplaySize.x <= 0 || data->DisplaySize.y <= 0)
        return false;
    if (clear.x != g.clear.x || clear.y != g.clear.y || clear.z != g.clear.z) {
        g.clear = clear;
        g.shown.known = false;
    }
    const ui::DamageRect damage = ui::take_damage(g.shown, *data);
    if (damage.empty()) return false;
    g.redrawn = static_cast<double>((damage.x1 - damage.x0) * (damage.y1 - damage.y0)) /
                static_cast<double>(data->DisplaySize.x * data->DisplaySize.y);

    glViewport(0, 0, static_cast<GLsizei>(data->DisplaySize.x),
               static_cast<GLsizei>(data->DisplaySize.y));
    if (data->DisplaySize.x != g.display.x || data->DisplaySize.y != g.display.y) {
        g.display = data->DisplaySize;
        const float x = data->DisplayPos.x, y = data->DisplayPos.y;
        const float w = data->DisplaySize.x, h = data->DisplaySize.y;
        const float ortho[16] = {2.0f / w, 0,   0, 0,     0, -2.0f / h,        0,
                                 0,        0,   0, -1.0f, 0, -(2 * x + w) / w, (2 * y + h) / h,
                                 0,        1.0f};
        glUniformMatrix4fv(g.proj, 1, GL_FALSE, ortho);
    }
    const bool grew_vtx =
        reserve(GL_ARRAY_BUFFER, g.vbo_size, data->TotalVtxCount * GLsizeiptr{sizeof(ImDrawVert)});
    const bool grew_idx = reserve(GL_ELEMENT_ARRAY_BUFFER, g.ibo_size,
                                  data->TotalIdxCount * GLsizeiptr{sizeof(ImDrawIdx)});
    if (grew_vtx || grew_idx) g.uploaded.clear();
    g.uploaded.resize(static_cast<std::size_t>(data->CmdLists.Size));
    GLintptr vtx_byte = 0, idx_byte = 0;
    for (int l = 0; l < data->CmdLists.Size; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        const auto i = static_cast<std::size_t>(l);
        const Renderer::Uploaded now{g.shown.shown[i].hash, vtx_byte, idx_byte};
        Renderer::Uploaded& held = g.uploaded[i];
        if (held.hash != now.hash || held.vtx != now.vtx || held.idx != now.idx) {
            glBufferSubData(GL_ARRAY_BUFFER, vtx_byte, list->VtxBuffer.size_in_bytes(),
                            list->VtxBuffer.Data);
            glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, idx_byte, list->IdxBuffer.size_in_bytes(),
                            list->IdxBuffer.Data);
            held = now;
        }
        vtx_byte += list->VtxBuffer.size_in_bytes();
        idx_byte += list->IdxBuffer.size_in_bytes();
    }

    // Only the damaged rectangle is drawn; the rest of the picture stays (preserveDrawingBuffer).
    // Where an opaque background covers it, it is cleared to that colour and nothing under the
    // background is drawn; the rows it leaves (round corners) are drawn in full.
    const ui::DrawCover cover = ui::find_cover(*data, damage);
    if (cover.list < 0) {
        draw_band(*data, damage, clear, {});
        return true;
    }
    const ui::DamageRect above{damage.x0, damage.y0, damage.x1, cover.y0};
    const ui::DamageRect covered{damage.x0, cover.y0, damage.x1, cover.y1};
    const ui::DamageRect below{damage.x0, cover.y1, damage.x1, damage.y1};
    if (!above.empty()) draw_band(*data, above, clear, {});
    draw_band(*data, covered, ImGui::ColorConvertU32ToFloat4(cover.color),
              {cover.list, cover.command, cover.first + cover.indices});
    if (!below.empty()) draw_band(*data, below, clear, {});
    return true;
}

double gl_renderer_redrawn() {
    return r().redrawn;
}

}  // namespace web
