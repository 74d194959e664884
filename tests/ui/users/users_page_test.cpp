// The Users page through the real app: loading, table, search, filters, sort, route, export,
// empty and error states, the automatic refresh and 100,000 users.
#include <gtest/gtest.h>

#include <ctime>

#include "ui/draw_damage.h"
#include "ui/draw_stats.h"
#include "ui/pages/users/users_load.h"
#include "users_harness.h"

using harness::Harness;
using namespace users_test;

TEST(UsersPage, ListsTheUsersWithRowsAndActions) {
    auto server = standard_account();
    auto h = open_users(server);
    EXPECT_TRUE(h->app.users.list.loaded);
    for (const char* email : {"owner@example.com", "alice@example.com", "jane@example.com",
                              "bob@example.com", "ivan@example.com", "pat@example.com"}) {
        EXPECT_NE(h->find(std::string("Open ") + email), nullptr) << email;
        EXPECT_NE(h->find(std::string("Actions for ") + email), nullptr) << email;
    }
    // GET /users asks for people only.
    bool asked = false;
    for (const auto& s : h->http.sent())
        asked |= s.request.url.find("/api/users?service_user=false") != std::string::npos;
    EXPECT_TRUE(asked);
    EXPECT_EQ(h->app.users.index.group_names.at("g-eng"), "Engineering");
}

TEST(UsersPage, SkeletonWhileTheFirstListLoads) {
    auto server = standard_account();
    harness::HarnessConfig config;
    config.route_hash = "#/team/users";
    config.responder =
        [server](const openzro::HttpRequest& r) -> std::optional<openzro::HttpResponse> {
        if (r.url.find("/api/users?") != std::string::npos) return std::nullopt;  // pending
        return server->answer(r);
    };
    Harness h(config);
    h.settle();
    EXPECT_FALSE(h.app.users.list.loaded);
    EXPECT_NE(h.find("Search users"), nullptr);
    EXPECT_EQ(h.find("Retry"), nullptr);
    EXPECT_EQ(h.find("Connect Okta"), nullptr);
}

TEST(UsersPage, SearchAsYouTypeThenIntoTheRoute) {
    auto h = open_users(standard_account());
    ASSERT_TRUE(h->click("Search users"));
    h->type("JANE");
    EXPECT_EQ(view_ids(*h), std::vector<std::string>{"u-jane"});  // same frame, no wait
    EXPECT_NE(h->find("Open jane@example.com"), nullptr);
    EXPECT_EQ(h->find("Open bob@example.com"), nullptr);
    h->advance(1.0);
    EXPECT_EQ(h->history.back(), "#/team/users?q=JANE");
    for (int i = 0; i < 4; ++i) h->press(ImGuiKey_Backspace);
    EXPECT_EQ(view_ids(*h).size(), 6u);
}

// Pauses while typing refine one history entry: Back leaves the search in one step.
TEST(UsersPage, RefiningASearchReplacesItsHistoryEntry) {
    auto h = open_users(standard_account());
    const std::size_t before = h->history.size();
    ASSERT_TRUE(h->click("Search users"));
    h->type("ja");
    h->advance(1.0);
    h->type("ne");
    h->advance(1.0);
    ASSERT_EQ(h->history.size(), before + 1);
    EXPECT_EQ(h->history.back(), "#/team/users?q=jane");
    h->back();
    EXPECT_EQ(h->app.users.search, "");
    EXPECT_EQ(view_ids(*h).size(), 6u);
    h->type("bob");  // the field kept the focus, and starts from the restored text
    EXPECT_EQ(h->app.users.search, "bob");
    EXPECT_EQ(view_ids(*h), std::vector<std::string>{"u-bob"});
}

