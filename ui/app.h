// ui/app.h: the openZro Admin app as the platform sees it. The platform (web/ in the browser,
// the test harness natively) owns the ImGui context, input and rendering; the app builds one
// frame from its state and says what the platform should do next.
#pragma once
#include <string>

#include "confirm_dialog.h"
#include "item_registry.h"
#include "pages/pages.h"
#include "route.h"
#include "theme.h"
#include "toasts.h"

namespace ui {

struct AppConfig {
    ThemeMode theme = ThemeMode::Dark;
    float pixel_ratio = 1.0f;
    std::string route_hash;  // initial location hash ("" = default page)
    std::string api_origin;  // where the management API lives, e.g. "https://vpn.example.com"
};

// What a frame asks of the platform.
struct FrameResult {
    std::string navigate_hash;  // non-empty: push this hash to the browser history
    std::string open_url;       // non-empty: open in a new tab (inside the click's activation)
    double wake_after = -1;     // >= 0: render again after this many seconds, even if idle
};

struct App {
    AppConfig config;
    Theme theme;
    ItemRegistry registry;
    Route route;
    Toasts toasts;
    ConfirmDialog confirm;
    IntegrationsPageState integrations;
    UsersPageState users;
    bool team_expanded = true;
};

// Needs a current ImGui context. Applies the theme, loads the fonts and attaches the registry.
void app_init(App& app, const AppConfig& config);
// Runs ImGui::NewFrame(), builds every view, then ImGui::Render(). The platform feeds input and
// io.DisplaySize/DeltaTime before, and draws ImGui::GetDrawData() after.
FrameResult app_frame(App& app);
// The browser's location changed (deep link, back, forward).
void app_set_route(App& app, const std::string& hash);
// devicePixelRatio changed: restyles and reloads fonts. The platform must then re-upload the
// font texture. Returns false when nothing changed.
bool app_set_pixel_ratio(App& app, float pixel_ratio);
void app_set_theme(App& app, ThemeMode mode);

}  // namespace ui
