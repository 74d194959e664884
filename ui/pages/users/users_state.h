// ui/pages/users/users_state.h: everything the Team > Users page keeps between frames.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "client/api.h"
#include "ui/confirm_dialog.h"
#include "ui/pages/users/users_index.h"
#include "ui/request_state.h"

namespace ui {

// A write in flight: reapplied over a list that loads before its answer.
struct PendingWrite {
    openzro::User user;  // the user as the write leaves it
    bool remove = false;
};

// Light automatic refresh while Okta pushes (users appear during the wizard's last steps).
struct LiveRefresh {
    bool has_integration = false;
    bool seen = false;                           // a poll answered since the page was entered
    std::optional<std::int64_t> last_synced_at;  // newest of the integrations, as last seen
    double active_until = -1;                    // ImGui time: poll until then; pushes extend it
    Poller poll;                                 // a failed poll is retried at the next one
};

struct UsersPageState {
    std::string search;            // the search field; the route's ?q= follows after a pause
    std::string route_search;      // ?q= as last read from the route
    double search_edited_at = -1;  // ImGui time of a keystroke not yet in the route
    UsersQuery query;              // route filters + the search field, this frame

    UsersIndex index;
    openzro::Api::Ref<openzro::CurrentUser> me;  // GET /users/current
    Read list;  // the users list (kept in index); its error also says when groups failed
    openzro::RequestScope loads, writes, polls;
    std::unordered_map<std::string, PendingWrite> pending;  // by user id
    LiveRefresh live;

    std::string selected;        // user id shown in the detail panel ("" = none)
    std::string menu_user;       // user id of the open row menu
    std::string drawn_selected;  // the selection this frame was laid out for
    ConfirmDialog confirm;
    std::string confirm_user;  // user id the dialog is about
};

}  // namespace ui
