// Parts of Dear ImGui 1.90.1 the app never uses, kept out of the wasm. ImGui has no switch for
// them, so their calls come here instead: through the link's --wrap (web/CMakeLists.txt) for
// ImGui's own function, and for libc's by defining it, which keeps libc's out of the link.
// - AddFontDefault(): ImFontAtlas::Build() calls it when an atlas has no font yet, which links
//   ProggyClean's data (9.5 KB of the gzip download). The app's atlas always has the theme's
//   fonts first (ui/theme.cpp).
// - sscanf(): ImGui reads .ini settings lines and typed scalar values (InputScalar, Drag*,
//   Slider*, ColorEdit) with it, which links libc's scanner and its long-double arithmetic
//   (10 KB gzip, with the JSON reader's strtod, client/json_sax.h). The app has no .ini file
//   (io.IniFilename is null) and none of those widgets, so "nothing matched" is the answer
//   every caller already handles.
#include <imgui.h>

// NOLINTBEGIN(bugprone-reserved-identifier): the names --wrap gives the replacements
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*,
                                                                            const ImFontConfig*) {
    return nullptr;
}

// NOLINTEND(bugprone-reserved-identifier)

// NOLINTNEXTLINE(cert-dcl50-cpp): the signature is sscanf's
extern "C" int sscanf(const char*, const char*, ...) {
    return 0;
}
