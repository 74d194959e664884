// ui/pages/users/users_actions.h: block, unblock, change role and remove, shared by the row menu
// and the detail panel. Changes show at once (optimistic) and roll back with the server's
// message and request id when it refuses. Block and remove ask first.
#pragma once
#include <string>

#include "ui/pages/page.h"
#include "ui/pages/users/users_state.h"

namespace ui {

// Block asks for confirmation (it disconnects the user's peers); unblock acts at once.
void ask_set_blocked(UsersPageState& state, Services& services, const openzro::User& user,
                     bool blocked);
void ask_remove(UsersPageState& state, const openzro::User& user);
// A user waiting for approval: approve at once, reject after confirmation (it deletes them).
void approve(UsersPageState& state, Services& services, const openzro::User& user);
void ask_reject(UsersPageState& state, const openzro::User& user);
void set_role(UsersPageState& state, Services& services, const openzro::User& user,
              const std::string& role);
// Draws the confirmation dialog and carries out what it confirms.
void draw_user_confirm(UsersPageState& state, Services& services);

// The name people read: the name, else the email.
const std::string& display_name(const openzro::User& user);

}  // namespace ui
