// The Okta configuration dialog: tabs, prefixes, token regeneration, sync log, delete.
#include <gtest/gtest.h>

#include "okta_test_util.h"

using namespace testing_okta;
using harness::Harness;

namespace {

std::unique_ptr<Harness> open_config(FakeOktaServer& s) {
    auto& i = s.add_setup(7, true, "nbs_abcdefghijklmnop");
    i.group_prefixes = {"eng-"};
    auto h = open_app(s);
    h->click_and_settle("Configure Okta");
    return h;
}

}  // namespace

TEST(OktaConfig, HasTheFiveTabs) {
    FakeOktaServer s;
    auto h = open_config(s);
    for (const char* tab : {"Settings", "Group sync", "User sync", "Sync log", "Danger zone"}) {
        const ui::Item* item = h->find(tab);
        ASSERT_NE(item, nullptr) << tab;
        EXPECT_EQ(item->role, ui::Role::Tab);
    }
    EXPECT_TRUE(h->find("Settings")->state & ui::ItemState_Selected);
    EXPECT_TRUE(disabled(*h, "Save changes"));
}

TEST(OktaConfig, GroupPrefixesAreEditedAndSavedAndAFailureKeepsTheEdits) {
    FakeOktaServer s;
    auto h = open_config(s);
    ASSERT_TRUE(h->click_and_settle("Group sync"));
    ASSERT_NE(h->find("Group prefix 1"), nullptr);
    EXPECT_EQ(h->find("Group prefix 1")->value, "eng-");
    ASSERT_TRUE(h->click_and_settle("Add group prefix"));
    EXPECT_TRUE(disabled(*h, "Save changes"));  // an empty row
    fill(*h, "Group prefix 2", "ops-");
    EXPECT_FALSE(disabled(*h, "Save changes"));
    s.fail("PUT /integrations/okta-scim-idp/7");
    ASSERT_TRUE(h->click_and_settle("Save changes"));
    EXPECT_EQ(h->find("Group prefix 2")->value, "ops-");
    EXPECT_EQ(s.integrations[0].group_prefixes, std::vector<std::string>{"eng-"});
    ASSERT_TRUE(h->click_and_settle("Save changes"));
    EXPECT_EQ(s.integrations[0].group_prefixes, (std::vector<std::string>{"eng-", "ops-"}));
    EXPECT_TRUE(disabled(*h, "Save changes"));  // nothing changed since the save

    ASSERT_TRUE(h->click_and_settle("Remove Group prefix 1"));
    EXPECT_EQ(h->find("Group prefix 1")->value, "ops-");
    ASSERT_TRUE(h->click_and_settle("User sync"));
    ASSERT_TRUE(h->click_and_settle("Add user group prefix"));
    fill(*h, "User group prefix 1", "vpn-");
    ASSERT_TRUE(h->click_and_settle("Save changes"));
    EXPECT_EQ(s.integrations[0].group_prefixes, std::vector<std::string>{"ops-"});
    EXPECT_EQ(s.integrations[0].user_group_prefixes, std::vector<std::string>{"vpn-"});
}

TEST(OktaConfig, ClosingWithUnsavedEditsAsks) {
    FakeOktaServer s;
    auto h = open_config(s);
    ASSERT_TRUE(h->click_and_settle("Group sync"));
    ASSERT_TRUE(h->click_and_settle("Add group prefix"));
    h->press(ImGuiKey_Escape);
    h->settle();
    ASSERT_NE(h->find("Discard"), nullptr);
    ASSERT_TRUE(h->click_and_settle("Discard"));
    EXPECT_EQ(h->find("Group sync"), nullptr);
    ASSERT_TRUE(h->click_and_settle("Configure Okta"));
    ASSERT_TRUE(h->click_and_settle("Close configuration"));
    EXPECT_EQ(h->find("Group sync"), nullptr);
}

TEST(OktaConfig, RegenerateIsConfirmedAndShowsTheNewTokenOnce) {
    FakeOktaServer s;
    auto h = open_config(s);
    EXPECT_EQ(h->find("Copy New Authorization (Bearer) token"), nullptr);
    s.fail("POST /integrations/okta-scim-idp/7/token");
    ASSERT_TRUE(h->click_and_settle("Regenerate token"));
    ASSERT_TRUE(h->click_and_settle("Regenerate"));
    EXPECT_EQ(h->find("Copy New Authorization (Bearer) token"), nullptr);
    ASSERT_TRUE(h->click_and_settle("Regenerate token"));
    ASSERT_TRUE(h->click_and_settle("Regenerate"));
    ASSERT_TRUE(h->click_and_settle("Copy New Authorization (Bearer) token"));
    EXPECT_EQ(h->clipboard, s.integrations[0].auth_token);
    ASSERT_TRUE(h->click_and_settle("Close configuration"));
    ASSERT_TRUE(h->click_and_settle("Configure Okta"));
    EXPECT_EQ(h->find("Copy New Authorization (Bearer) token"), nullptr);
}

TEST(OktaConfig, SyncLogIsNewestFirstFilteredAndPaged) {
    FakeOktaServer s;
    for (int i = 0; i < 12; ++i) s.add_log(7, "info", "created user " + std::to_string(i), 600 - i);
    s.add_log(7, "error", "bad group", 10);
    auto h = open_config(s);
    s.fail("GET /integrations/okta-scim-idp/7/logs");
    ASSERT_TRUE(h->click_and_settle("Sync log"));
    ASSERT_TRUE(h->click_and_settle("Retry"));
    EXPECT_TRUE(shown(*h, "Page 1 of 2"));
    EXPECT_TRUE(disabled(*h, "Previous page"));
    EXPECT_TRUE(shown(*h, "bad group"));  // newest first
    ASSERT_TRUE(h->click_and_settle("Next page"));
    EXPECT_TRUE(shown(*h, "Page 2 of 2"));
    EXPECT_TRUE(shown(*h, "created user 0"));
    ASSERT_TRUE(h->click_and_settle("Error"));
    EXPECT_TRUE(shown(*h, "Page 1 of 1"));
    EXPECT_TRUE(shown(*h, "bad group"));
    EXPECT_FALSE(shown(*h, "created user 11"));
}

TEST(OktaConfig, DeleteIsConfirmedAndAFailureCanBeRetried) {
    FakeOktaServer s;
    auto h = open_config(s);
    ASSERT_TRUE(h->click_and_settle("Danger zone"));
    s.fail("DELETE /integrations/okta-scim-idp/7");
    ASSERT_TRUE(h->click_and_settle("Delete integration"));
    ASSERT_TRUE(h->click_and_settle("Delete"));
    EXPECT_EQ(s.integrations.size(), 1u);
    ASSERT_TRUE(h->click_and_settle("Delete integration"));
    ASSERT_TRUE(h->click_and_settle("Delete"));
    EXPECT_TRUE(s.integrations.empty());
    EXPECT_EQ(h->find("Danger zone"), nullptr);
    EXPECT_TRUE(shown(*h, "Not connected"));
}
