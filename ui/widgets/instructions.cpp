#include "ui/widgets/instructions.h"

#include <imgui.h>

#include <cstring>
#include <string>
#include <vector>

#include "ui/theme.h"

namespace ui {

namespace {

// A run laid out as one unit: a word (with its trailing space) or a whole keycap.
struct Run {
    const char* begin;
    const char* end;
    bool keycap;
    bool tight = false;  // a keycap followed by punctuation: no gap after it
};

bool is_punctuation(char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')';
}

std::vector<Run> split_runs(const char* text) {
    std::vector<Run> runs;
    const char* p = text;
    while (*p) {
        if (*p == '[') {
            const char* close = std::strchr(p, ']');
            if (close) {
                runs.push_back({p + 1, close, true, is_punctuation(close[1])});
                p = close + 1;
                continue;
            }
        }
        const char* start = p;
        while (*p && *p != ' ' && *p != '[') ++p;
        while (*p == ' ') ++p;
        runs.push_back({start, p, false});
    }
    return runs;
}

constexpr float kKeycapPadX = 6;  // CSS px inside a keycap
constexpr float kKeycapGap = 3;   // CSS px on each side of a keycap

}  // namespace

void keycap_text(const char* text) {
    ImFont* body = font(Font::Body);
    ImFont* key = font(Font::Caption);
    const float line_h = px(24);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float wrap = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x = 0, y = 0;
    for (const Run& run : split_runs(text)) {
        ImFont* f = run.keycap ? key : body;
        const float text_w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, run.begin, run.end).x;
        const float gaps = run.tight ? 1.5f * kKeycapGap : 2 * kKeycapGap;
        const float w = run.keycap ? text_w + px(2 * kKeycapPadX + gaps) : text_w;
        if (x > 0 && x + w > wrap) {
            x = 0;
            y += line_h;
        }
        const ImVec2 at(origin.x + x, origin.y + y);
        if (run.keycap) {
            const ImVec2 a(at.x + px(kKeycapGap), at.y + px(2));
            const ImVec2 b(a.x + text_w + px(2 * kKeycapPadX), at.y + line_h - px(2));
            dl->AddRectFilled(a, b, colors().surface_raised, px(4));
            dl->AddRect(a, b, colors().border, px(4));
            // The bottom edge is a little thicker, like a key.
            dl->AddLine(ImVec2(a.x + px(2), b.y), ImVec2(b.x - px(2), b.y), colors().border,
                        px(1.5f));
            dl->AddText(f, f->FontSize,
                        ImVec2(a.x + px(kKeycapPadX), a.y + (b.y - a.y - f->FontSize) * 0.5f),
                        colors().text, run.begin, run.end);
        } else {
            dl->AddText(f, f->FontSize, ImVec2(at.x, at.y + (line_h - f->FontSize) * 0.5f),
                        colors().text, run.begin, run.end);
        }
        x += w;
    }
    ImGui::Dummy(ImVec2(wrap, y + line_h));
}

void numbered_step(int number, const char* text) {
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float d = px(22);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 centre(a.x + d * 0.5f, a.y + px(12));
    dl->AddCircleFilled(centre, d * 0.5f, with_alpha(colors().accent, 0.15f));
    const std::string n = std::to_string(number);
    ImFont* f = font(Font::Caption);
    const ImVec2 size = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, n.c_str());
    dl->AddText(f, f->FontSize, ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f),
                colors().accent, n.c_str());
    ImGui::Dummy(ImVec2(d, d));
    ImGui::SameLine(0, px(10));
    keycap_text(text);
    ImGui::Dummy(ImVec2(0, px(2)));
}

}  // namespace ui
