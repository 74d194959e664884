#include "ui/pages/users/users_query.h"

namespace ui {

namespace {

constexpr UserStatus kStatuses[] = {UserStatus::Active, UserStatus::Invited,
                                    UserStatus::PendingApproval, UserStatus::Blocked};
constexpr UserSource kSources[] = {UserSource::Manual, UserSource::Okta};
constexpr SortColumn kColumns[] = {SortColumn::Name,   SortColumn::Role,   SortColumn::Status,
                                   SortColumn::Groups, SortColumn::Source, SortColumn::LastLogin};

// The enum value whose key() is `text`, if any.
template <class E, std::size_t N>
std::optional<E> parse(const std::string* text, const E (&values)[N], const char* (*key)(E)) {
    if (!text) return std::nullopt;
    for (E v : values)
        if (*text == key(v)) return v;
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
    q.status = parse(route_query_value(route, "status"), kStatuses, status_key);
    q.role = value_or_empty(route, "role");
    q.group = value_or_empty(route, "group");
    q.source = parse(route_query_value(route, "source"), kSources, source_key);
    if (const std::string* sort = route_query_value(route, "sort")) {
        std::string name = *sort;
        q.descending = !name.empty() && name.front() == '-';
        if (q.descending) name.erase(0, 1);
        const auto column = parse(&name, kColumns, sort_key);
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
    if (q.status) r.query.emplace_back("status", status_key(*q.status));
    if (!q.role.empty()) r.query.emplace_back("role", q.role);
    if (!q.group.empty()) r.query.emplace_back("group", q.group);
    if (q.source) r.query.emplace_back("source", source_key(*q.source));
    if (q.sort != SortColumn::Name || q.descending)
        r.query.emplace_back("sort", std::string(q.descending ? "-" : "") + sort_key(q.sort));
    return r;
}

const char* status_key(UserStatus s) {
    switch (s) {
        case UserStatus::Invited:
            return "invited";
        case UserStatus::PendingApproval:
            return "pending_approval";
        case UserStatus::Blocked:
            return "blocked";
        case UserStatus::Active:
            break;
    }
    return "active";
}

const char* status_label(UserStatus s) {
    switch (s) {
        case UserStatus::Invited:
            return "Invited";
        case UserStatus::PendingApproval:
            return "Pending approval";
        case UserStatus::Blocked:
            return "Blocked";
        case UserStatus::Active:
            break;
    }
    return "Active";
}

const char* source_key(UserSource s) {
    return s == UserSource::Okta ? "okta" : "manual";
}

const char* source_label(UserSource s) {
    return s == UserSource::Okta ? "Okta" : "openZro";
}

const char* sort_key(SortColumn c) {
    switch (c) {
        case SortColumn::Role:
            return "role";
        case SortColumn::Status:
            return "status";
        case SortColumn::Groups:
            return "groups";
        case SortColumn::Source:
            return "source";
        case SortColumn::LastLogin:
            return "last_login";
        case SortColumn::Name:
            break;
    }
    return "name";
}

const char* column_label(SortColumn c) {
    switch (c) {
        case SortColumn::Role:
            return "Role";
        case SortColumn::Status:
            return "Status";
        case SortColumn::Groups:
            return "Groups";
        case SortColumn::Source:
            return "Source";
        case SortColumn::LastLogin:
            return "Last login";
        case SortColumn::Name:
            break;
    }
    return "Name";
}

std::string role_label(std::string_view role) {
    std::string out(role);
    for (char& c : out)
        if (c == '_') c = ' ';
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
    return out;
}

}  // namespace ui
