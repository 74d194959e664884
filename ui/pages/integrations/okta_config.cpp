// The Okta configuration dialog (the card's gear): Settings (token, regenerate), Single sign-on
// (okta_config_sso.cpp), Group sync and User sync ("starts with" prefixes), Sync log, Danger zone.
// Save is enabled only when something changed, and a failed save keeps the edits.
//
// Index of this file:
//   Settings
//   Group sync and User sync
//   Sync log
//   Danger zone
#include <imgui_internal.h>

#include <algorithm>

#include "ui/icons.h"
#include "ui/item_registry.h"
#include "ui/pages/integrations/logos.h"
#include "ui/pages/integrations/okta_config.h"
#include "ui/pages/integrations/okta_data.h"
#include "ui/pages/integrations/regenerate_token.h"
#include "ui/pages/integrations/sync_time.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/field_button.h"
#include "ui/widgets/live_text.h"
#include "ui/widgets/modal.h"
#include "ui/widgets/skeleton.h"
#include "ui/widgets/tabs.h"

namespace ui {

namespace {

constexpr const char* kPopup = "##okta-config";
enum ConfirmAction { kConfirmRegenerate = 1, kConfirmDelete, kConfirmDiscard };
constexpr int kLogsPerPage = 10;
constexpr float kHeaderFooterHeight = 250;  // CSS px around the scrolling body
constexpr const char* kLevels[] = {"All", "Info", "Warning", "Error"};
constexpr const char* kLevelValues[] = {"", "info", "warning",
                                        "error"};  // IdpIntegrationSyncLog.level

struct Dialog {
    IntegrationsPageState& state;
    PageContext& context;
    OktaConfigState& c;
    const openzro::OktaScimIntegration& integration;
};

bool changed(const Dialog& d) {
    return d.c.group_prefixes != d.integration.group_prefixes ||
           d.c.user_group_prefixes != d.integration.user_group_prefixes;
}

void load_logs(Dialog& d) {
    if (!d.context.services.api) return;
    d.c.logs.start();
    d.context.services.api->scim_logs(
        d.c.scope, d.c.id, d.c.logs.into<Shared<std::vector<openzro::IdpIntegrationSyncLog>>>());
}

// [SECTION] Settings
void settings_tab(Dialog& d) {
    OktaConfigState& c = d.c;
    status_dot(d.integration.enabled ? "Sync enabled" : "Sync disabled",
               d.integration.enabled ? colors().success : colors().warning);
    ImGui::Dummy(ImVec2(0, px(8)));
    copy_field("SCIM connector base URL", okta_scim_base_url(d.context.services), c.url_copy);
    ImGui::Dummy(ImVec2(0, px(8)));
    if (!c.new_token.empty()) {
        copy_field("New Authorization (Bearer) token", c.new_token, c.token_copy, true);
        ImGui::PushFont(font(Font::Small));
        ImGui::PushStyleColor(ImGuiCol_Text, colors().warning);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(
            "Copy it now and paste it into Okta (Provisioning > Integration > "
            "API Token). It is not shown again once this dialog closes.");
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::PopFont();
    } else {
        heading("Authorization (Bearer) token", Font::Medium);
        ImGui::PushFont(font(Font::Mono));
        ImGui::TextUnformatted(d.integration.auth_token.empty() ? "(hidden)"
                                                                : d.integration.auth_token.c_str());
        ImGui::PopFont();
        small_note(
            "openZro keeps only a hash of the token. Regenerate it if Okta lost "
            "it: the token Okta has now stops working at once.");
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    regenerate_token_button(c.regenerate, okta_denied(d.state.data, "integrations", "update"),
                            c.confirm, kConfirmRegenerate);
}

void regenerate(Dialog& d) {
    OktaConfigState& c = d.c;
    Services& services = d.context.services;
    if (!services.api) return;
    regenerate_token(c.regenerate, c.scope, *services.api, c.id,
                     [&c, &services](std::string token) {
                         c.new_token = std::move(token);
                         toast_push(*services.toasts, ToastKind::Success,
                                    "New token created: paste it into Okta");
                     });
}

// [SECTION] Group sync and User sync
struct PrefixTab {
    const char* intro;
    const char* noun;  // rows are "<noun> prefix N"
    const char* add_label;
    const char* empty_text;
};
constexpr PrefixTab kGroupPrefixes = {
    "Import only the Okta groups whose name starts with one of these (case-sensitive). "
    "Without prefixes, every pushed group is imported.",
    "Group", "Add group prefix", "No prefixes: every group Okta pushes is imported."};
constexpr PrefixTab kUserGroupPrefixes = {
    "Import only the users who belong to an Okta group whose name starts with one of these "
    "(case-sensitive). Without prefixes, every assigned user is imported.",
    "User group", "Add user group prefix", "No prefixes: every user Okta provisions is imported."};

// Rows of "starts with" prefixes, each with a remove button, and an add button.
void prefix_tab(std::vector<std::string>& prefixes, const PrefixTab& tab) {
    text_wrapped_muted(tab.intro);
    ImGui::Dummy(ImVec2(0, px(8)));
    const char* noun = tab.noun;
    const char* add_label = tab.add_label;
    const char* empty_text = tab.empty_text;
    ImGui::PushID(noun);
    if (prefixes.empty()) {
        text_wrapped_muted(empty_text);
        ImGui::Dummy(ImVec2(0, px(8)));
    }
    int remove = -1;
    for (size_t i = 0; i < prefixes.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        const std::string label = std::string(noun) + " prefix " + n;
        const std::string remove_label = "Remove " + label;
        const std::string error_text = prefixes[i].empty() ? "Enter the start of a group name" : "";
        bool pressed = false;
        text_field_with_button(
            label.c_str(), prefixes[i],
            {"Group starts with...", nullptr, error_text.empty() ? nullptr : error_text.c_str()},
            {label.c_str(), OZ_ICON_TRASH, remove_label.c_str()}, pressed);
        if (pressed) remove = static_cast<int>(i);
        ImGui::Dummy(ImVec2(0, px(4)));
    }
    if (remove >= 0) prefixes.erase(prefixes.begin() + remove);
    if (button(add_label, {ButtonKind::Secondary, OZ_ICON_PLUS})) prefixes.emplace_back();
    ImGui::PopID();
}

// [SECTION] Sync log
void log_tab(Dialog& d) {
    OktaConfigState& c = d.c;
    if (tabs("level", kLevels, 4, c.log_level)) c.log_page = 0;
    ImGui::Dummy(ImVec2(0, px(8)));
    if (c.logs.error) {
        if (error_banner("Could not load the sync log", *c.logs.error)) load_logs(d);
        return;
    }
    if (!c.logs.loaded) {
        skeleton_rows(5);
        return;
    }
    std::vector<const openzro::IdpIntegrationSyncLog*> shown;
    for (const auto& log : c.logs.value)
        if (c.log_level == 0 || log.level == kLevelValues[c.log_level]) shown.push_back(&log);
    std::sort(shown.begin(), shown.end(), [](auto* a, auto* b) { return a->id > b->id; });
    if (shown.empty()) {
        text_muted(c.logs.value.empty() ? "No sync activity yet." : "No entries at this level.");
        return;
    }
    const int pages = static_cast<int>((shown.size() + kLogsPerPage - 1) / kLogsPerPage);
    c.log_page = std::clamp(c.log_page, 0, pages - 1);
    const std::int64_t now = wall_now(d.context.services);
    const auto first = static_cast<size_t>(c.log_page) * kLogsPerPage;
    for (size_t i = first; i < std::min(shown.size(), first + kLogsPerPage); ++i) {
        const auto& log = *shown[i];
        const ImU32 color = log.level == "error"     ? colors().danger
                            : log.level == "warning" ? colors().warning
                                                     : colors().success;
        // One row: level, message, and the time at the right (the exact time on hover).
        const auto t = parse_rfc3339(log.timestamp);
        const std::string when = t ? time_ago(*t, now) : log.timestamp;
        const float when_w = ImGui::CalcTextSize(when.c_str()).x;
        const float row_y = ImGui::GetCursorPosY();
        badge(log.level.c_str(), color);
        ImGui::SameLine(px(72));
        ImGui::SetCursorPosY(row_y + (px(20) - ImGui::GetTextLineHeight()) * 0.5f);
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - when_w - px(16));
        ImGui::TextUnformatted(log.message.c_str());
        ImGui::PopTextWrapPos();
        registry_add_text(Role::Text, log.message.c_str());
        ImGui::SameLine(ImGui::GetContentRegionMax().x - when_w);
        text_muted(when.c_str());
        if (t && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", clock_time(*t).c_str());
        ImGui::Dummy(ImVec2(0, px(6)));
    }
    const std::string page =
        "Page " + std::to_string(c.log_page + 1) + " of " + std::to_string(pages);
    if (button("Previous page", {ButtonKind::Secondary, nullptr,
                                 c.log_page == 0 ? "This is the first page." : nullptr}))
        --c.log_page;
    ImGui::SameLine(0, px(8));
    if (button("Next page", {ButtonKind::Secondary, nullptr,
                             c.log_page + 1 >= pages ? "This is the last page." : nullptr}))
        ++c.log_page;
    ImGui::SameLine(0, px(12));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + px(7));
    live_text(page.c_str(), colors().text_muted);
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - px(7));
    if (button("Refresh log", {ButtonKind::Ghost, OZ_ICON_REFRESH})) load_logs(d);
}

// [SECTION] Danger zone
void danger_tab(Dialog& d) {
    OktaConfigState& c = d.c;
    heading("Delete the Okta integration", Font::Medium);
    text_wrapped_muted(
        "Okta stops provisioning users and groups, and its token stops working. "
        "Users and groups already provisioned stay in openZro.");
    ImGui::Dummy(ImVec2(0, px(8)));
    const char* reason = okta_denied(d.state.data, "integrations", "delete");
    if (!reason && c.removal.busy) reason = "Deleting...";
    if (button("Delete integration", {ButtonKind::Danger, OZ_ICON_TRASH, reason}))
        confirm_open(c.confirm, "Delete the Okta integration?",
                     "Okta stops provisioning at once. This cannot be undone.", "Delete",
                     kConfirmDelete, true);
    if (c.removal.error)
        error_banner("Could not delete the integration", *c.removal.error, nullptr);
}

void delete_integration(Dialog& d) {
    OktaConfigState& c = d.c;
    if (!d.context.services.api) return;
    c.removal.start();
    d.context.services.api->delete_scim_integration(
        c.scope, c.id,
        [&state = d.state, &services = d.context.services](openzro::Result<openzro::Done> r) {
            OktaConfigState& cs = state.config;
            auto* v = cs.removal.finish(r);
            if (!v) return;
            auto& list = state.data.integrations.value;
            list.erase(std::remove_if(list.begin(), list.end(),
                                      [id = cs.id](const auto& i) { return i.id == id; }),
                       list.end());
            cs.open = false;
            toast_push(*services.toasts, ToastKind::Success, "Okta integration deleted");
        });
}

void save(Dialog& d) {
    OktaConfigState& c = d.c;
    if (!d.context.services.api || c.save.busy) return;
    c.save.start();
    openzro::UpdateOktaScimIntegrationRequest request;
    request.group_prefixes = c.group_prefixes;
    request.user_group_prefixes = c.user_group_prefixes;
    d.context.services.api->update_scim_integration(
        c.scope, c.id, request,
        [&state = d.state,
         &services = d.context.services](openzro::Result<openzro::OktaScimIntegration> r) {
            OktaConfigState& cs = state.config;
            auto* v = cs.save.finish(r);
            if (!v) return;  // the edits stay in the dialog
            for (auto& i : state.data.integrations.value)
                if (i.id == v->id) {
                    i.group_prefixes = v->group_prefixes;
                    i.user_group_prefixes = v->user_group_prefixes;
                }
            cs.group_prefixes = v->group_prefixes;
            cs.user_group_prefixes = v->user_group_prefixes;
            toast_push(*services.toasts, ToastKind::Success, "Okta sync settings saved");
        });
}

void footer(Dialog& d, bool& close) {
    OktaConfigState& c = d.c;
    ImGui::Dummy(ImVec2(0, px(4)));
    modal_separator();
    ImGui::Dummy(ImVec2(0, px(12)));
    const float w = ImGui::GetContentRegionAvail().x;
    if (c.save.error) {
        error_banner("Could not save the sync settings", *c.save.error, nullptr);
        ImGui::Dummy(ImVec2(0, px(8)));
    }
    ImFont* f = font(Font::Medium);
    const float save_w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "Save changes").x + px(24);
    const float close_w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "Close").x + px(24);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + w - save_w - close_w - px(8));
    if (button("Close##config", {ButtonKind::Secondary})) close = true;
    ImGui::SameLine(0, px(8));
    const bool empty_prefix =
        std::any_of(c.group_prefixes.begin(), c.group_prefixes.end(),
                    [](const std::string& p) { return p.empty(); }) ||
        std::any_of(c.user_group_prefixes.begin(), c.user_group_prefixes.end(),
                    [](const std::string& p) { return p.empty(); });
    const char* reason = okta_denied(d.state.data, "integrations", "update");
    if (!reason && c.save.busy) reason = "Saving...";
    if (!reason && !changed(d)) reason = "Nothing changed yet.";
    if (!reason && empty_prefix) reason = "Fill in or remove the empty prefix rows.";
    if (button("Save changes", {ButtonKind::Primary, nullptr, reason})) save(d);
}

}  // namespace

