// Row menus and the detail panel: what is allowed and why not, confirmations, optimistic
// updates, and rollback with the server's message and request id.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "client/model_json.h"

#include "users_harness.h"

using harness::Harness;
using namespace users_test;
using UsersActions = StandardAccount;

namespace {

ui::UserStatus status_of(const Harness& h, const std::string& id) {
    const auto& x = h.app.users.index;
    return x.rows[static_cast<std::size_t>(ui::index_find(x, id))].status;
}

std::string role_of(const Harness& h, const std::string& id) {
    const auto& x = h.app.users.index;
    return ui::index_user(x, static_cast<std::uint32_t>(ui::index_find(x, id))).role;
}

bool toast_has(const Harness& h, ui::ToastKind kind, const std::string& text) {
    for (const ui::Toast& t : h.app.toasts.items)
        if (t.kind == kind && t.message.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_F(UsersActions, MenuStatesForEachKindOfUser) {
    open();
    // Myself (the owner): nothing.
    ASSERT_TRUE(h->click("Actions for owner@example.com"));
    EXPECT_TRUE(disabled(*h, "Block owner@example.com"));
    EXPECT_TRUE(disabled(*h, "Make owner@example.com Admin"));
    EXPECT_TRUE(disabled(*h, "Remove owner@example.com"));
    h->press(ImGuiKey_Escape);

    // An Okta user: block and role yes, remove no (Okta owns that).
    ASSERT_TRUE(h->click("Actions for jane@example.com"));
    ASSERT_NE(h->find("Block jane@example.com"), nullptr);
    EXPECT_FALSE(disabled(*h, "Block jane@example.com"));
    EXPECT_FALSE(disabled(*h, "Make jane@example.com Admin"));
    EXPECT_TRUE(h->find("Make jane@example.com User")->state & ui::ItemState_Checked);
    EXPECT_TRUE(disabled(*h, "Remove jane@example.com"));
    h->press(ImGuiKey_Escape);

    // A blocked user offers Unblock.
    ASSERT_TRUE(h->click("Actions for bob@example.com"));
    EXPECT_NE(h->find("Unblock bob@example.com"), nullptr);
    EXPECT_FALSE(disabled(*h, "Remove bob@example.com"));
}

TEST_F(UsersActions, AnAdminCannotTouchTheOwner) {
    server->me_id = "u-admin";
    server->users[0].is_current = false;
    server->users[1].is_current = true;
    open();
    ASSERT_TRUE(h->click("Actions for owner@example.com"));
    EXPECT_TRUE(disabled(*h, "Block owner@example.com"));
    EXPECT_TRUE(disabled(*h, "Make owner@example.com Admin"));
    EXPECT_TRUE(disabled(*h, "Remove owner@example.com"));
}

TEST_F(UsersActions, WithoutPermissionEverythingIsDisabled) {
    server->me_permissions = read_only_users();
    open();
    ASSERT_TRUE(h->click("Actions for ivan@example.com"));
    EXPECT_TRUE(disabled(*h, "Block ivan@example.com"));
    EXPECT_TRUE(disabled(*h, "Make ivan@example.com Admin"));
    EXPECT_TRUE(disabled(*h, "Remove ivan@example.com"));
    h->click("Block ivan@example.com");  // disabled: nothing happens
    EXPECT_EQ(last_write(*h), nullptr);
    EXPECT_FALSE(h->app.users.confirm.open);
}

TEST_F(UsersActions, BlockAsksThenUpdatesAtOnceAndSendsAllFields) {
    server->hold_writes = true;
    open();
    ASSERT_TRUE(row_action(*h, "Block", "jane@example.com"));
    EXPECT_TRUE(h->app.users.confirm.open);
    EXPECT_NE(h->app.users.confirm.message.find("peers disconnected"), std::string::npos);
    EXPECT_EQ(last_write(*h), nullptr);
    ASSERT_TRUE(h->click("Block user"));

    ASSERT_TRUE(last_write_is(*h, "PUT", "/api/users/u-jane"));
    const auto* put = last_write(*h);
    const auto body = nlohmann::json::parse(put->request.body);
    EXPECT_EQ(body["role"], "user");
    EXPECT_EQ(body["auto_groups"], (std::vector<std::string>{"g-eng", "g-sales"}));
    EXPECT_EQ(body["is_blocked"], true);
    EXPECT_EQ(status_of(*h, "u-jane"), ui::UserStatus::Blocked);  // before the answer

    openzro::HttpResponse ok;
    ok.status = 200;
    openzro::User jane = server->users[2];
    jane.is_blocked = true;
    jane.status = "blocked";
    ok.body = openzro::write_json(jane);
    h->http.respond(put->id, ok);
    h->settle();
    EXPECT_EQ(status_of(*h, "u-jane"), ui::UserStatus::Blocked);
    EXPECT_TRUE(toast_has(*h, ui::ToastKind::Success, "Jane Doe was blocked."));
}

TEST_F(UsersActions, CancelDoesNothing) {
    open();
    ASSERT_TRUE(row_action(*h, "Block", "jane@example.com"));
    ASSERT_TRUE(h->click("Cancel"));
    EXPECT_EQ(last_write(*h), nullptr);
    EXPECT_EQ(status_of(*h, "u-jane"), ui::UserStatus::Active);
}

TEST_F(UsersActions, RefusedBlockRollsBackWithTheServersWords) {
    server->refuse_writes = 403;
    server->refuse_message = "only admins can change users";
    open();
    ASSERT_TRUE(row_action(*h, "Block", "jane@example.com"));
    ASSERT_TRUE(confirm(*h, "Block user"));
    EXPECT_EQ(status_of(*h, "u-jane"), ui::UserStatus::Active);
    EXPECT_TRUE(toast_has(*h, ui::ToastKind::Error, "Couldn't block Jane Doe."));
    EXPECT_TRUE(toast_has(*h, ui::ToastKind::Error, "only admins can change users"));
    EXPECT_TRUE(toast_has(*h, ui::ToastKind::Error, "srv-403"));  // the request id
}

TEST_F(UsersActions, UnblockNeedsNoConfirmation) {
    open();
    ASSERT_TRUE(row_action(*h, "Unblock", "bob@example.com"));
    EXPECT_FALSE(h->app.users.confirm.open);
    ASSERT_NE(last_write(*h), nullptr);
    EXPECT_EQ(status_of(*h, "u-bob"), ui::UserStatus::Active);
    EXPECT_FALSE(server->users[3].is_blocked);
}

TEST_F(UsersActions, ChangeRoleAndRollBack) {
    open();
    ASSERT_TRUE(h->click("Actions for ivan@example.com"));
    ASSERT_TRUE(h->click_and_settle("Make ivan@example.com Network admin"));
    EXPECT_EQ(role_of(*h, "u-ivan"), "network_admin");
    EXPECT_EQ(server->users[4].role, "network_admin");

    server->refuse_writes = 400;
    server->refuse_message = "unknown role";
    ASSERT_TRUE(h->click("Actions for ivan@example.com"));
    ASSERT_TRUE(h->click_and_settle("Make ivan@example.com Auditor"));
    EXPECT_EQ(role_of(*h, "u-ivan"), "network_admin");
    EXPECT_TRUE(toast_has(*h, ui::ToastKind::Error, "unknown role"));
}

TEST_F(UsersActions, RemoveAsksThenRemovesOrRestores) {
    open();
    ASSERT_TRUE(row_action(*h, "Remove", "ivan@example.com"));
    ASSERT_TRUE(confirm(*h, "Remove user"));
    EXPECT_EQ(h->find("Open ivan@example.com"), nullptr);
    EXPECT_EQ(last_write(*h)->request.method, "DELETE");
    EXPECT_EQ(h->app.users.index.live, 5u);

    server->refuse_writes = 403;
    server->refuse_message = "only integration service user can delete this user";
    ASSERT_TRUE(row_action(*h, "Remove", "alice@example.com"));
    ASSERT_TRUE(confirm(*h, "Remove user"));
    EXPECT_NE(h->find("Open alice@example.com"), nullptr);
    EXPECT_TRUE(toast_has(*h, ui::ToastKind::Error, "Couldn't remove Alice Admin."));
}

TEST_F(UsersActions, DetailPanelFollowsTheSameRules) {
    open();
    ASSERT_TRUE(h->click("Open jane@example.com"));
    ASSERT_NE(h->find("Close details"), nullptr);
    EXPECT_FALSE(disabled(*h, "Block"));
    EXPECT_TRUE(disabled(*h, "Remove"));  // from Okta
    EXPECT_FALSE(disabled(*h, "Role of jane@example.com"));

    ASSERT_TRUE(h->click("Role of jane@example.com"));
    ASSERT_TRUE(h->click_and_settle("Make jane@example.com Admin"));
    EXPECT_EQ(server->users[2].role, "admin");

    ASSERT_TRUE(h->click("Open owner@example.com"));  // myself
    EXPECT_TRUE(disabled(*h, "Block"));
    EXPECT_TRUE(disabled(*h, "Remove"));
    EXPECT_TRUE(disabled(*h, "Role of owner@example.com"));

    ASSERT_TRUE(h->click("Close details"));
    EXPECT_EQ(h->find("Close details"), nullptr);
}

TEST_F(UsersActions, BlockFromTheDetailPanel) {
    open();
    ASSERT_TRUE(h->click("Open alice@example.com"));
    ASSERT_TRUE(h->click("Block"));
    ASSERT_TRUE(confirm(*h, "Block user"));
    EXPECT_TRUE(server->users[1].is_blocked);
    EXPECT_NE(h->find("Unblock"), nullptr);
}
