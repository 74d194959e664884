#include "ui/pages/users/users_load.h"

#include <imgui.h>

#include <algorithm>

#include "ui/pages/users/users_table.h"
#include "ui/time.h"

namespace ui {

namespace {

using Freshness = openzro::Api::Freshness;

void load_users(UsersPageState& state, Services& services, Freshness freshness) {
    state.list.start();
    services.api->users(
        state.loads,
        [&state](openzro::Result<openzro::Api::Ref<std::vector<openzro::User>>> result) {
            const auto* users = state.list.finish(result);
            if (!users) return;
            if (*users == state.index.users) return;  // the same cached list
            index_load(state.index, *users, state.query);
            // Writes still in flight win over a list read before they landed.
            for (const auto& [id, write] : state.pending) {
                const std::int64_t row = index_find(state.index, id);
                if (row < 0) continue;
                const auto i = static_cast<std::uint32_t>(row);
                if (write.remove)
                    index_set_deleted(state.index, i, true);
                else
                    index_edit(state.index, i, write.user);
            }
        },
        freshness);
}

void load_groups(UsersPageState& state, Services& services, Freshness freshness) {
    services.api->groups(
        state.loads,
        [&state](openzro::Result<openzro::Api::Ref<std::vector<openzro::Group>>> result) {
            if (const auto* groups = ok_value(result))
                index_set_groups(state.index, **groups);
            else if (!state.list.error)
                state.list.error = result.error();
        },
        freshness);
}

// The newest last_synced_at of the enabled integrations (nullopt when none has synced).
std::optional<std::int64_t> newest_sync(const std::vector<openzro::OktaScimIntegration>& list) {
    std::optional<std::int64_t> newest;
    for (const auto& i : list)
        if (const auto t = parse_rfc3339(i.last_synced_at); i.enabled && t)
            newest = std::max(newest.value_or(*t), *t);
    return newest;
}

void poll_integrations(UsersPageState& state, Services& services) {
    services.api->scim_integrations(
        state.polls,
        [&state, &services](
            openzro::Result<openzro::Api::Ref<std::vector<openzro::OktaScimIntegration>>> result) {
            LiveRefresh& live = state.live;
            const auto* answer = live.poll.answered(result, ImGui::GetTime(), kLivePollSeconds);
            if (!answer) {
                live.poll.error.reset();  // not worth a banner: retried at the next poll
                return;
            }
            const auto& list = **answer;
            live.has_integration =
                std::any_of(list.begin(), list.end(), [](const auto& i) { return i.enabled; });
            const std::optional<std::int64_t> newest = newest_sync(list);
            const double now = ImGui::GetTime();
            if (!live.has_integration) {
                live.active_until = -1;  // nothing can push: stop polling
            } else if (!live.seen) {
                // First look since entering: an old sync means Okta is not pushing now; no
                // sync yet or a recent one means the setup is under way: keep watching.
                if (newest &&
                    wall_now(services) - *newest > static_cast<std::int64_t>(kLiveWatchSeconds))
                    live.active_until = -1;
            } else if (newest != live.last_synced_at) {
                // Okta pushed since the last poll: show it, and keep watching.
                load_users(state, services, Freshness::kNetwork);
                load_groups(state, services, Freshness::kNetwork);
                live.active_until = now + kLiveWatchSeconds;
            }
            live.seen = true;
            live.last_synced_at = newest;
        },
        Freshness::kNetwork);
}

}  // namespace

void users_load(UsersPageState& state, Services& services, Freshness freshness) {
    if (!services.api) return;
    state.loads.cancel();
    load_users(state, services, freshness);
    load_groups(state, services, freshness);
    services.api->current_user(
        state.loads,
        [&state](openzro::Result<openzro::Api::Ref<openzro::CurrentUser>> result) {
            if (const auto* me = ok_value(result)) state.me = *me;
        },
        freshness);
}

void users_live_refresh(UsersPageState& state, PageContext& context) {
    if (!context.services.api) return;
    LiveRefresh& live = state.live;
    const double now = ImGui::GetTime();
    if (context.entered) {
        live.active_until = now + kLiveWatchSeconds;
        live.poll = Poller{};  // a round cut short by leaving the page is forgotten
        live.seen = false;
    }
    if (now >= live.active_until) return;  // idle: no polls, no wake-ups
    if (live.poll.due(now)) poll_integrations(state, context.services);
    context.actions.wake_after = earliest_wake(context.actions.wake_after, live.poll.wake_in(now));
}

}  // namespace ui
