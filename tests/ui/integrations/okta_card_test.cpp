// The Okta card of the Integrations page: states, permissions, the enabled switch, the last
// sync and error, and every load failing once then retried.
#include <gtest/gtest.h>

#include <ctime>

#include "okta_test_util.h"

using namespace testing_okta;

namespace {

// An integration that finished setup, with a success 3 minutes ago.
void connected(FakeOktaServer& s, bool enabled = true) {
    s.add_setup(7, enabled, "nbs_abcdefghijklmnop");
    s.add_log(7, "info", "created user jane@acme.com", 180);
}

}  // namespace

TEST(OktaCard, NotConnectedOffersConnectOkta) {
    FakeOktaServer s;
    auto h = open_app(s);
    ASSERT_TRUE(shown(*h, "Not connected"));
    ASSERT_NE(h->find("Connect Okta"), nullptr);
    EXPECT_FALSE(disabled(*h, "Connect Okta"));
    ASSERT_TRUE(h->click_and_settle("Connect Okta"));
    EXPECT_EQ(h->history.back(), "#/integrations?setup=okta&step=1");
}

TEST(OktaCard, WithoutPermissionConnectIsDisabledAndSaysWhy) {
    FakeOktaServer s;
    s.me = auditor_user();
    auto h = open_app(s);
    EXPECT_TRUE(disabled(*h, "Connect Okta"));
    ASSERT_TRUE(h->click_and_settle("Connect Okta"));
    EXPECT_FALSE(ui::route_query_value(h->app.route, "setup"));
}

// A member (role `user`: restricted, no module readable, as the server reports it) is refused
// the integration: the card says who sets up Okta, with no failed load, Retry or Connect.
TEST(OktaCard, AMemberIsToldWhoSetsUpOkta) {
    FakeOktaServer s;
    s.me = auditor_user();
    s.me.role = "user";
    s.me.permissions->modules.clear();
    s.fail("GET /integrations/okta-scim-idp", 10);  // the server answers 403 to a member
    auto h = open_app(s);
    EXPECT_TRUE(shown(*h, "Managed by admins"));
    EXPECT_TRUE(h->shows_text("An account owner or an admin sets up Okta"));
    EXPECT_EQ(h->find("Retry"), nullptr);
    EXPECT_EQ(h->find("Connect Okta"), nullptr);
}

TEST(OktaCard, ConnectedShowsSwitchLastSyncAndGear) {
    FakeOktaServer s;
    connected(s);
    auto h = open_app(s);
    ASSERT_TRUE(shown(*h, "Connected"));
    const ui::Item* sw = h->find("Sync enabled");
    ASSERT_NE(sw, nullptr);
    EXPECT_EQ(sw->role, ui::Role::Switch);
    EXPECT_TRUE(sw->state & ui::ItemState_Checked);
    EXPECT_TRUE(shown(*h, "Synced 3 minutes ago"));
    EXPECT_EQ(find_prefix(*h, "Last error"), nullptr);
    EXPECT_NE(h->find("Configure Okta"), nullptr);
    EXPECT_EQ(h->find("Connect Okta"), nullptr);
}

// "Synced ... ago" reads the app's wall clock (Services::unix_now), so tests can pin it.
TEST(OktaCard, SyncTimesFollowTheAppsWallClock) {
    FakeOktaServer s;
    connected(s);
    auto h = open_app(s);
    ASSERT_TRUE(shown(*h, "Synced 3 minutes ago"));
    const std::int64_t later = static_cast<std::int64_t>(std::time(nullptr)) + 2 * 3600;
    h->app.services.unix_now = [later] { return later; };
    h->settle();
    EXPECT_TRUE(shown(*h, "Synced 2 hours ago"));
}

TEST(OktaCard, ShowsTheLastErrorWhenNewerThanTheLastSuccess) {
    FakeOktaServer s;
    connected(s);
    s.add_log(7, "error", "group Sales is outside the prefixes", 60);
    auto h = open_app(s);
    const ui::Item* e = find_prefix(*h, "Last error");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->label, "Last error 1 minute ago: group Sales is outside the prefixes");
}

TEST(OktaCard, NoLogsMeansNotSynchronizedYet) {
    FakeOktaServer s;
    connected(s);
    s.logs.clear();
    auto h = open_app(s);
    EXPECT_TRUE(shown(*h, "Not synchronized yet"));
}

TEST(OktaCard, SwitchDisablesAndEnablesAndAFailureKeepsTheState) {
    FakeOktaServer s;
    connected(s);
    auto h = open_app(s);
    ASSERT_TRUE(h->click_and_settle("Sync enabled"));
    ASSERT_NE(s.last("PUT /integrations/okta-scim-idp/7"), nullptr);
    EXPECT_NE(s.last("PUT /integrations/okta-scim-idp/7")->body.find("\"enabled\":false"),
              std::string::npos);
    EXPECT_FALSE(h->find("Sync enabled")->state & ui::ItemState_Checked);
    EXPECT_NE(h->find("Resume setup"), nullptr);

    s.fail("PUT /integrations/okta-scim-idp/7");
    ASSERT_TRUE(h->click_and_settle("Sync enabled"));
    EXPECT_FALSE(h->find("Sync enabled")->state & ui::ItemState_Checked);
    ASSERT_FALSE(h->app.toasts.items.empty());
    EXPECT_EQ(h->app.toasts.items.back().kind, ui::ToastKind::Error);
    ASSERT_TRUE(h->click_and_settle("Sync enabled"));
    EXPECT_TRUE(h->find("Sync enabled")->state & ui::ItemState_Checked);
}

TEST(OktaCard, OnlyOneSyncIntegrationCanBeEnabled) {
    FakeOktaServer s;
    connected(s, true);
    s.add_setup(8);
    // The wizard of the other, disabled integration cannot finish while 7 is enabled.
    auto h = open_app(s, "#/integrations?setup=okta&step=7&idp=idp-1&integration=8");
    ASSERT_NE(h->find("Finish Setup"), nullptr);
    EXPECT_TRUE(disabled(*h, "Finish Setup"));
}

TEST(OktaCard, EachLoadFailingOnceShowsAnErrorAndRetryLoads) {
    for (const char* call : {"GET /users/current", "GET /integrations/okta-scim-idp",
                             "GET /identity-providers", "GET /integrations/okta-scim-idp/7/logs"}) {
        SCOPED_TRACE(call);
        FakeOktaServer s;
        connected(s);
        // The sidebar's user menu asks for the current user too: fail both.
        s.fail(call, std::string(call) == "GET /users/current" ? 2 : 1);
        auto h = open_app(s);
        ASSERT_NE(h->find("Retry"), nullptr);
        EXPECT_FALSE(shown(*h, "Synced 3 minutes ago"));
        ASSERT_TRUE(h->click_and_settle("Retry"));
        EXPECT_EQ(h->find("Retry"), nullptr);
        EXPECT_TRUE(shown(*h, "Synced 3 minutes ago"));
    }
}

TEST(OktaCard, LoadingKeepsConnectDisabled) {
    FakeOktaServer s;
    s.hold("GET /integrations/okta-scim-idp");
    auto h = open_app(s);
    EXPECT_TRUE(shown(*h, "Loading"));
    EXPECT_TRUE(disabled(*h, "Connect Okta"));
}
