// ui/app.h: the openZro Admin app as the platform sees it. The platform (web/ in the browser,
// the test harness natively) owns the ImGui context, input and rendering; the app builds one
// frame from its state and says what the platform should do next.
#pragma once
#include <functional>
#include <string>

#include "client/api.h"
#include "ui/item_registry.h"
#include "ui/pages/integrations_page.h"
#include "ui/pages/page.h"
#include "ui/pages/sign_in_page.h"
#include "ui/pages/users_page.h"
#include "ui/route.h"
#include "ui/theme.h"
#include "ui/toasts.h"
#include "ui/user_menu.h"

namespace ui {

struct AppConfig {
    ThemeMode theme = ThemeMode::Dark;
    float pixel_ratio = 1.0f;
    std::string route_hash;  // initial location hash ("" = default page)
    std::string api_origin;  // where the management API lives, e.g. "https://vpn.example.com"
    // Embedded in a host that authorizes requests (tokenProvider): the host signs users in and
    // out, so there is no sign-in screen and no Sign out.
    bool host_authorizes = false;
};

// What a frame asks of the platform: the pages' actions (a route to push to the history, a
// URL to open inside the click's activation, a file to save, when to wake up while idle).
using FrameResult = PageActions;

struct App {
    AppConfig config;
    Theme theme;
    ItemRegistry registry;
    Route route;
    Toasts toasts;
    Services services;
    std::string shown_path;   // the page drawn last frame: a change means a page was entered
    bool signed_out = false;  // the API answered 401, or the user signed out
    std::string return_to = "#/integrations";  // the app route to come back to after sign-in
    SessionState session;
    SignInPageState sign_in;
    IntegrationsPageState integrations;
    UsersPageState users;
    bool team_expanded = true;
};

// Needs a current ImGui context. Applies the theme, loads the fonts and attaches the registry.
// `api` (owned by the platform, may be null in widget tests) must outlive the app.
void app_init(App& app, const AppConfig& config, openzro::Api* api);
// Runs ImGui::NewFrame(), builds every view, then ImGui::Render(). The platform feeds input and
// io.DisplaySize/DeltaTime before, and draws ImGui::GetDrawData() after.
// `overlay`, when given, is drawn over the app (tests use it to show a widget in context).
FrameResult app_frame(App& app, const std::function<void()>& overlay = {});
// The browser's location changed (deep link, back, forward).
void app_set_route(App& app, const std::string& hash);
// devicePixelRatio changed: restyles and reloads fonts. The platform must then re-upload the
// font texture. Returns false when nothing changed.
bool app_set_pixel_ratio(App& app, float pixel_ratio);
void app_set_theme(App& app, ThemeMode mode);
// The API said the session is gone (401). Standalone, the app shows the sign-in screen until
// the page is reloaded (signing in reloads it); embedded, a notice (the host signs in).
void app_set_signed_out(App& app);

}  // namespace ui
