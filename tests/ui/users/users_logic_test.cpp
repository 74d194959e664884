// The Users page's logic without drawing: route <-> query, index filtering and stable sorting,
// action rules and their reasons, CSV.
#include <gtest/gtest.h>

#include <memory>

#include "fake_server.h"
#include "ui/pages/users/users_csv.h"
#include "ui/pages/users/users_index.h"
#include "ui/pages/users/users_query.h"
#include "ui/pages/users/users_rules.h"

using namespace ui;

namespace {

std::vector<std::string> ids(const UsersIndex& x) {
    std::vector<std::string> out;
    for (std::uint32_t i : x.view) out.push_back(index_user(x, i).id);
    return out;
}

UsersIndex standard_index(const UsersQuery& q = {}) {
    auto server = users_test::standard_account();
    UsersIndex x;
    index_load(x, std::make_shared<const std::vector<openzro::User>>(server->users), q);
    index_set_groups(x, server->groups);
    return x;
}

}  // namespace

TEST(UsersQuery, RoundTripsThroughTheRoute) {
    const Route r = route_parse(
        "#/team/users?source=okta&status=blocked&q=ja%20ne&sort=-last_login"
        "&role=admin&group=g-eng");
    const UsersQuery q = query_from_route(r);
    EXPECT_EQ(q.search, "ja ne");
    EXPECT_EQ(q.status, UserStatus::Blocked);
    EXPECT_EQ(q.source, UserSource::Okta);
    EXPECT_EQ(q.role, "admin");
    EXPECT_EQ(q.group, "g-eng");
    EXPECT_EQ(q.sort, SortColumn::LastLogin);
    EXPECT_TRUE(q.descending);
    EXPECT_EQ(query_from_route(route_with_query(r, q)), q);
    EXPECT_EQ(route_format(route_with_query(r, UsersQuery{})), "#/team/users");
}

TEST(UsersQuery, IgnoresUnknownValues) {
    const UsersQuery q = query_from_route(route_parse("#/team/users?status=gone&sort=-shoe"));
    EXPECT_FALSE(q.status);
    EXPECT_EQ(q.sort, SortColumn::Name);
    EXPECT_FALSE(q.descending);
}

TEST(UsersIndex, SearchMatchesNameEmailAndRoleCaseInsensitively) {
    UsersIndex x = standard_index();
    UsersQuery q;
    q.search = "JANE";
    index_apply(x, q);
    EXPECT_EQ(ids(x), std::vector<std::string>{"u-jane"});
    q.search = "@example.com";
    index_apply(x, q);
    EXPECT_EQ(x.view.size(), 6u);
    q.search = "audit";  // Pat's role
    index_apply(x, q);
    EXPECT_EQ(ids(x), std::vector<std::string>{"u-pat"});
    q.search = "aud";  // shorter: widens again
    index_apply(x, q);
    EXPECT_EQ(ids(x), std::vector<std::string>{"u-pat"});
    q.search = "";
    index_apply(x, q);
    EXPECT_EQ(x.view.size(), 6u);
}

TEST(UsersIndex, TypingNarrowsTheSameAsFilteringFromScratch) {
    UsersIndex a = standard_index(), b = standard_index();
    UsersQuery q;
    for (const char* step : {"a", "al", "ali", "alic"}) {
        q.search = step;
        index_apply(a, q);  // incremental
    }
    UsersQuery fresh;
    fresh.search = "alic";
    fresh.sort = SortColumn::Role;
    index_apply(b, fresh);  // sort change: full pass
    fresh.sort = SortColumn::Name;
    index_apply(b, fresh);
    EXPECT_EQ(ids(a), ids(b));
    EXPECT_EQ(ids(a), std::vector<std::string>{"u-admin"});
}

