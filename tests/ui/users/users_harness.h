// tests/ui/users/users_harness.h: opens the app on the Users page over a FakeServer, with the
// wall clock pinned so "3 hours ago" is stable.
#pragma once
#include <gtest/gtest.h>

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

// A test on the standard account (fake_server.cpp): it may change `server`, then open() the page.
class StandardAccount : public ::testing::Test {
  protected:
    void open(const std::string& hash = "#/team/users") { h = open_users(server, hash); }

    std::shared_ptr<FakeServer> server = standard_account();
    std::unique_ptr<harness::Harness> h;
};

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

// Picks `action` ("Block", "Remove", "Approve"...) in the row menu of the user with `email`,
// then settles.
inline bool row_action(harness::Harness& h, const std::string& action, const std::string& email) {
    return h.click("Actions for " + email) && h.click_and_settle(action + " " + email);
}

// Answers the open confirmation with `button`, then settles (the write and its answer).
inline ::testing::AssertionResult confirm(harness::Harness& h, const std::string& button) {
    if (!h.app.users.confirm.open) return ::testing::AssertionFailure() << "no confirmation open";
    if (!h.click_and_settle(button)) return ::testing::AssertionFailure() << "no " << button;
    return ::testing::AssertionSuccess();
}

// Whether the last PUT or DELETE the page sent is `method` to a URL containing `path`.
inline ::testing::AssertionResult last_write_is(const harness::Harness& h,
                                                const std::string& method,
                                                const std::string& path) {
    const openzro::FakeHttpClient::Sent* w = last_write(h);
    if (!w) return ::testing::AssertionFailure() << "nothing was written";
    if (w->request.method != method || w->request.url.find(path) == std::string::npos)
        return ::testing::AssertionFailure() << w->request.method << " " << w->request.url;
    return ::testing::AssertionSuccess();
}

}  // namespace users_test
