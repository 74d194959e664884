// ui/pages/users/users_query.h: what the Users table shows (search, filters, sort), read from and
// written to the route (#/team/users?source=okta&status=blocked&q=jane&sort=-last_login), so
// deep links, reload, back and forward all restore the same view.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ui/route.h"

namespace ui {

enum class UserStatus : std::uint8_t { Active, Invited, PendingApproval, Blocked };
enum class SortColumn : std::uint8_t { Name, Role, Status, Groups, Source, LastLogin };
enum class UserSource : std::uint8_t { Manual, Okta };

struct UsersQuery {
    std::string search;                  // as typed; matched case-insensitively
    std::optional<UserStatus> status;    // ?status=active|invited|pending_approval|blocked
    std::string role;                    // ?role=admin ("" = any)
    std::string group;                   // ?group=<group id> ("" = any)
    std::optional<UserSource> source;    // ?source=okta|manual
    SortColumn sort = SortColumn::Name;  // ?sort=name, ?sort=-last_login (descending)
    bool descending = false;

    bool operator==(const UsersQuery& o) const;
    bool operator!=(const UsersQuery& o) const { return !(*this == o); }
};

UsersQuery query_from_route(const Route& route);
// The route of `base` (its path) showing `query`; defaults are left out of the hash.
Route route_with_query(const Route& base, const UsersQuery& query);
// True when only the search differs: typing never needs a re-sort.
bool same_except_search(const UsersQuery& a, const UsersQuery& b);
bool has_filters(const UsersQuery& query);  // search or any filter set

// A value's names as the route and the UI spell them.
struct EnumName {
    const char* key;    // "pending_approval", "okta", "last_login"
    const char* label;  // "Pending approval", "Okta", "Last login"
};
EnumName name_of(UserStatus status);
EnumName name_of(UserSource source);
EnumName name_of(SortColumn column);
std::string role_label(std::string_view role);  // "network_admin" -> "Network admin"

}  // namespace ui
