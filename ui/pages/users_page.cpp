// #/team/users: the users of the account, as Okta provisions them. Layout: header with the count,
// toolbar (search, filters, refresh, export), chips, then the table with the detail panel at the
// right; a skeleton while the first list loads, an empty state that points to Connect Okta, an
// error with retry that keeps what was shown.
#include "ui/pages/users_page.h"

#include <imgui.h>

#include "ui/icons.h"
#include "ui/pages/users/users_actions.h"
#include "ui/pages/users/users_detail.h"
#include "ui/pages/users/users_load.h"
#include "ui/pages/users/users_rules.h"
#include "ui/pages/users/users_table.h"
#include "ui/pages/users/users_toolbar.h"
#include "ui/widgets.h"
#include "ui/widgets/error_banner.h"

namespace ui {

namespace {

constexpr double kSearchToRouteSeconds = 0.6;  // typing pauses this long before ?q= follows
constexpr float kDetailCss = 360;

// The route is the source of truth for filters and sort; the search field leads ?q= while typing.
void sync_query(UsersPageState& state, const PageContext& context) {
    UsersQuery q = query_from_route(context.route);
    if (q.search != state.route_search) {  // deep link, back, forward, or our own push landing
        state.route_search = q.search;
        state.search = q.search;
        state.search_edited_at = -1;
    }
    q.search = state.search;
    state.query = q;
}

// After a pause in typing, the search goes into the route (reload and links keep it).
void search_to_route(UsersPageState& state, PageContext& context) {
    if (state.search_edited_at < 0 || state.search == state.route_search) return;
    const double left = kSearchToRouteSeconds - (ImGui::GetTime() - state.search_edited_at);
    if (left > 0) {
        context.actions.wake_after = earliest_wake(context.actions.wake_after, left);
    } else if (context.actions.navigate_hash.empty()) {
        users_show(context, state.query);
        // Refining a search replaces its history entry: Back leaves the search, not one pause.
        context.actions.replace_history = !state.route_search.empty() && !state.search.empty();
        state.search_edited_at = -1;
    }
}

// The failed load in words, with the request id; what was shown before stays below it.
void load_failed(UsersPageState& state, PageContext& context) {
    if (error_banner(state.list.loaded ? "Couldn't refresh the users: showing the last list loaded."
                                       : "Couldn't load the users.",
                     *state.list.error))
        users_load(state, context.services, openzro::Api::Freshness::kNetwork);
    ImGui::Dummy(ImVec2(0, px(8)));
}

// A card that holds the table, or the skeleton, or an empty state.
void card(const char* id, ImVec2 size, bool padded) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors().surface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padded ? ImVec2(px(16), 0) : ImVec2(0, 0));
    ImGui::BeginChild(id, size, ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void body(UsersPageState& state, PageContext& context) {
    // A member: the list is not theirs to see, which is no failure to retry.
    if (const char* refused = users_read_refused(state.me.get())) {
        card("##users-refused", ImVec2(0, 0), true);
        empty_state(OZ_ICON_BAN, refused);
        ImGui::EndChild();
        return;
    }
    if (state.list.error) load_failed(state, context);
    if (!state.list.loaded) {
        if (state.list.error) return;
        card("##users-loading", ImVec2(0, 0), true);
        ImGui::Dummy(ImVec2(0, px(40)));
        users_table_skeleton(8);
        ImGui::EndChild();
        return;
    }
    const UsersIndex& x = state.index;
    const bool okta_only = state.query.source == UserSource::Okta;
    if (x.live == 0 || (okta_only && x.okta == 0)) {
        card("##users-empty", ImVec2(0, 0), true);
        if (empty_state(OZ_ICON_USERS,
                        x.live == 0 ? "No users yet. Connect Okta to provision your team from "
                                      "your identity provider."
                                    : "No users from Okta yet. Connect Okta and assign the "
                                      "openZro app to people or groups: they appear here as "
                                      "Okta pushes them.",
                        "Connect Okta"))
            context.actions.navigate_hash = route_hash(Page::Integrations);
        ImGui::EndChild();
        return;
    }
    if (x.view.empty()) {
        card("##users-none", ImVec2(0, 0), true);
        if (empty_state(OZ_ICON_SEARCH, "No users match these filters.", "Reset filters##empty")) {
            UsersQuery cleared;
            state.search.clear();
            users_show(context, cleared);
        }
        ImGui::EndChild();
        return;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool detail = !state.selected.empty();
    const float table_w = detail ? avail.x - px(kDetailCss) - px(16) : avail.x;
    card("##users-card", ImVec2(table_w, avail.y), false);
    users_table(state, context, ImVec2(0, 0));
    ImGui::EndChild();
    if (detail) {
        ImGui::SameLine(0, px(16));
        users_detail(state, context, ImVec2(px(kDetailCss), avail.y));
    }
}

}  // namespace

void users_page(UsersPageState& state, PageContext& context) {
    sync_query(state, context);
    if (context.entered)
        users_load(state, context.services,
                   state.list.loaded ? openzro::Api::Freshness::kNetwork
                                     : openzro::Api::Freshness::kCacheFirst);
    users_live_refresh(state, context);

    const std::string title = state.list.loaded ? with_thousands(state.index.live) +
                                                      (state.index.live == 1 ? " User" : " Users")
                                                : std::string("Users");
    page_header("Team  >  Users", title.c_str(),
                "Everyone in your account, including the people Okta provisions over SCIM.");
    users_toolbar(state, context);
    index_apply(state.index, state.query);  // in the keystroke's own frame: the view never lags
    ImGui::Dummy(ImVec2(0, px(4)));
    users_filter_chips(state, context);
    ImGui::Dummy(ImVec2(0, px(8)));
    body(state, context);
    draw_user_confirm(state, context.services);
    search_to_route(state, context);
    // Opening or closing the detail panel changes the layout after it was drawn: one more
    // frame, or an idle app would show (and hit-test) the old layout until the next input.
    if (state.selected != state.drawn_selected) {
        state.drawn_selected = state.selected;
        context.actions.wake_after = earliest_wake(context.actions.wake_after, 0);
    }
}

}  // namespace ui