TEST(UsersIndex, EachFilter) {
    UsersIndex x = standard_index();
    UsersQuery q;
    q.status = UserStatus::Blocked;
    index_apply(x, q);
    EXPECT_EQ(ids(x), std::vector<std::string>{"u-bob"});
    q.status = UserStatus::PendingApproval;  // pending_approval wins over "active"
    index_apply(x, q);
    EXPECT_EQ(ids(x), std::vector<std::string>{"u-pat"});
    q.status = UserStatus::Invited;
    index_apply(x, q);
    EXPECT_EQ(ids(x), std::vector<std::string>{"u-ivan"});
    q.status.reset();
    q.role = "admin";
    index_apply(x, q);
    EXPECT_EQ(ids(x), std::vector<std::string>{"u-admin"});
    q.role.clear();
    q.group = "g-sales";
    index_apply(x, q);
    EXPECT_EQ(ids(x), (std::vector<std::string>{"u-bob", "u-jane", "u-pat"}));
    q.group.clear();
    q.source = UserSource::Okta;
    index_apply(x, q);
    EXPECT_EQ(ids(x), (std::vector<std::string>{"u-jane", "u-pat"}));
    q.source = UserSource::Manual;
    q.search = "o";
    index_apply(x, q);
    EXPECT_EQ(ids(x), (std::vector<std::string>{"u-admin", "u-bob", "u-ivan", "u-owner"}));
}

TEST(UsersIndex, SortsEveryColumnStablyBothWays) {
    UsersIndex x = standard_index();
    UsersQuery q;
    index_apply(x, q);
    EXPECT_EQ(ids(x), (std::vector<std::string>{"u-admin", "u-bob", "u-ivan", "u-jane", "u-owner",
                                                "u-pat"}));
    q.sort = SortColumn::Status;  // Active (server order kept), Invited, Pending, Blocked
    index_apply(x, q);
    EXPECT_EQ(ids(x), (std::vector<std::string>{"u-owner", "u-admin", "u-jane", "u-ivan", "u-pat",
                                                "u-bob"}));
    q.descending = true;  // equal rows still in server order
    index_apply(x, q);
    EXPECT_EQ(ids(x), (std::vector<std::string>{"u-bob", "u-pat", "u-ivan", "u-owner", "u-admin",
                                                "u-jane"}));
    q = {};
    q.sort = SortColumn::LastLogin;
    q.descending = true;  // newest first, never-logged-in last (server order)
    index_apply(x, q);
    EXPECT_EQ(ids(x), (std::vector<std::string>{"u-owner", "u-jane", "u-admin", "u-bob", "u-ivan",
                                                "u-pat"}));
    q.sort = SortColumn::Role;
    q.descending = false;
    index_apply(x, q);
    EXPECT_EQ(ids(x), (std::vector<std::string>{"u-admin", "u-pat", "u-owner", "u-jane", "u-bob",
                                                "u-ivan"}));
    q.sort = SortColumn::Groups;
    index_apply(x, q);
    EXPECT_EQ(ids(x), (std::vector<std::string>{"u-admin", "u-ivan", "u-owner", "u-bob", "u-jane",
                                                "u-pat"}));
    q.sort = SortColumn::Source;
    index_apply(x, q);
    EXPECT_EQ(ids(x), (std::vector<std::string>{"u-owner", "u-admin", "u-bob", "u-ivan", "u-jane",
                                                "u-pat"}));
}

TEST(UsersIndex, EditsMoveRowsBetweenFiltersAndRollBack) {
    UsersIndex x = standard_index();
    UsersQuery q;
    q.status = UserStatus::Blocked;
    index_apply(x, q);
    const auto row = static_cast<std::uint32_t>(index_find(x, "u-jane"));
    const openzro::User before = index_user(x, row);
    openzro::User blocked = before;
    blocked.is_blocked = true;
    blocked.status = "blocked";
    index_edit(x, row, blocked);
    EXPECT_EQ(ids(x), (std::vector<std::string>{"u-bob", "u-jane"}));
    index_edit(x, row, before);
    EXPECT_EQ(ids(x), std::vector<std::string>{"u-bob"});
    EXPECT_EQ(x.users->at(row).status, "active");  // the shared list itself never changes
    index_set_deleted(x, static_cast<std::uint32_t>(index_find(x, "u-bob")), true);
    EXPECT_TRUE(x.view.empty());
    EXPECT_EQ(x.live, 5u);
}

