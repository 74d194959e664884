#include "ui/pages/users/users_rules.h"

namespace ui {

namespace {

bool may(const openzro::CurrentUser& me, const char* op) {
    return openzro::can(me, "users", op);
}

}  // namespace

const char* users_read_refused(const openzro::CurrentUser* me) {
    if (!me || may(*me, "read")) return nullptr;
    return "Your role can't see the account's users. An admin or the owner manages them, and "
           "can give you a role that sees them.";
}

UserActionRules user_action_rules(const openzro::CurrentUser* me, const openzro::User& t) {
    if (!me) {
        const char* wait = "Checking your permissions…";
        return {wait, wait, wait, wait};
    }
    UserActionRules r;
    const bool self = t.id == me->id || t.is_current;
    const bool owner = t.role == "owner";
    if (!may(*me, "update")) {
        r.block = r.role = "Your role can't change users: ask an admin or the owner";
    } else if (self) {
        r.block = "You can't block yourself";
        r.role = "You can't change your own role";
    } else if (owner) {
        r.block = "The account owner can't be blocked";
        r.role = "The owner's role can't be changed: ownership is transferred, not edited";
    }
    if (!may(*me, "delete"))
        r.remove = "Your role can't remove users: ask an admin or the owner";
    else if (self)
        r.remove = "You can't remove yourself";
    else if (owner)
        r.remove = "The account owner can't be removed";
    else if (t.issued == "integration")
        r.remove =
            "Managed in Okta: unassign this user from the openZro app in Okta to remove them";
    if (!may(*me, "update") || !may(*me, "delete"))
        r.approve = "Your role can't approve users: ask an admin or the owner";
    return r;
}

}  // namespace ui
