// ui/pages/users/users_rules.h: which actions on a user the server would refuse, and why, so
// the row menu and the detail panel disable them beforehand with the same words
// (../shared/docs/API.md server rules; upstream behaviour).
#pragma once
#include "client/model.h"

namespace ui {

// Each field: nullptr when allowed, else the reason shown on the disabled control.
struct UserActionRules {
    const char* block = nullptr;    // block and unblock
    const char* role = nullptr;     // change role
    const char* remove = nullptr;   // delete
    const char* approve = nullptr;  // approve or reject a user pending approval
};

// `me` is GET /users/current (nullptr while it loads).
UserActionRules user_action_rules(const openzro::CurrentUser* me, const openzro::User& target);

// Why `me` may not see the account's users at all (a member: the server refuses the list), or
// nullptr when it may or `me` is still loading. The page says so instead of a failed load.
const char* users_read_refused(const openzro::CurrentUser* me);

// The roles an admin can give (owner is transferred, not given).
inline constexpr const char* kAssignableRoles[] = {"admin", "user", "network_admin",
                                                   "billing_admin", "auditor"};

}  // namespace ui