void okta_config_open(IntegrationsPageState& state, std::int64_t id) {
    const openzro::OktaScimIntegration* integration = okta_find_integration(state.data, id);
    if (!integration) return;
    OktaConfigState& c = state.config;
    c = OktaConfigState{};
    c.open = true;
    c.id = id;
    c.group_prefixes = integration->group_prefixes;
    c.user_group_prefixes = integration->user_group_prefixes;
}

void okta_config(IntegrationsPageState& state, PageContext& context) {
    OktaConfigState& c = state.config;
    if (!c.open) return;
    const openzro::OktaScimIntegration* integration = okta_find_integration(state.data, c.id);
    if (!integration) {
        c.open = false;
        return;
    }
    Dialog d{state, context, c, *integration};
    if (!modal_begin(kPopup, 640, "Okta integration")) return;

    // Header and tabs
    okta_logo(32);
    ImGui::SameLine(0, px(12));
    ImGui::BeginGroup();
    heading("Okta integration", Font::Section);
    ImGui::PushFont(font(Font::Small));
    text_muted("Provisioning over SCIM 2.0");
    ImGui::PopFont();
    ImGui::EndGroup();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - px(32));
    bool close = icon_button("close", OZ_ICON_CLOSE, "Close configuration");
    ImGui::Dummy(ImVec2(0, px(4)));
    static const char* const kTabs[] = {"Settings",  "Single sign-on", "Group sync",
                                        "User sync", "Sync log",       "Danger zone"};
    int tab = static_cast<int>(c.tab);
    const bool tab_changed = tabs("config-tabs", kTabs, 6, tab);
    if (tab_changed) {
        c.tab = static_cast<OktaConfigTab>(tab);
        if (c.tab == OktaConfigTab::SyncLog) load_logs(d);
    }
    context.actions.wake_after =
        earliest_wake(context.actions.wake_after, modal_settle(tab_changed, c.settle_frames));
    ImGui::Dummy(ImVec2(0, px(12)));

    // Body
    ImGui::SetNextWindowSizeConstraints(
        ImVec2(0, px(200)), ImVec2(FLT_MAX, modal_body_max_height(kHeaderFooterHeight)));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, 0);
    ImGui::BeginChild("##config-body", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY,
                      ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleColor();
    switch (c.tab) {
        case OktaConfigTab::Settings:
            settings_tab(d);
            break;
        case OktaConfigTab::SingleSignOn:
            okta_config_sso_tab(state, context);
            break;
        case OktaConfigTab::GroupSync:
            prefix_tab(c.group_prefixes, kGroupPrefixes);
            break;
        case OktaConfigTab::UserSync:
            prefix_tab(c.user_group_prefixes, kUserGroupPrefixes);
            break;
        case OktaConfigTab::SyncLog:
            log_tab(d);
            break;
        case OktaConfigTab::DangerZone:
            danger_tab(d);
            break;
    }
    ImGui::EndChild();
    footer(d, close);

    // Closing and confirmations
    // The confirmation is drawn before a new one opens: the Escape that opens it must not also
    // answer it.
    const bool asking = c.confirm.open;
    if (confirm_draw(c.confirm) == ConfirmResult::Confirmed) {
        if (c.confirm.action == kConfirmRegenerate)
            regenerate(d);
        else if (c.confirm.action == kConfirmDelete)
            delete_integration(d);
        else
            c.open = false;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) &&
        ImGui::GetCurrentContext()->ActiveIdPreviousFrame == 0 && !asking)
        close = true;
    if (close) {
        if (changed(d))
            confirm_open(c.confirm, "Discard your changes?",
                         "The prefixes you edited are not saved yet.", "Discard", kConfirmDiscard,
                         true);
        else
            c.open = false;
    }
    if (!c.open) {
        c.new_token.clear();  // shown once: gone with the dialog
        c.new_secret.clear();
        ImGui::CloseCurrentPopup();
    }
    context.actions.wake_after = earliest_wake(
        context.actions.wake_after,
        earliest_wake(copy_field_pending(c.url_copy), copy_field_pending(c.token_copy)));
    modal_end();
}

}  // namespace ui
