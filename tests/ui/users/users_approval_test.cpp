// Users who joined with Okta from the account's email domain and wait for an admin: the
// "Pending approval" filter, Approve at once, Reject after a confirmation.
#include <gtest/gtest.h>

#include "ui/pages/users/users_rules.h"
#include "users_harness.h"

using namespace users_test;
using UsersApproval = StandardAccount;

namespace {

bool has_user(const FakeServer& server, const std::string& id) {
    for (const openzro::User& u : server.users)
        if (u.id == id) return true;
    return false;
}

}  // namespace

TEST_F(UsersApproval, PendingFilterShowsOnlyThoseWaiting) {
    open("#/team/users?status=pending_approval");
    EXPECT_EQ(view_ids(*h), (std::vector<std::string>{"u-pat"}));
}

TEST_F(UsersApproval, ApproveFromTheRowMenu) {
    open();
    ASSERT_TRUE(h->click("Actions for pat@example.com"));
    ASSERT_NE(h->find("Approve pat@example.com"), nullptr);
    // Only pending users offer it.
    h->press(ImGuiKey_Escape);
    ASSERT_TRUE(h->click("Actions for jane@example.com"));
    EXPECT_EQ(h->find("Approve jane@example.com"), nullptr);
    h->press(ImGuiKey_Escape);

    ASSERT_TRUE(row_action(*h, "Approve", "pat@example.com"));
    ASSERT_TRUE(last_write_is(*h, "PUT", "/api/users/u-pat/approve"));
    EXPECT_FALSE(server->users[5].pending_approval);
    const auto& x = h->app.users.index;
    EXPECT_NE(x.rows[static_cast<std::size_t>(ui::index_find(x, "u-pat"))].status,
              ui::UserStatus::PendingApproval);
}

TEST_F(UsersApproval, TheDetailPanelSaysWhyTheUserWaits) {
    open();
    ASSERT_TRUE(h->click_and_settle("Open pat@example.com"));
    EXPECT_TRUE(
        h->shows_text("Joined with Okta from the account's email domain; waits for approval."));
    ASSERT_NE(h->find("Approve"), nullptr);
}

TEST_F(UsersApproval, RejectAsksFirstThenRemoves) {
    open();
    ASSERT_TRUE(row_action(*h, "Reject", "pat@example.com"));
    EXPECT_TRUE(h->app.users.confirm.open);
    EXPECT_EQ(last_write(*h), nullptr);
    ASSERT_TRUE(h->click("Cancel"));
    EXPECT_TRUE(has_user(*server, "u-pat"));

    ASSERT_TRUE(row_action(*h, "Reject", "pat@example.com"));
    ASSERT_TRUE(confirm(*h, "Reject user"));
    ASSERT_TRUE(last_write_is(*h, "DELETE", "/api/users/u-pat/reject"));
    EXPECT_FALSE(has_user(*server, "u-pat"));
    EXPECT_EQ(ui::index_find(h->app.users.index, "u-pat") < 0 ||
                  h->app.users.index
                      .rows[static_cast<std::size_t>(ui::index_find(h->app.users.index, "u-pat"))]
                      .deleted,
              true);
}

// A member (is_restricted, as the server reports it for role `user`) may not list users: the
// page says so calmly, with no failed load and no Retry.
TEST_F(UsersApproval, AMemberIsToldTheListIsNotTheirsToSee) {
    openzro::UserPermissions member;
    member.is_restricted = true;
    server->me_permissions = member;
    server->fail_users = 403;
    open();
    EXPECT_TRUE(h->shows_text("Your role can't see the account's users"));
    EXPECT_FALSE(h->shows_text("Couldn't load the users"));
    EXPECT_EQ(h->find("Retry"), nullptr);
    EXPECT_EQ(h->find("Actions for pat@example.com"), nullptr);
}

TEST_F(UsersApproval, AMemberCannotApproveAndIsToldWhy) {
    server->me_permissions = read_only_users();
    open();
    ASSERT_TRUE(h->click("Actions for pat@example.com"));
    ASSERT_NE(h->find("Approve pat@example.com"), nullptr);
    EXPECT_TRUE(disabled(*h, "Approve pat@example.com"));
    EXPECT_TRUE(disabled(*h, "Reject pat@example.com"));
    // The hover text of the disabled items.
    EXPECT_STREQ(ui::user_action_rules(h->app.users.me.get(), server->users[5]).approve,
                 "Your role can't approve users: ask an admin or the owner");
    h->click("Approve pat@example.com");
    EXPECT_EQ(last_write(*h), nullptr);
}
