#include "ui/theme.h"

#include <initializer_list>

#include "ui/icons.h"

extern const unsigned char font_inter_regular[];
extern const unsigned int font_inter_regular_size;
extern const unsigned char font_inter_medium[];
extern const unsigned int font_inter_medium_size;
extern const unsigned char font_mono[];
extern const unsigned int font_mono_size;
extern const unsigned char font_icons[];
extern const unsigned int font_icons_size;

namespace ui {

// [SECTION] Palettes
namespace {

constexpr ImU32 rgb(unsigned hex) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF);
}

constexpr Palette kDark = {rgb(0x18191D), rgb(0x1F2126), rgb(0x272A30), rgb(0x33363D),
                           rgb(0xE7E9EE), rgb(0x9BA1AC), rgb(0x3D8BFD), rgb(0x3FB950),
                           rgb(0xD29922), rgb(0xF85149), rgb(0x007DC1)};
// The light theme mirrors the dark one: same roles, contrast kept at WCAG AA for text.
constexpr Palette kLight = {rgb(0xF6F7F9), rgb(0xFFFFFF), rgb(0xEEF0F3), rgb(0xDDE1E7),
                            rgb(0x1B1D22), rgb(0x5B6270), rgb(0x2563D9), rgb(0x1A7F37),
                            rgb(0x9A6700), rgb(0xCF222E), rgb(0x007DC1)};

const Theme* g_current = nullptr;
const Theme g_fallback{};

ImVec4 vec(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

ImVec4 mix(ImU32 a, ImU32 b, float t) {
    ImVec4 x = vec(a), y = vec(b);
    return ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t,
                  x.w + (y.w - x.w) * t);
}

}  // namespace

const Theme& theme() {
    return g_current ? *g_current : g_fallback;
}
void theme_set_current(const Theme* t) {
    g_current = t;
}

