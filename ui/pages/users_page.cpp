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
void sync_query(UsersPageState& s, const PageContext& ctx) {
    UsersQuery q = query_from_route(ctx.route);
    if (q.search != s.route_search) {  // deep link, back, forward, or our own push landing
        s.route_search = q.search;
        s.search = q.search;
        s.search_edited_at = -1;
    }
    q.search = s.search;
    s.query = q;
}

// After a pause in typing, the search goes into the route (reload and links keep it).
void search_to_route(UsersPageState& s, PageContext& ctx) {
    if (s.search_edited_at < 0 || s.search == s.route_search) return;
    const double left = kSearchToRouteSeconds - (ImGui::GetTime() - s.search_edited_at);
    if (left > 0) {
        ctx.actions.wake_after = earliest_wake(ctx.actions.wake_after, left);
    } else if (ctx.actions.navigate_hash.empty()) {
        users_show(ctx, s.query);
        // Refining a search replaces its history entry: Back leaves the search, not one pause.
        ctx.actions.replace_history = !s.route_search.empty() && !s.search.empty();
        s.search_edited_at = -1;
    }
}

// The failed load in words, with the request id; what was shown before stays below it.
void load_failed(UsersPageState& s, PageContext& ctx) {
    if (error_banner(s.list.loaded ? "Couldn't refresh the users: showing the last list loaded."
                                   : "Couldn't load the users.",
                     *s.list.error))
        users_load(s, ctx.services, openzro::Api::Freshness::kNetwork);
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

void body(UsersPageState& s, PageContext& ctx) {
    // A member: the list is not theirs to see, which is no failure to retry.
    if (const char* refused = users_read_refused(s.me.get())) {
        card("##users-refused", ImVec2(0, 0), true);
        empty_state(OZ_ICON_BAN, refused);
        ImGui::EndChild();
        return;
    }
    if (s.list.error) load_failed(s, ctx);
    if (!s.list.loaded) {
        if (s.list.error) return;
        card("##users-loading", ImVec2(0, 0), true);
        ImGui::Dummy(ImVec2(0, px(40)));
        users_table_skeleton(8);
        ImGui::EndChild();
        return;
    }
    const UsersIndex& x = s.index;
    const bool okta_only = s.query.source == UserSource::Okta;
    if (x.live == 0 || (okta_only && x.okta == 0)) {
        card("##users-empty", ImVec2(0, 0), true);
        if (empty_state(OZ_ICON_USERS,
                        x.live == 0 ? "No users yet. Connect Okta to provision your team from "
                                      "your identity provider."
                                    : "No users from Okta yet. Connect Okta and assign the "
                                      "openZro app to people or groups: they appear here as "
                                      "Okta pushes them.",
                        "Connect Okta"))
            ctx.actions.navigate_hash = route_hash(Page::Integrations);
        ImGui::EndChild();
        return;
    }
    if (x.view.empty()) {
        card("##users-none", ImVec2(0, 0), true);
        if (empty_state(OZ_ICON_SEARCH, "No users match these filters.", "Reset filters##empty")) {
            UsersQuery cleared;
            s.search.clear();
            users_show(ctx, cleared);
        }
        ImGui::EndChild();
        return;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool detail = !s.selected.empty();
    const float table_w = detail ? avail.x - px(kDetailCss) - px(16) : avail.x;
    card("##users-card", ImVec2(table_w, avail.y), false);
    users_table(s, ctx, ImVec2(0, 0));
    ImGui::EndChild();
    if (detail) {
        ImGui::SameLine(0, px(16));
        users_detail(s, ctx, ImVec2(px(kDetailCss), avail.y));
    }
}

}  // namespace

void users_page(UsersPageState& s, PageContext& ctx) {
    sync_query(s, ctx);
    if (ctx.entered)
        users_load(s, ctx.services,
                   s.list.loaded ? openzro::Api::Freshness::kNetwork
                                 : openzro::Api::Freshness::kCacheFirst);
    users_live_refresh(s, ctx);

    const std::string title =
        s.list.loaded ? with_thousands(s.index.live) + (s.index.live == 1 ? " User" : " Users")
                      : std::string("Users");
    page_header("Team  >  Users", title.c_str(),
                "Everyone in your account, including the people Okta provisions over SCIM.");
    users_toolbar(s, ctx);
    index_apply(s.index, s.query);  // in the keystroke's own frame: the view never lags
    ImGui::Dummy(ImVec2(0, px(4)));
    users_filter_chips(s, ctx);
    ImGui::Dummy(ImVec2(0, px(8)));
    body(s, ctx);
    draw_user_confirm(s, ctx.services);
    search_to_route(s, ctx);
    // Opening or closing the detail panel changes the layout after it was drawn: one more
    // frame, or an idle app would show (and hit-test) the old layout until the next input.
    if (s.selected != s.drawn_selected) {
        s.drawn_selected = s.selected;
        ctx.actions.wake_after = earliest_wake(ctx.actions.wake_after, 0);
    }
}

}  // namespace ui
