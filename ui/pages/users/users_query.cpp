#include "ui/pages/users/users_query.h"

namespace ui {

namespace {

// Each enum value with its route key and its label: one table per enum, read both ways.
template <class E>
struct Name {
    E value;
    const char* key;
    const char* label;
};

constexpr Name<UserStatus> kStatuses[] = {
    {UserStatus::Active, "active", "Active"},
    {UserStatus::Invited, "invited", "Invited"},
    {UserStatus::PendingApproval, "pending_approval", "Pending approval"},
    {UserStatus::Blocked, "blocked", "Blocked"}};
constexpr Name<UserSource> kSources[] = {{UserSource::Manual, "manual", "openZro"},
                                         {UserSource::Okta, "okta", "Okta"}};
constexpr Name<SortColumn> kColumns[] = {
    {SortColumn::Name, "name", "Name"},       {SortColumn::Role, "role", "Role"},
    {SortColumn::Status, "status", "Status"}, {SortColumn::Groups, "groups", "Groups"},
    {SortColumn::Source, "source", "Source"}, {SortColumn::LastLogin, "last_login", "Last login"}};

template <class E, std::size_t N>
EnumName find_name(const Name<E> (&names)[N], E value) {
    for (const Name<E>& n : names)
        if (n.value == value) return {n.key, n.label};
    return {names[0].key, names[0].label};
}

// The enum value whose key is `text`, if any.
template <class E, std::size_t N>
std::optional<E> parse(const std::string* text, const Name<E> (&names)[N]) {
    if (!text) return std::nullopt;
    for (const Name<E>& n : names)
        if (*text == n.key) return n.value;
    return std::nullopt;
}

std::string value_or_empty(const Route& route, std::string_view key) {
    const std::string* v = route_query_value(route, key);
    return v ? *v : std::string();
}

}  // namespace

bool UsersQuery::operator==(const UsersQuery& o) const {
    return search == o.search && same_except_search(*this, o);
}

bool same_except_search(const UsersQuery& a, const UsersQuery& b) {
    return a.status == b.status && a.role == b.role && a.group == b.group && a.source == b.source &&
           a.sort == b.sort && a.descending == b.descending;
}

bool has_filters(const UsersQuery& q) {
    return !q.search.empty() || q.status || !q.role.empty() || !q.group.empty() || q.source;
}

UsersQuery query_from_route(const Route& route) {
    UsersQuery q;
    q.search = value_or_empty(route, "q");
    q.status = parse(route_query_value(route, "status"), kStatuses);
    q.role = value_or_empty(route, "role");
    q.group = value_or_empty(route, "group");
    q.source = parse(route_query_value(route, "source"), kSources);
    if (const std::string* sort = route_query_value(route, "sort")) {
        std::string name = *sort;
        q.descending = !name.empty() && name.front() == '-';
        if (q.descending) name.erase(0, 1);
        const auto column = parse(&name, kColumns);
        q.sort = column.value_or(SortColumn::Name);
        if (!column) q.descending = false;
    }
    return q;
}

Route route_with_query(const Route& base, const UsersQuery& q) {
    Route r;
    r.page = base.page;
    r.path = base.path;
    if (!q.search.empty()) r.query.emplace_back("q", q.search);
    if (q.status) r.query.emplace_back("status", name_of(*q.status).key);
    if (!q.role.empty()) r.query.emplace_back("role", q.role);
    if (!q.group.empty()) r.query.emplace_back("group", q.group);
    if (q.source) r.query.emplace_back("source", name_of(*q.source).key);
    if (q.sort != SortColumn::Name || q.descending)
        r.query.emplace_back("sort", std::string(q.descending ? "-" : "") + name_of(q.sort).key);
    return r;
}

EnumName name_of(UserStatus status) {
    return find_name(kStatuses, status);
}

EnumName name_of(UserSource source) {
    return find_name(kSources, source);
}

EnumName name_of(SortColumn column) {
    return find_name(kColumns, column);
}

std::string role_label(std::string_view role) {
    std::string out(role);
    for (char& c : out)
        if (c == '_') c = ' ';
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
    return out;
}

}  // namespace ui
