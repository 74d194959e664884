// Leaves Dear ImGui's default font (ProggyClean, 9.5 KB of the gzip download) out of the wasm.
// ImGui 1.90.1 has no switch for it: ImFontAtlas::Build() calls AddFontDefault() when an atlas
// has no font yet, which links the font's data. The app's atlas always has the theme's fonts
// first (ui/theme.cpp), so the link (--wrap, web/CMakeLists.txt) sends that call here instead.
#include <imgui.h>

// NOLINTNEXTLINE(bugprone-reserved-identifier): the name --wrap gives the replacement
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*,
                                                                            const ImFontConfig*) {
    return nullptr;
}