ImU32 with_alpha(ImU32 color, float alpha) {
    const auto a =
        static_cast<unsigned>(static_cast<float>((color >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (color & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

// [SECTION] Style
void theme_apply(Theme& t, ThemeMode mode, float scale) {
    t.mode = mode;
    t.scale = scale;
    t.palette = mode == ThemeMode::Dark ? kDark : kLight;
    const Palette& p = t.palette;

    ImGuiStyle style;
    style.WindowPadding = ImVec2(24, 24);
    style.FramePadding = ImVec2(12, 9);
    style.ItemSpacing = ImVec2(8, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(12, 8);
    style.ScrollbarSize = 10;
    style.GrabMinSize = 24;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 1;
    style.WindowRounding = 8;
    style.ChildRounding = 8;
    style.PopupRounding = 8;
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.ScrollbarRounding = 6;
    style.TabRounding = 6;
    style.DisabledAlpha = 0.4f;
    style.SeparatorTextBorderSize = 1;
    style.HoverDelayShort = 0.15f;
    style.HoverDelayNormal = 0.4f;
    style.ScaleAllSizes(scale);

    // Each colour once, with the slots that show it.
    ImVec4* c = style.Colors;
    auto paint = [c](const ImVec4& colour, std::initializer_list<ImGuiCol> slots) {
        for (const ImGuiCol slot : slots) c[slot] = colour;
    };
    paint(vec(p.surface), {ImGuiCol_ChildBg, ImGuiCol_PopupBg, ImGuiCol_TitleBg,
                           ImGuiCol_TitleBgActive, ImGuiCol_TitleBgCollapsed, ImGuiCol_MenuBarBg,
                           ImGuiCol_Tab, ImGuiCol_TabUnfocused, ImGuiCol_TableHeaderBg});
    paint(vec(p.surface_raised),
          {ImGuiCol_FrameBg, ImGuiCol_Button, ImGuiCol_Header, ImGuiCol_HeaderHovered,
           ImGuiCol_TabHovered, ImGuiCol_TabActive, ImGuiCol_TabUnfocusedActive});
    paint(vec(p.border),
          {ImGuiCol_Border, ImGuiCol_ScrollbarGrab, ImGuiCol_Separator, ImGuiCol_ResizeGripHovered,
           ImGuiCol_TableBorderStrong, ImGuiCol_TableBorderLight});
    paint(vec(p.accent),
          {ImGuiCol_CheckMark, ImGuiCol_SliderGrab, ImGuiCol_SliderGrabActive,
           ImGuiCol_SeparatorHovered, ImGuiCol_SeparatorActive, ImGuiCol_ResizeGripActive,
           ImGuiCol_DragDropTarget, ImGuiCol_NavHighlight, ImGuiCol_NavWindowingHighlight,
           ImGuiCol_PlotLines, ImGuiCol_PlotHistogram});
    paint(vec(p.text_muted), {ImGuiCol_TextDisabled, ImGuiCol_ScrollbarGrabActive});
    paint(ImVec4(0, 0, 0, 0), {ImGuiCol_BorderShadow, ImGuiCol_ScrollbarBg, ImGuiCol_ResizeGrip,
                               ImGuiCol_TableRowBg, ImGuiCol_TableRowBgAlt});
    // Hovered and pressed: the raised surface a step towards the text.
    paint(mix(p.surface_raised, p.text, 0.06f),
          {ImGuiCol_FrameBgActive, ImGuiCol_ButtonHovered, ImGuiCol_HeaderActive});
    c[ImGuiCol_FrameBgHovered] = mix(p.surface_raised, p.text, 0.04f);
    c[ImGuiCol_ButtonActive] = mix(p.surface_raised, p.text, 0.10f);
    c[ImGuiCol_ScrollbarGrabHovered] = mix(p.border, p.text_muted, 0.4f);
    c[ImGuiCol_Text] = vec(p.text);
    c[ImGuiCol_WindowBg] = vec(p.bg);
    c[ImGuiCol_TextSelectedBg] = vec(with_alpha(p.accent, 0.35f));
    c[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.5f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, mode == ThemeMode::Dark ? 0.6f : 0.35f);
    ImGui::GetStyle() = style;
}

// [SECTION] Fonts
void theme_load_fonts(Theme& t) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;

    static const ImWchar text_ranges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2190,
                                          0x2193, 0x2212, 0x2212, 0};
    static const ImWchar icon_ranges[] = {OZ_ICON_MIN, OZ_ICON_MAX, 0};

    auto add = [&](const unsigned char* data, unsigned size, float css_px, const ImWchar* ranges) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
        cfg.OversampleH = 2;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        // ImGui takes a non-const pointer but does not write when it does not own the data.
        void* bytes = const_cast<unsigned char*>(data);
        ImFont* f = atlas->AddFontFromMemoryTTF(bytes, static_cast<int>(size), css_px * t.scale,
                                                &cfg, ranges);
        ImFontConfig icons;
        icons.FontDataOwnedByAtlas = false;
        icons.MergeMode = true;
        icons.PixelSnapH = true;
        icons.GlyphMinAdvanceX = css_px * t.scale;
        icons.GlyphOffset = ImVec2(0, 0.5f * t.scale);
        void* icon_bytes = const_cast<unsigned char*>(font_icons);
        atlas->AddFontFromMemoryTTF(icon_bytes, static_cast<int>(font_icons_size),
                                    css_px * 0.9f * t.scale, &icons, icon_ranges);
        return f;
    };
    auto set = [&](Font role, ImFont* f) { t.fonts[static_cast<int>(role)] = f; };

    // The first font added is ImGui's default: body text.
    set(Font::Body, add(font_inter_regular, font_inter_regular_size, 14, text_ranges));
    set(Font::Small, add(font_inter_regular, font_inter_regular_size, 13, text_ranges));
    set(Font::Caption, add(font_inter_medium, font_inter_medium_size, 12, text_ranges));
    set(Font::Medium, add(font_inter_medium, font_inter_medium_size, 14, text_ranges));
    set(Font::Section, add(font_inter_medium, font_inter_medium_size, 16, text_ranges));
    set(Font::Title, add(font_inter_medium, font_inter_medium_size, 20, text_ranges));
    set(Font::Mono, add(font_mono, font_mono_size, 13, text_ranges));
    int disc_rects[kDiscCount];
    discs_reserve(atlas, t.scale, disc_rects);
    atlas->Build();
    discs_bake(atlas, t.scale, disc_rects, t.discs);
}

}  // namespace ui
