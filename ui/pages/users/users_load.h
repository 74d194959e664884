// ui/pages/users/users_load.h: getting the users, groups and the current user, keeping what was
// shown when a reload fails, and the light automatic refresh while Okta is pushing.
#pragma once
#include "ui/pages/page.h"
#include "ui/pages/users/users_state.h"

namespace ui {

// GET /users?service_user=false, /groups, /users/current (and the SCIM integrations, to know
// whether Okta is pushing). kCacheFirst on entering, kNetwork for Refresh and live updates.
void users_load(UsersPageState& state, Services& services, openzro::Api::Freshness freshness);
// Each frame: polls the Okta integration every few seconds while it has recent activity and
// reloads when it changed; asks for the next wake-up. Stops (no wake-ups) once idle.
void users_live_refresh(UsersPageState& state, PageContext& context);

inline constexpr double kLivePollSeconds = 5;
inline constexpr double kLiveWatchSeconds = 120;  // after entering or after the last push

}  // namespace ui
