// ui/user_menu.h: who is signed in, at the bottom of the sidebar (name, email, role) with a
// menu to sign out. Embedded with host tokens there is no Sign out: the host owns the session.
#pragma once
#include "ui/pages/page.h"
#include "ui/request_state.h"

namespace ui {

struct SessionState {
    openzro::RequestScope scope;
    Fetch<openzro::CurrentUser> me;  // GET /users/current
    bool signing_out = false;
    bool ended = false;  // POST /auth/logout answered: show the signed-out screen
};

// The row's height in CSS px, for the sidebar to reserve.
inline constexpr float kUserMenuHeight = 52;

// Loads the current user once, draws the row and its menu, and signs out when asked.
void user_menu(SessionState& state, Services& services, bool can_sign_out);

}  // namespace ui
