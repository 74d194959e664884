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

class OktaCard : public ::testing::Test {
  protected:
    void open(const std::string& route = "#/integrations") { h = open_app(s, route); }
    void open_connected() {
        connected(s);
        open();
    }

    FakeOktaServer s;
    std::unique_ptr<harness::Harness> h;
};

TEST_F(OktaCard, NotConnectedOffersConnectOkta) {
    open();
    ASSERT_TRUE(shown(*h, "Not connected"));
    ASSERT_NE(h->find("Connect Okta"), nullptr);
    EXPECT_FALSE(disabled(*h, "Connect Okta"));
    ASSERT_TRUE(h->click_and_settle("Connect Okta"));
    EXPECT_EQ(h->history.back(), "#/integrations?setup=okta&step=1");
}

TEST_F(OktaCard, WithoutPermissionConnectIsDisabledAndSaysWhy) {
    s.me = auditor_user();
    open();
    EXPECT_TRUE(disabled(*h, "Connect Okta"));
    ASSERT_TRUE(h->click_and_settle("Connect Okta"));
    EXPECT_FALSE(ui::route_query_value(h->app.route, "setup"));
}

// A member (role `user`: restricted, no module readable, as the server reports it) is refused
// the integration: the card says who sets up Okta, with no failed load, Retry or Connect.
TEST_F(OktaCard, AMemberIsToldWhoSetsUpOkta) {
    s.me = auditor_user();
    s.me.role = "user";
    s.me.permissions->modules.clear();
    s.fail("GET /integrations/okta-scim-idp", 10);  // the server answers 403 to a member
    open();
    EXPECT_TRUE(shown(*h, "Managed by admins"));
    EXPECT_TRUE(h->shows_text("An account owner or an admin sets up Okta"));
    EXPECT_EQ(h->find("Retry"), nullptr);
    EXPECT_EQ(h->find("Connect Okta"), nullptr);
}

TEST_F(OktaCard, ConnectedShowsSwitchLastSyncAndGear) {
    open_connected();
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
TEST_F(OktaCard, SyncTimesFollowTheAppsWallClock) {
    open_connected();
    ASSERT_TRUE(shown(*h, "Synced 3 minutes ago"));
    const std::int64_t later = static_cast<std::int64_t>(std::time(nullptr)) + 2 * 3600;
    h->app.services.unix_now = [later] { return later; };
    h->settle();
    EXPECT_TRUE(shown(*h, "Synced 2 hours ago"));
}

TEST_F(OktaCard, ShowsTheLastErrorWhenNewerThanTheLastSuccess) {
    connected(s);
    s.add_log(7, "error", "group Sales is outside the prefixes", 60);
    open();
    const ui::Item* e = find_prefix(*h, "Last error");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->label, "Last error 1 minute ago: group Sales is outside the prefixes");
}

TEST_F(OktaCard, NoLogsMeansNotSynchronizedYet) {
    connected(s);
    s.logs.clear();
    open();
    EXPECT_TRUE(shown(*h, "Not synchronized yet"));
}

TEST_F(OktaCard, SwitchDisablesAndEnablesAndAFailureKeepsTheState) {
    open_connected();
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

TEST_F(OktaCard, OnlyOneSyncIntegrationCanBeEnabled) {
    connected(s, true);
    s.add_setup(8);
    // The wizard of the other, disabled integration cannot finish while 7 is enabled.
    open("#/integrations?setup=okta&step=7&idp=idp-1&integration=8");
    ASSERT_NE(h->find("Finish Setup"), nullptr);
    EXPECT_TRUE(disabled(*h, "Finish Setup"));
}

TEST_F(OktaCard, EachLoadFailingOnceShowsAnErrorAndRetryLoads) {
    for (const char* call : {"GET /users/current", "GET /integrations/okta-scim-idp",
                             "GET /identity-providers", "GET /integrations/okta-scim-idp/7/logs"}) {
        SCOPED_TRACE(call);
        FakeOktaServer server;  // afresh for each call
        connected(server);
        // The sidebar's user menu asks for the current user too: fail both.
        server.fail(call, std::string(call) == "GET /users/current" ? 2 : 1);
        auto card = open_app(server);
        ASSERT_NE(card->find("Retry"), nullptr);
        EXPECT_FALSE(shown(*card, "Synced 3 minutes ago"));
        ASSERT_TRUE(card->click_and_settle("Retry"));
        EXPECT_EQ(card->find("Retry"), nullptr);
        EXPECT_TRUE(shown(*card, "Synced 3 minutes ago"));
    }
}

TEST_F(OktaCard, LoadingKeepsConnectDisabled) {
    s.hold("GET /integrations/okta-scim-idp");
    open();
    EXPECT_TRUE(shown(*h, "Loading"));
    EXPECT_TRUE(disabled(*h, "Connect Okta"));
}