TEST(UsersPage, FilterMenusChipsAndReset) {
    auto h = open_users(standard_account());
    ASSERT_TRUE(h->click("Filter by Status"));
    ASSERT_TRUE(h->click("Status Blocked"));
    EXPECT_EQ(h->history.back(), "#/team/users?status=blocked");
    EXPECT_EQ(view_ids(*h), std::vector<std::string>{"u-bob"});
    ASSERT_NE(h->find("Remove filter Status: Blocked"), nullptr);

    ASSERT_TRUE(h->click("Filter by Role"));
    ASSERT_TRUE(h->click("Role User"));
    EXPECT_EQ(h->history.back(), "#/team/users?status=blocked&role=user");
    ASSERT_TRUE(h->click("Remove filter Status: Blocked"));
    EXPECT_EQ(h->history.back(), "#/team/users?role=user");
    EXPECT_EQ(view_ids(*h), (std::vector<std::string>{"u-bob", "u-ivan", "u-jane"}));

    ASSERT_TRUE(h->click("Filter by Group"));
    ASSERT_TRUE(h->click("Group Sales"));
    EXPECT_EQ(view_ids(*h), (std::vector<std::string>{"u-bob", "u-jane"}));
    ASSERT_NE(h->find("Remove filter Group: Sales"), nullptr);  // the name, not the id

    ASSERT_TRUE(h->click("Filter by Source"));
    ASSERT_TRUE(h->click("Source Okta"));
    EXPECT_EQ(view_ids(*h), std::vector<std::string>{"u-jane"});
    EXPECT_EQ(h->history.back(), "#/team/users?role=user&group=g-sales&source=okta");

    h->back();  // the previous view comes back
    EXPECT_EQ(view_ids(*h), (std::vector<std::string>{"u-bob", "u-jane"}));

    ASSERT_TRUE(h->click("Reset filters"));
    EXPECT_EQ(h->history.back(), "#/team/users");
    EXPECT_EQ(view_ids(*h).size(), 6u);
}

TEST(UsersPage, RouteFiltersOpenAFilteredView) {
    auto h = open_users(standard_account(), "#/team/users?source=okta");
    EXPECT_EQ(view_ids(*h), (std::vector<std::string>{"u-jane", "u-pat"}));
    EXPECT_NE(h->find("Remove filter Source: Okta"), nullptr);
    h->navigate("#/team/users?status=pending_approval&q=pat");
    EXPECT_EQ(view_ids(*h), std::vector<std::string>{"u-pat"});
    EXPECT_EQ(h->find("Search users")->value, "pat");
}

TEST(UsersPage, HeaderSortsAndRemembersInTheRoute) {
    auto h = open_users(standard_account());
    ASSERT_TRUE(h->click("Sort by Last login"));
    EXPECT_EQ(h->history.back(), "#/team/users?sort=last_login");
    EXPECT_EQ(view_ids(*h), (std::vector<std::string>{"u-bob", "u-ivan", "u-pat", "u-admin",
                                                      "u-jane", "u-owner"}));
    ASSERT_TRUE(h->click("Sort by Last login"));
    EXPECT_EQ(h->history.back(), "#/team/users?sort=-last_login");
    EXPECT_TRUE(h->find("Sort by Last login")->state & ui::ItemState_Selected);
    EXPECT_EQ(view_ids(*h), (std::vector<std::string>{"u-owner", "u-jane", "u-admin", "u-bob",
                                                      "u-ivan", "u-pat"}));
    // A reload is a new app on the same hash.
    auto again = open_users(standard_account(), h->history.back());
    EXPECT_EQ(view_ids(*again), view_ids(*h));
}

TEST(UsersPage, ExportsTheFilteredViewAsCsv) {
    auto h = open_users(standard_account(), "#/team/users?group=g-sales&sort=-name");
    ASSERT_TRUE(h->click("Export CSV"));
    ASSERT_EQ(h->downloads.size(), 1u);
    const ui::Download& d = h->downloads.back();
    EXPECT_EQ(d.filename, "openzro-users.csv");
    EXPECT_EQ(d.mime_type, "text/csv;charset=utf-8");
    EXPECT_EQ(
        d.content,
        "\xEF\xBB\xBFName,Email,Role,Status,Groups,Source,Last login,ID\r\n"
        "Pat Pending,pat@example.com,Auditor,Pending approval,\"Engineering; Sales; "
        "Operations\",Okta,Never,u-pat\r\n"
        "Jane Doe,jane@example.com,User,Active,\"Engineering; Sales\",Okta,2026-11-28T05:00:00Z,"
        "u-jane\r\n"
        "Bob Blocked,bob@example.com,User,Blocked,Sales,openZro,Never,u-bob\r\n");
}

