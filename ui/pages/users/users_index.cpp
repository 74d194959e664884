#include "ui/pages/users/users_index.h"

#include <algorithm>
#include <numeric>
#include <string_view>

#include "client/text.h"
#include "ui/time.h"

namespace ui {

namespace {

// Field and record separators: neither can be typed in the search field, so a match never
// spans two fields or two users.
constexpr char kFieldSep = '\x1f';
constexpr char kRecordSep = '\n';

void append_key(std::string& keys, const openzro::User& u) {
    openzro::append_lower(keys, u.name.empty() ? u.email : u.name);
    keys += kFieldSep;
    openzro::append_lower(keys, u.email);
    keys += kRecordSep;
}

std::string_view key_of(const UsersIndex& x, std::uint32_t i) {
    return std::string_view(x.keys).substr(x.key_at[i], x.key_at[i + 1] - x.key_at[i] - 1);
}

std::uint16_t role_id(UsersIndex& x, const std::string& role) {
    const auto it = std::find(x.roles.begin(), x.roles.end(), role);
    if (it != x.roles.end()) return static_cast<std::uint16_t>(it - x.roles.begin());
    x.roles.push_back(role);
    return static_cast<std::uint16_t>(x.roles.size() - 1);
}

UserRow make_row(UsersIndex& x, const openzro::User& u) {
    UserRow r;
    r.last_login = openzro::never_logged_in(u)
                       ? kNeverLoggedIn
                       : parse_rfc3339(u.last_login).value_or(kNeverLoggedIn);
    r.role = role_id(x, u.role);
    r.status = user_status(u);
    r.source = user_from_okta(u) ? UserSource::Okta : UserSource::Manual;
    return r;
}

void build_keys(UsersIndex& x) {
    x.keys.clear();
    x.key_at.clear();
    x.key_at.reserve(x.rows.size() + 1);
    for (std::uint32_t i = 0; i < x.rows.size(); ++i) {
        x.key_at.push_back(static_cast<std::uint32_t>(x.keys.size()));
        append_key(x.keys, index_user(x, i));
    }
    x.key_at.push_back(static_cast<std::uint32_t>(x.keys.size()));
}

// Strict weak order of two rows by one column, ascending.
bool less_by(const UsersIndex& x, SortColumn column, std::uint32_t a, std::uint32_t b) {
    const UserRow &ra = x.rows[a], &rb = x.rows[b];
    switch (column) {
        case SortColumn::Role:
            return x.roles[ra.role] < x.roles[rb.role];
        case SortColumn::Status:
            return ra.status < rb.status;
        case SortColumn::Groups:
            return index_user(x, a).auto_groups.size() < index_user(x, b).auto_groups.size();
        case SortColumn::Source:
            return ra.source < rb.source;
        case SortColumn::LastLogin:
            return ra.last_login < rb.last_login;
        case SortColumn::Name:
            break;
    }
    return key_of(x, a) < key_of(x, b);
}

void sort_order(UsersIndex& x, const UsersQuery& q) {
    x.order.resize(x.rows.size());
    std::iota(x.order.begin(), x.order.end(), 0u);
    // Stable from the server's order, both ways: equal rows keep their relative order.
    // One comparator for both directions: each instantiation of stable_sort is 3 KB of wasm.
    const SortColumn column = q.sort;
    const bool descending = q.descending;
    std::stable_sort(x.order.begin(), x.order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return descending ? less_by(x, column, b, a) : less_by(x, column, a, b);
    });
}

// The query compiled once per filter pass.
struct Matcher {
    const UsersIndex& x;
    const UsersQuery& q;
    std::string needle;
    std::vector<std::uint8_t> role_hit;  // per role id: the search matches the role's name

    Matcher(const UsersIndex& index, const UsersQuery& query)
        : x(index), q(query), needle(openzro::to_lower(query.search)) {
        for (const std::string& role : x.roles)  // "network_admin" or "network admin"
            role_hit.push_back(openzro::to_lower(role).find(needle) != std::string::npos ||
                               openzro::to_lower(role_label(role)).find(needle) !=
                                   std::string::npos);
    }

    // Everything but the search text.
    bool filters(std::uint32_t i) const {
        const UserRow& r = x.rows[i];
        if (r.deleted) return false;
        if (q.status && r.status != *q.status) return false;
        if (q.source && r.source != *q.source) return false;
        if (!q.role.empty() && x.roles[r.role] != q.role) return false;
        if (q.group.empty()) return true;
        const auto& groups = index_user(x, i).auto_groups;
        return std::find(groups.begin(), groups.end(), q.group) != groups.end();
    }

