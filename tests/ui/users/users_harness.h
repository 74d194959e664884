// tests/ui/users/users_harness.h: opens the app on the Users page over a FakeServer, with the
// wall clock pinned so "3 hours ago" is stable.
#pragma once
#include <memory>
#include <string>

#include "fake_server.h"
#include "harness/harness.h"

namespace users_test {

inline constexpr std::int64_t kNow = 1795931551;  // 2026-11-29 05:52:31 UTC

// Starts on Integrations, pins the clock, then goes to `hash` as a user would.
inline std::unique_ptr<harness::Harness> open_users(std::shared_ptr<FakeServer> server,
                                                    const std::string& hash = "#/team/users") {
    harness::HarnessConfig config;
    config.route_hash = "#/integrations";
    config.responder = responder(std::move(server));
    auto h = std::make_unique<harness::Harness>(config);
    h->app.services.unix_now = [] { return kNow; };
    h->navigate(hash);
    h->settle();
    return h;
}

inline std::vector<std::string> view_ids(const harness::Harness& h) {
    std::vector<std::string> out;
    for (std::uint32_t i : h.app.users.index.view)
        out.push_back(ui::index_user(h.app.users.index, i).id);
    return out;
}

using harness::disabled;

// The last PUT or DELETE the page sent, or nullptr.
inline const openzro::FakeHttpClient::Sent* last_write(const harness::Harness& h) {
    const openzro::FakeHttpClient::Sent* found = nullptr;
    for (const auto& s : h.http.sent())
        if (s.request.method == "PUT" || s.request.method == "DELETE") found = &s;
    return found;
}

}  // namespace users_test