TEST(UsersRules, SelfOwnerOktaAndPermissions) {
    auto server = users_test::standard_account();
    openzro::UserPermissions p;
    p.modules["users"] = {{"update", true}, {"delete", true}};
    const openzro::CurrentUser me{server->users[0], p};  // the owner
    const auto& admin = server->users[1];
    const auto& jane = server->users[2];

    UserActionRules r = user_action_rules(&me, me);
    EXPECT_STREQ(r.block, "You can't block yourself");
    EXPECT_STREQ(r.role, "You can't change your own role");
    EXPECT_STREQ(r.remove, "You can't remove yourself");

    r = user_action_rules(&me, admin);
    EXPECT_EQ(r.block, nullptr);
    EXPECT_EQ(r.role, nullptr);
    EXPECT_EQ(r.remove, nullptr);

    r = user_action_rules(&me, jane);  // from Okta: blocked here is fine, removal is Okta's
    EXPECT_EQ(r.block, nullptr);
    EXPECT_EQ(r.role, nullptr);
    ASSERT_NE(r.remove, nullptr);
    EXPECT_NE(std::string(r.remove).find("Okta"), std::string::npos);

    const openzro::CurrentUser as_admin{admin, p};
    openzro::User owner = server->users[0];
    owner.is_current = false;  // as an admin's list shows the owner
    r = user_action_rules(&as_admin, owner);
    EXPECT_STREQ(r.block, "The account owner can't be blocked");
    EXPECT_NE(r.role, nullptr);
    EXPECT_STREQ(r.remove, "The account owner can't be removed");

    const openzro::CurrentUser viewer{admin, users_test::read_only_users()};
    r = user_action_rules(&viewer, jane);
    EXPECT_NE(std::string(r.block).find("Your role can't"), std::string::npos);
    EXPECT_NE(std::string(r.role).find("Your role can't"), std::string::npos);
    EXPECT_NE(std::string(r.remove).find("Your role can't"), std::string::npos);

    openzro::CurrentUser restricted = as_admin;
    restricted.permissions->is_restricted = true;
    r = user_action_rules(&restricted, server->users[4]);
    EXPECT_NE(r.block, nullptr);
    EXPECT_NE(r.remove, nullptr);

    r = user_action_rules(nullptr, jane);  // still loading who I am
    EXPECT_NE(r.block, nullptr);
}

TEST(UsersCsv, QuotesAndDefusesFormulas) {
    std::string out;
    for (const char* cell :
         {"plain", "a,b", "say \"hi\"", "=1+2", "+cmd", "-x", "@SUM(A1)", "line\nbreak", ""}) {
        csv_append_cell(out, cell);
        out += '|';
    }
    EXPECT_EQ(out,
              "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"'=1+2\"|\"'+cmd\"|\"'-x\"|\"'@SUM(A1)\"|"
              "\"line\nbreak\"||");
}

// A spreadsheet in a locale whose list separator is ';' (or a paste into one that splits on tabs)
// would split such cells and run what follows as a formula.
TEST(UsersCsv, QuotesCellsWithAnySeparator) {
    std::string out;
    for (const char* cell : {"Bob;=1+1", "tab\there", "cr\ronly", "a,b"}) {
        csv_append_cell(out, cell);
        out += '|';
    }
    EXPECT_EQ(out, "\"Bob;=1+1\"|\"tab\there\"|\"cr\ronly\"|\"a,b\"|");
}

TEST(UsersCsv, ExportsTheViewInOrderWithGroupNames) {
    UsersIndex x = standard_index();
    UsersQuery q;
    q.source = UserSource::Okta;
    q.sort = SortColumn::Name;
    q.descending = true;
    index_apply(x, q);
    const std::string csv = users_csv(x);
    EXPECT_EQ(
        csv,
        "\xEF\xBB\xBFName,Email,Role,Status,Groups,Source,Last login,ID\r\n"
        "Pat Pending,pat@example.com,Auditor,Pending approval,\"Engineering; Sales; "
        "Operations\",Okta,Never,u-pat\r\n"
        "Jane Doe,jane@example.com,User,Active,\"Engineering; Sales\",Okta,2026-11-28T05:00:00Z,"
        "u-jane\r\n");
}