TEST(UsersPage, EmptyAccountPointsToConnectOkta) {
    auto server = standard_account();
    server->users.clear();
    auto h = open_users(server);
    ASSERT_TRUE(h->click("Connect Okta"));
    EXPECT_EQ(h->app.route.page, ui::Page::Integrations);
    EXPECT_EQ(h->history.back(), "#/integrations");
}

TEST(UsersPage, NoOktaUsersYetPointsToConnectOkta) {
    auto server = standard_account();
    server->users.resize(2);  // owner and admin: nobody from Okta
    auto h = open_users(server, "#/team/users?source=okta");
    EXPECT_NE(h->find("Connect Okta"), nullptr);
}

TEST(UsersPage, NoMatchOffersReset) {
    auto h = open_users(standard_account(), "#/team/users?q=nobody-like-this");
    ASSERT_TRUE(h->click("Reset filters"));
    EXPECT_EQ(view_ids(*h).size(), 6u);
}

TEST(UsersPage, LoadErrorWithRetry) {
    auto server = standard_account();
    server->fail_users = 500;
    auto h = open_users(server);
    EXPECT_FALSE(h->app.users.list.loaded);
    ASSERT_TRUE(h->app.users.list.error.has_value());
    EXPECT_NE(h->app.users.list.error->summary().find("the users store is unavailable"),
              std::string::npos);
    server->fail_users = 0;
    ASSERT_TRUE(h->click_and_settle("Retry"));
    EXPECT_TRUE(h->app.users.list.loaded);
    EXPECT_NE(h->find("Open jane@example.com"), nullptr);
    EXPECT_EQ(h->find("Retry"), nullptr);
}

TEST(UsersPage, FailedRefreshKeepsTheList) {
    auto server = standard_account();
    auto h = open_users(server);
    server->fail_users = 503;
    ASSERT_TRUE(h->click("Refresh users"));
    h->advance(8);  // the Api retries reads before it gives up
    EXPECT_TRUE(h->app.users.list.error.has_value());
    EXPECT_NE(h->find("Retry"), nullptr);
    EXPECT_NE(h->find("Open jane@example.com"), nullptr);
}

TEST(UsersPage, RefreshShowsNewUsers) {
    auto server = standard_account();
    auto h = open_users(server);
    server->users.push_back(make_user("u-new", "Nora New", "nora@example.com", "user", "active",
                                      "integration", {"g-eng"}));
    ASSERT_TRUE(h->click_and_settle("Refresh users"));
    EXPECT_NE(h->find("Open nora@example.com"), nullptr);
}

namespace {

// RFC 3339 for a moment `ago` seconds before the real clock (the first poll reads it).
std::string seconds_ago(std::time_t ago) {
    const std::time_t t = std::time(nullptr) - ago;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return out;
}

// Straight onto the Users page, so only its own polls count.
std::unique_ptr<Harness> users_first(std::shared_ptr<FakeServer> server) {
    harness::HarnessConfig config;
    config.route_hash = "#/team/users";
    config.responder = responder(std::move(server));
    auto h = std::make_unique<Harness>(config);
    h->settle();
    return h;
}

}  // namespace

TEST(UsersPage, RefreshesWhileOktaPushesThenGoesIdle) {
    auto server = standard_account();
    openzro::OktaScimIntegration okta;
    okta.id = 1;
    okta.enabled = true;
    okta.last_synced_at = seconds_ago(30);  // the wizard is running
    server->integrations = {okta};
    auto h = users_first(server);
    EXPECT_EQ(server->integration_gets, 1);
    const int gets = server->users_gets;
    EXPECT_GT(h->last.wake_after, 0);  // keeps polling

    h->advance(5.2);  // nothing new: a poll, no reload
    EXPECT_EQ(server->integration_gets, 2);
    EXPECT_EQ(server->users_gets, gets);

    server->users.push_back(make_user("u-okta", "Oscar Okta", "oscar@example.com", "user", "active",
                                      "integration", {"g-sales"}));
    server->integrations[0].last_synced_at = seconds_ago(1);
    h->advance(5.2);
    h->settle();
    EXPECT_EQ(server->users_gets, gets + 1);
    EXPECT_NE(h->find("Open oscar@example.com"), nullptr);

    h->advance(ui::kLiveWatchSeconds + 6);
    const int polls = server->integration_gets;
    h->settle();
    EXPECT_LT(h->last.wake_after, 0);  // idle: the app sleeps
    h->advance(30);
    EXPECT_EQ(server->integration_gets, polls);
}

