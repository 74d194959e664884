// wizard_bench: the Okta wizard through the real app and harness, against the fake server
// (bench/wizard/run runs it natively and as wasm under Node.js). Walks the whole journey many
// times and prints, per wizard step, the UI build time of a frame (p50/p95), and the journey's
// wall time. Uses only the harness's basic calls (frame, click, type), so the same file (with
// tests/support/bench_timing.h) builds against older trees for a before/after comparison.
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "fake_okta_server.h"
#include "harness/harness.h"
#include "support/bench_timing.h"

namespace {

using bench::Clock;
using bench::ms_since;
using bench::percentile;
using testing_okta::FakeOktaServer;

// One journey: a click or typing, then frames, each timed under the step the wizard shows.
struct Journey {
    harness::Harness& h;
    std::map<std::string, std::vector<double>>& frames;

    std::string step() const {
        const std::string* s = ui::route_query_value(h.app.route, "step");
        return s ? "step " + *s : "card";
    }
    void frames_on(int count) {
        for (int i = 0; i < count; ++i) {
            const std::string where = step();
            const Clock::time_point t0 = Clock::now();
            h.frame();
            frames[where].push_back(ms_since(t0));
        }
    }
    bool click(const std::string& label) {
        if (!h.click(label)) return false;
        frames_on(6);
        return true;
    }
    void fill(const std::string& label, const std::string& text) {
        click(label);
        h.type(text);
        frames_on(2);
    }
};

bool journey(std::map<std::string, std::vector<double>>& frames) {
    FakeOktaServer s;
    harness::HarnessConfig config;
    config.width = 1280;
    config.height = 1200;
    config.route_hash = "#/integrations";
    config.api_origin = "https://vpn.acme.com";
    config.responder = s.responder();
    harness::Harness h(config);
    Journey j{h, frames};
    j.frames_on(3);
    bool ok = j.click("Connect Okta") && j.click("Get Started") && j.click("Continue");
    j.fill("Client ID", "0oa1b2c3d4");
    j.fill("Client secret", "s3cr3t-value");
    j.fill("Okta account domain", "acme.okta.com");
    j.fill("Primary email domain", "acme.com");
    ok = ok && j.click("Save and continue") && j.click("Create integration");
    s.okta_reaches(1);
    h.advance(2.5);
    j.frames_on(6);
    ok = ok && j.click("Continue") && j.click("Continue") && j.click("Continue");
    s.okta_pushes(3, 2);
    h.advance(3.5);
    j.frames_on(6);
    ok = ok && j.click("Finish Setup");
    return ok && h.app.route.page == ui::Page::TeamUsers;
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::stoi(argv[1]) : 50;
    std::map<std::string, std::vector<double>> frames;
    std::vector<double> journeys;
    for (int i = 0; i < runs; ++i) {
        const Clock::time_point t0 = Clock::now();
        if (!journey(frames)) {
            std::printf("the journey did not reach Team > Users\n");
            return 1;
        }
        journeys.push_back(ms_since(t0));
    }
    std::vector<double> all;
    for (const auto& [where, v] : frames) {
        std::printf("frame on %-8s p50 %6.3f ms  p95 %6.3f ms  (n=%zu)\n", where.c_str(),
                    percentile(v, 0.5), percentile(v, 0.95), v.size());
        all.insert(all.end(), v.begin(), v.end());
    }
    std::printf("frame, every step    p50 %6.3f ms  p95 %6.3f ms  (n=%zu)\n", percentile(all, 0.5),
                percentile(all, 0.95), all.size());
    std::printf("whole journey        p50 %6.1f ms  min %6.1f ms  (runs=%d)\n",
                percentile(journeys, 0.5), percentile(journeys, 0.0), runs);
    return 0;
}
