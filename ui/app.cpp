#include "ui/app.h"

#include <imgui_internal.h>

#include "ui/pages/not_found_page.h"
#include "ui/sidebar.h"
#include "ui/widgets.h"
#include "ui/widgets/modal.h"

namespace ui {

namespace {

void main_layout(App& app, FrameResult& result) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    // No background here or on the page: the platform clears to the theme's bg, and where WebGL
    // runs in software every pixel filled twice costs the frame (ui/draw_stats.h).
    ImGui::Begin("##app", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();

    // Sidebar
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors().surface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(12), px(16)));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::BeginChild("##sidebar", ImVec2(px(240), 0), ImGuiChildFlags_AlwaysUseWindowPadding);
    SidebarActions nav;
    SidebarFooter footer{kUserMenuHeight, [&app] {
                             user_menu(app.session, app.services, !app.config.host_authorizes);
                         }};
    sidebar(app.route, app.team_expanded, app.theme.mode, nav, footer);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    ImGui::GetWindowDrawList()->AddLine(
        ImVec2(vp->WorkPos.x + px(240), vp->WorkPos.y),
        ImVec2(vp->WorkPos.x + px(240), vp->WorkPos.y + vp->WorkSize.y), colors().border, px(1));

    // Page
    ImGui::SameLine(0, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(32), px(24)));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, 0);
    ImGui::BeginChild("##page", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    PageContext page{app.services, app.route, app.route.path != app.shown_path, result};
    app.shown_path = app.route.path;
    switch (app.route.page) {
        case Page::Integrations:
            integrations_page(app.integrations, page);
            break;
        case Page::TeamUsers:
            users_page(app.users, page);
            break;
        case Page::SignIn:  // embedded: the host signs users in
        case Page::NotFound:
            not_found_page(page);
            break;
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::End();

    if (nav.toggle_theme)
        app_set_theme(app, app.theme.mode == ThemeMode::Dark ? ThemeMode::Light : ThemeMode::Dark);
    if (!nav.navigate_hash.empty()) {
        result.navigate_hash = nav.navigate_hash;
        result.replace_history = false;
    }
    if (result.navigate_hash == route_format(app.route)) result.navigate_hash.clear();
    if (!result.navigate_hash.empty()) app.route = route_parse(result.navigate_hash);
}

// The signed-out screen in place of the whole app.
void sign_in_layout(App& app, FrameResult& result) {
    static constexpr const char* kShown = "#sign-in";  // never a route path (those start with /)
    PageContext page{app.services, app.route, app.shown_path != kShown, result};
    app.shown_path = kShown;
    sign_in_page(app.sign_in, page, app.return_to);
}

// Embedded: a blocking notice, since the host, not the app, signs users in again.
void signed_out_notice() {
    if (!modal_begin("##signed-out", 440, "You are signed out")) return;
    heading("You are signed out", Font::Section);
    ImGui::Dummy(ImVec2(0, px(4)));
    text_wrapped_muted(
        "Your session has ended, so nothing can be loaded or saved. Sign in again in the page "
        "around openZro Admin, then reload this page.");
    modal_end();
}

}  // namespace

void app_set_signed_out(App& app) {
    app.signed_out = true;
}

void app_init(App& app, const AppConfig& config, openzro::Api* api) {
    app.config = config;
    app.services = {api, &app.toasts, config.api_origin};
    app.route = route_parse(config.route_hash);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing is written to disk or browser storage
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep rendering while idle
    theme_apply(app.theme, config.theme, config.pixel_ratio);
    theme_load_fonts(app.theme);
    registry_attach(app.registry);
}

FrameResult app_frame(App& app, const std::function<void()>& overlay) {
    theme_set_current(&app.theme);
    ImGui::NewFrame();
    registry_begin_frame(app.registry);
    FrameResult result;
    ImGui::PushFont(font(Font::Body));
    if (app.session.ended) {
        app.session.ended = false;
        app.signed_out = true;
    }
    const bool host = app.config.host_authorizes;
    if (!host && (app.signed_out || app.route.page == Page::SignIn)) {
        sign_in_layout(app, result);
    } else {
        main_layout(app, result);
        if (app.route.page != Page::SignIn) app.return_to = route_format(app.route);
    }
    if (overlay) overlay();
    if (app.signed_out && host) signed_out_notice();
    result.wake_after = earliest_wake(result.wake_after, toasts_draw(app.toasts));
    ImGui::PopFont();
    ImGui::Render();
    registry_end_frame(app.registry);
    return result;
}

void app_set_route(App& app, const std::string& hash) {
    app.route = route_parse(hash);
}

bool app_set_pixel_ratio(App& app, float pixel_ratio) {
    if (pixel_ratio <= 0 || pixel_ratio == app.theme.scale) return false;
    theme_apply(app.theme, app.theme.mode, pixel_ratio);
    theme_load_fonts(app.theme);
    return true;
}

void app_set_theme(App& app, ThemeMode mode) {
    theme_apply(app.theme, mode, app.theme.scale);
}

}  // namespace ui