    bool operator()(std::uint32_t i) const {
        return filters(i) && (needle.empty() || role_hit[x.rows[i].role] ||
                              key_of(x, i).find(needle) != std::string_view::npos);
    }
};

// Every row, in memory order: one string search over all keys, then the other filters; the
// view keeps the sort by walking `order`.
void refilter(UsersIndex& x, const UsersQuery& q) {
    const Matcher match(x, q);
    const auto n = static_cast<std::uint32_t>(x.rows.size());
    x.pass.assign(n, 0);
    if (match.needle.empty()) {
        std::fill(x.pass.begin(), x.pass.end(), 1);
    } else {
        const std::string_view keys(x.keys);
        std::uint32_t row = 0;
        for (std::size_t at = keys.find(match.needle); at != std::string_view::npos;
             at = keys.find(match.needle, x.key_at[row])) {
            while (x.key_at[row + 1] <= at) ++row;
            x.pass[row] = 1;
            ++row;  // one hit per user: go on from the next key
            if (row >= n) break;
        }
        for (std::uint32_t i = 0; i < n; ++i) x.pass[i] |= match.role_hit[x.rows[i].role];
    }
    for (std::uint32_t i = 0; i < n; ++i)
        if (x.pass[i]) x.pass[i] = match.filters(i);
    x.view.clear();
    for (std::uint32_t i : x.order)
        if (x.pass[i]) x.view.push_back(i);
    x.applied = q;
}

// Typing into a small view: only the rows still shown can match, checked in place.
void narrow(UsersIndex& x, const UsersQuery& q) {
    const Matcher match(x, q);
    std::size_t kept = 0;
    for (std::uint32_t i : x.view)
        if (match(i)) x.view[kept++] = i;
    x.view.resize(kept);
    x.applied = q;
}

}  // namespace

UserStatus user_status(const openzro::User& u) {
    if (u.pending_approval) return UserStatus::PendingApproval;
    if (u.is_blocked || u.status == "blocked") return UserStatus::Blocked;
    if (u.status == "invited") return UserStatus::Invited;
    return UserStatus::Active;
}

bool user_from_okta(const openzro::User& u) {
    return u.issued == "integration";
}

void index_load(UsersIndex& x, std::shared_ptr<const std::vector<openzro::User>> users,
                const UsersQuery& q) {
    x.users = std::move(users);
    x.edits.clear();
    x.roles.clear();
    x.rows.clear();
    x.rows.reserve(x.users->size());
    x.okta = 0;
    for (const openzro::User& u : *x.users) {
        x.rows.push_back(make_row(x, u));
        x.okta += x.rows.back().source == UserSource::Okta;
    }
    x.live = x.rows.size();
    build_keys(x);
    sort_order(x, q);
    refilter(x, q);
}

void index_set_groups(UsersIndex& x, const std::vector<openzro::Group>& groups) {
    x.group_names.clear();
    for (const openzro::Group& g : groups) x.group_names[g.id] = g.name;
}

std::uint32_t index_size(const UsersIndex& x) {
    return static_cast<std::uint32_t>(x.rows.size());
}

const openzro::User& index_user(const UsersIndex& x, std::uint32_t row) {
    if (!x.edits.empty()) {
        const auto it = x.edits.find(row);
        if (it != x.edits.end()) return it->second;
    }
    return (*x.users)[row];
}

std::int64_t index_find(const UsersIndex& x, const std::string& id) {
    for (std::uint32_t i = 0; i < index_size(x); ++i)
        if (index_user(x, i).id == id) return i;
    return -1;
}

void index_edit(UsersIndex& x, std::uint32_t row, const openzro::User& user) {
    const UserRow before = x.rows[row];
    const openzro::User& old = index_user(x, row);
    const std::size_t groups_before = old.auto_groups.size();
    const bool key_changed = old.name != user.name || old.email != user.email;
    x.edits[row] = user;
    x.rows[row] = make_row(x, user);
    x.rows[row].deleted = before.deleted;
    if (key_changed) build_keys(x);  // names and emails rarely change: rebuild then
    const UserRow& now = x.rows[row];
    bool moved = false;  // does the row's place in the current sort change?
    switch (x.applied.sort) {
        case SortColumn::Name:
            moved = key_changed;
            break;
        case SortColumn::Role:
            moved = now.role != before.role;
            break;
        case SortColumn::Status:
            moved = now.status != before.status;
            break;
        case SortColumn::Groups:
            moved = user.auto_groups.size() != groups_before;
            break;
        case SortColumn::Source:
            moved = now.source != before.source;
            break;
        case SortColumn::LastLogin:
            moved = now.last_login != before.last_login;
            break;
    }
    if (moved) sort_order(x, x.applied);
    refilter(x, x.applied);
}

void index_set_deleted(UsersIndex& x, std::uint32_t row, bool deleted) {
    if (x.rows[row].deleted == deleted) return;
    x.rows[row].deleted = deleted;
    x.live = deleted ? x.live - 1 : x.live + 1;
    refilter(x, x.applied);
}

void index_apply(UsersIndex& x, const UsersQuery& q) {
    if (!x.users || q == x.applied) return;
    if (!same_except_search(q, x.applied)) {
        if (q.sort != x.applied.sort || q.descending != x.applied.descending) sort_order(x, q);
        refilter(x, q);
        return;
    }
    // Typing: a longer search that contains the old one can only narrow the view. A large
    // view is faster to redo in memory order than to check row by row in sort order.
    const bool grew =
        openzro::to_lower(q.search).find(openzro::to_lower(x.applied.search)) != std::string::npos;
    if (grew && x.view.size() * 8 < x.rows.size())
        narrow(x, q);
    else
        refilter(x, q);
}

const std::string& index_group_name(const UsersIndex& x, const std::string& id) {
    const auto it = x.group_names.find(id);
    return it == x.group_names.end() ? id : it->second;
}

}  // namespace ui
