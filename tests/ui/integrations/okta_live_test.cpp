// The Okta wizard against the real reference server, with scripts/okta-sim playing Okta with the
// token the wizard showed: the verification message, the live counts and the Finish navigation.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>

#include "live_server.h"
#include "okta_test_util.h"

using namespace testing_okta;
using harness::Harness;

namespace {

// Pumps frames until `done` or `seconds` of real time passed.
bool pump_until(LiveBridge& bridge, Harness& h, const std::function<bool()>& done,
                double seconds = 20) {
    const auto end = std::chrono::steady_clock::now() +
                     std::chrono::milliseconds(static_cast<int>(seconds * 1000));
    while (std::chrono::steady_clock::now() < end) {
        bridge.pump(h);
        if (done()) return true;
    }
    return false;
}

}  // namespace

TEST(OktaLive, WizardAgainstTheReferenceServerWithOktaSim) {
    const std::string binary = LiveServer::find_binary();
    if (binary.empty()) GTEST_SKIP() << "no openzro-server binary (set OPENZRO_SERVER_BIN)";
    LiveServer server(binary);
    ASSERT_TRUE(server.ready()) << "the reference server did not start";
    ASSERT_FALSE(server.owner_token().empty());
    LiveBridge bridge(server.origin(), server.owner_token());
    Harness h({1280, 1000, 1.0f, "#/integrations", server.origin(), {}});
    // Waits for the item, then for the dialog to settle (it re-centres as it fits new content).
    auto settle = [&](const std::string& label) {
        if (!pump_until(bridge, h, [&] { return h.find(label) || shown(h, label); })) return false;
        for (int i = 0; i < 4; ++i) bridge.pump(h);
        return h.find(label) || shown(h, label);
    };
    auto press = [&](const std::string& label) {
        if (!settle(label) || disabled(h, label)) return false;
        h.click(label);
        return true;
    };

    ASSERT_TRUE(settle("Not connected"));
    ASSERT_TRUE(press("Connect Okta"));
    ASSERT_TRUE(press("Get Started"));
    ASSERT_TRUE(press("Continue"));
    ASSERT_TRUE(settle("Client ID"));
    fill(h, "Client ID", "0oa1live");
    fill(h, "Client secret", "live-secret");
    fill(h, "Okta account domain", "acme.okta.com");
    fill(h, "Primary email domain", "acme.com");
    ASSERT_TRUE(press("Save and continue"));
    ASSERT_TRUE(press("Create integration"));
    ASSERT_TRUE(press("Copy Authorization (Bearer) token"));
    const std::string token = h.clipboard;
    ASSERT_EQ(token.rfind("nbs_", 0), 0u) << token;
    ASSERT_TRUE(shown(h, "Waiting for Okta..."));

    Child okta({okta_sim_path(), "--base-url", server.origin() + "/api/scim/v2", "--token", token,
                "--users", "5", "--groups", "3", "--quiet"},
               server.dir() + "/okta-sim.log");
    ASSERT_TRUE(pump_until(bridge, h, [&] {
        return find_prefix(h, "Okta reached openZro at ") != nullptr;
    })) << "the wizard never saw Okta's first request";
    ASSERT_TRUE(pump_until(
        bridge, h, [&] { return okta.poll() >= 0; }, 60));
    EXPECT_EQ(okta.poll(), 0) << "see " << server.dir() << "/okta-sim.log";

    ASSERT_TRUE(press("Continue"));
    ASSERT_TRUE(press("Continue"));
    ASSERT_TRUE(press("Continue"));
    EXPECT_TRUE(pump_until(
        bridge, h, [&] { return shown(h, "5 users received") && shown(h, "3 groups received"); }));
    ASSERT_TRUE(press("Finish Setup"));
    EXPECT_TRUE(pump_until(bridge, h, [&] { return h.app.route.page == ui::Page::TeamUsers; }));
    EXPECT_EQ(h.history.back(), "#/team/users?source=okta");
}
