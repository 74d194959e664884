// ui/pages/users/users_index.h: the users as the table needs them. The API's vector is shared,
// never copied; each user gets one small precomputed row (status, source, role, last login) and
// a lowercase "name\x1femail" search key in one contiguous buffer, so a search is one pass of
// string search over that buffer, in memory order. The table works on vectors of indices:
// `order` (every user in the current sort) and `view` (order filtered). Local changes
// (optimistic updates, server answers) sit in `edits` over the shared vector until the next load.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "client/model.h"
#include "ui/pages/users/users_query.h"

namespace ui {

// last_login of a user who never logged in (Go's zero time in the API): sorts first.
inline constexpr std::int64_t kNeverLoggedIn = INT64_MIN;

struct UserRow {
    std::int64_t last_login = 0;  // epoch seconds; kNeverLoggedIn for the zero time
    std::uint16_t role = 0;       // index into UsersIndex::roles
    UserStatus status = UserStatus::Active;
    UserSource source = UserSource::Manual;
    bool deleted = false;
};

struct UsersIndex {
    std::shared_ptr<const std::vector<openzro::User>> users;  // as the Api delivered them
    std::vector<UserRow> rows;                                // parallel to *users
    std::string keys;                   // each row's lowercase "name\x1femail\n", in row order
    std::vector<std::uint32_t> key_at;  // where row i's key starts in keys (size rows + 1)
    std::vector<std::string> roles;     // the distinct roles, as the API spells them
    std::vector<std::uint8_t> pass;     // scratch: rows passing the filter being computed
    std::unordered_map<std::uint32_t, openzro::User> edits;    // row -> the user as it is now
    std::unordered_map<std::string, std::string> group_names;  // group id -> name
    std::vector<std::uint32_t> order;  // all rows in the current sort (stable)
    std::vector<std::uint32_t> view;   // order filtered by the current query
    UsersQuery applied;                // what order and view were computed for
    std::size_t live = 0;              // users not deleted
    std::size_t okta = 0;              // users provisioned by Okta
};

// A new list from the server: rebuilds rows, drops edits, sorts and filters for `query`.
void index_load(UsersIndex& index, std::shared_ptr<const std::vector<openzro::User>> users,
                const UsersQuery& query);
void index_set_groups(UsersIndex& index, const std::vector<openzro::Group>& groups);
std::uint32_t index_size(const UsersIndex& index);
const openzro::User& index_user(const UsersIndex& index, std::uint32_t row);
// The row of the user with that id (deleted ones included); -1 when there is none.
std::int64_t index_find(const UsersIndex& index, const std::string& id);
// Replaces a user (an optimistic change, the server's answer or a rollback) and recomputes
// what depends on it: the order if the sort uses a changed field, and the view.
void index_edit(UsersIndex& index, std::uint32_t row, const openzro::User& user);
void index_set_deleted(UsersIndex& index, std::uint32_t row, bool deleted);
// Brings order and view up to date with `query`: re-sorts only when the sort changed, and
// narrows the current view when the search only grew (typing), otherwise filters `order`.
void index_apply(UsersIndex& index, const UsersQuery& query);
// The group name for an id (the id itself when the group is unknown).
const std::string& index_group_name(const UsersIndex& index, const std::string& id);

UserStatus user_status(const openzro::User& user);  // pending_approval wins over status
bool user_from_okta(const openzro::User& user);     // issued == "integration"

}  // namespace ui