TEST(UsersPage, OldSyncMeansNoPolling) {
    auto server = standard_account();
    openzro::OktaScimIntegration okta;
    okta.id = 1;
    okta.enabled = true;
    okta.last_synced_at = seconds_ago(3600);
    server->integrations = {okta};
    auto h = users_first(server);
    EXPECT_EQ(server->integration_gets, 1);
    EXPECT_LT(h->last.wake_after, 0);
}

TEST(UsersPage, NoPollingWithoutOkta) {
    auto server = standard_account();
    auto h = users_first(server);
    EXPECT_EQ(server->integration_gets, 1);
    EXPECT_LT(h->last.wake_after, 0);
}

// Software WebGL pays for every pixel filled: a full table draws each pixel about once (the
// page's background and the card behind the table used to be filled again: 3.3 screens).
TEST(UsersPage, AFullTableFillsTheScreenAboutOnce) {
    auto server = standard_account();
    server->users_body = many_users_json(1000);
    auto h = open_users(server);
    ASSERT_TRUE(h->app.users.list.loaded);
    EXPECT_LT(ui::draw_stats(ImGui::GetDrawData()).overdraw, 1.1);
}

TEST(UsersPage, HundredThousandUsers) {
    auto server = standard_account();
    server->users_body = many_users_json(100000);
    auto h = open_users(server);
    ASSERT_FALSE(h->app.users.list.error.has_value()) << h->app.users.list.error->summary();
    ASSERT_TRUE(h->app.users.list.loaded);
    EXPECT_EQ(h->app.users.index.live, 100000u);
    EXPECT_EQ(h->app.users.index.view.size(), 100000u);
    ASSERT_TRUE(h->click("Search users"));
    h->type("grace hopper 1");
    // Grace Hopper is every i ending in 11; " 1" keeps 11, 111, 1x11 and 1xx11.
    EXPECT_EQ(h->app.users.index.view.size(), 112u);
    h->press(ImGuiKey_Backspace);
    EXPECT_EQ(h->app.users.index.view.size(), 1000u);
    ASSERT_TRUE(h->click("Sort by Last login"));
    ASSERT_TRUE(h->click("Filter by Status"));
    ASSERT_TRUE(h->click("Status Blocked"));
    EXPECT_FALSE(h->app.users.index.view.empty());
    for (std::uint32_t i : h->app.users.index.view)
        EXPECT_EQ(h->app.users.index.rows[i].status, ui::UserStatus::Blocked);
}

// Scrolling changes the table only: the browser redraws that rectangle over the card's
// background (cleared to its colour, not filled again) and keeps the sidebar and the header.
TEST(UsersPage, ScrollingRedrawsOnlyTheTable) {
    auto server = standard_account();
    server->users_body = many_users_json(1000);
    auto h = open_users(server);
    ui::DrawDamage damage;
    ui::take_damage(damage, *ImGui::GetDrawData());
    const ui::Item* header = h->find("Sort by Name");
    ASSERT_NE(header, nullptr);
    ImGui::GetIO().AddMousePosEvent(header->min.x + 20, header->max.y + 100);
    ImGui::GetIO().AddMouseWheelEvent(0, -3);
    h->settle();
    const ImDrawData& data = *ImGui::GetDrawData();
    const ui::DamageRect d = ui::take_damage(damage, data);
    ASSERT_FALSE(d.empty());
    const double share = static_cast<double>((d.x1 - d.x0) * (d.y1 - d.y0)) /
                         static_cast<double>(data.DisplaySize.x * data.DisplaySize.y);
    EXPECT_LT(share, 0.6);
    EXPECT_GT(d.x0, ui::px(200));  // not the sidebar
    EXPECT_GT(d.y0, ui::px(150));  // not the title and the toolbar
    // All but the rows of the card's round corners.
    const ui::DrawCover cover = ui::find_cover(data, d);
    EXPECT_GE(cover.list, 0);
    EXPECT_EQ(cover.color, h->app.theme.palette.surface);
    EXPECT_GT(cover.y1 - cover.y0, (d.y1 - d.y0) * 9 / 10);
}
