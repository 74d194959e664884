#include "ui/pages/users/users_index.h"

#include <algorithm>
#include <numeric>

#include "ui/pages/users/users_time.h"

namespace ui {

namespace {

constexpr char kSep = '\x1f';  // cannot be typed: a search never matches across fields

void append_lower(std::string& out, const std::string& s) {
    for (char c : s) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

UserRow make_row(const openzro::User& u) {
    UserRow r;
    r.key.reserve(u.name.size() + u.email.size() + u.role.size() + 2);
    append_lower(r.key, u.name.empty() ? u.email : u.name);
    r.key += kSep;
    append_lower(r.key, u.email);
    r.key += kSep;
    append_lower(r.key, u.role);
    r.last_login = parse_rfc3339(u.last_login);
    r.status = user_status(u);
    r.source = user_from_okta(u) ? UserSource::Okta : UserSource::Manual;
    return r;
}

std::string lower(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    append_lower(out, s);
    return out;
}

// Strict weak order of two rows by one column, ascending.
bool less_by(const UsersIndex& x, SortColumn column, std::uint32_t a, std::uint32_t b) {
    const UserRow &ra = x.rows[a], &rb = x.rows[b];
    switch (column) {
        case SortColumn::Role:
            return index_user(x, a).role < index_user(x, b).role;
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
    return ra.key < rb.key;
}

void sort_order(UsersIndex& x, const UsersQuery& q) {
    x.order.resize(x.rows.size());
    std::iota(x.order.begin(), x.order.end(), 0u);
    // Stable from the server's order, both ways: equal rows keep their relative order.
    const SortColumn column = q.sort;
    if (q.descending)
        std::stable_sort(x.order.begin(), x.order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return less_by(x, column, b, a);
        });
    else
        std::stable_sort(x.order.begin(), x.order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return less_by(x, column, a, b);
        });
}

// The query compiled once per filter pass.
struct Matcher {
    std::string needle;
    const UsersQuery& q;

    bool operator()(const UsersIndex& x, std::uint32_t i) const {
        const UserRow& r = x.rows[i];
        if (r.deleted) return false;
        if (q.status && r.status != *q.status) return false;
        if (q.source && r.source != *q.source) return false;
        if (!needle.empty() && r.key.find(needle) == std::string::npos) return false;
        if (q.role.empty() && q.group.empty()) return true;
        const openzro::User& u = index_user(x, i);
        if (!q.role.empty() && u.role != q.role) return false;
        return q.group.empty() || std::find(u.auto_groups.begin(), u.auto_groups.end(), q.group) !=
                                      u.auto_groups.end();
    }
};

void refilter(UsersIndex& x, const UsersQuery& q) {
    const Matcher match{lower(q.search), q};
    x.view.clear();
    for (std::uint32_t i : x.order)
        if (match(x, i)) x.view.push_back(i);
    x.applied = q;
}

// Typing: the view only narrows, so it is filtered in place.
void narrow(UsersIndex& x, const UsersQuery& q) {
    const Matcher match{lower(q.search), q};
    std::size_t kept = 0;
    for (std::uint32_t i : x.view)
        if (match(x, i)) x.view[kept++] = i;
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
    x.rows.clear();
    x.rows.reserve(x.users->size());
    x.okta = 0;
    for (const openzro::User& u : *x.users) {
        x.rows.push_back(make_row(u));
        x.okta += x.rows.back().source == UserSource::Okta;
    }
    x.live = x.rows.size();
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
    const std::size_t groups_before = index_user(x, row).auto_groups.size();
    const std::string role_before = index_user(x, row).role;
    x.edits[row] = user;
    x.rows[row] = make_row(user);
    x.rows[row].deleted = before.deleted;
    const UserRow& now = x.rows[row];
    bool moved = false;  // does the row's place in the current sort change?
    switch (x.applied.sort) {
        case SortColumn::Name:
            moved = now.key != before.key;
            break;
        case SortColumn::Role:
            moved = user.role != role_before;
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
    // Typing: a longer search that contains the old one can only narrow the view.
    const std::string needle = lower(q.search), old = lower(x.applied.search);
    if (needle.find(old) != std::string::npos)
        narrow(x, q);
    else
        refilter(x, q);
}

const std::string& index_group_name(const UsersIndex& x, const std::string& id) {
    const auto it = x.group_names.find(id);
    return it == x.group_names.end() ? id : it->second;
}

}  // namespace ui
