// tests/ui/integrations/okta_test_util.h: a harness over the fake server, and lookups the
// Okta tests share.
#pragma once
#include <memory>
#include <string>

#include "fake_okta_server.h"
#include "harness/harness.h"

namespace testing_okta {

// Tall enough that every wizard step fits without scrolling.
inline std::unique_ptr<harness::Harness> open_app(FakeOktaServer& server,
                                                  const std::string& route = "#/integrations") {
    auto h = std::make_unique<harness::Harness>(harness::HarnessConfig{
        1280, 1200, 1.0f, route, "https://vpn.acme.com", server.responder()});
    h->settle();
    return h;
}

using harness::disabled;
using harness::find_prefix;
using harness::shown;

inline std::string query(const harness::Harness& h, const char* key) {
    const std::string* v = ui::route_query_value(h.app.route, key);
    return v ? *v : "";
}

// Clicks a text field and types into it.
inline void fill(harness::Harness& h, const std::string& label, const std::string& text) {
    h.click_and_settle(label);
    h.type(text);
}

}  // namespace testing_okta
