// ui/pages/users/users_index.h: the users as the table needs them. The API's vector is shared,
// never copied; each user gets one precomputed row (lowercase search key, status, source, last
// login) at load, and the table works on vectors of indices into it: `order` (every user in the
// current sort) and `view` (order filtered). Local changes (optimistic updates, server answers)
// sit in `edits` over the shared vector until the next load.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "client/model.h"
#include "ui/pages/users/users_query.h"

namespace ui {

struct UserRow {
    std::string key;  // lowercase "name\x1femail\x1frole": search and name sort in one string
    std::int64_t last_login = 0;  // epoch seconds, users_time.h kNoTime when never
    UserStatus status = UserStatus::Active;
    UserSource source = UserSource::Manual;
    bool deleted = false;
};

struct UsersIndex {
    std::shared_ptr<const std::vector<openzro::User>> users;   // as the Api delivered them
    std::vector<UserRow> rows;                                 // parallel to *users
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
