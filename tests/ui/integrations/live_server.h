// tests/ui/integrations/live_server.h: the real reference server and scripts/okta-sim as child
// processes (tests/support/server_process.h), and a bridge that lets the headless harness talk to
// the server over real HTTP (BeastHttpClient) while the harness keeps its fake transport's hooks.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "client/beast_http_client.h"
#include "harness/harness.h"
#include "support/server_process.h"

namespace testing_okta {

// The reference server (tests/support/server_process.h), as the live tests find it.
class LiveServer : public test_support::ServerProcess {
  public:
    // Empty: no server binary was found (the test skips).
    static std::string find_binary();
    explicit LiveServer(const std::string& binary) : ServerProcess(binary, {}, 10000) {}
};

using test_support::Child;

// Answers the requests a harness without a responder leaves pending, from the real server:
// each goes out over Beast with the owner's token, and its answer goes back to the harness's
// fake transport.
class LiveBridge {
  public:
    LiveBridge(std::string origin, std::string token);
    // Sends the new requests, delivers finished exchanges and draws a frame.
    void pump(harness::Harness& h);

  private:
    std::string origin_, token_;
    openzro::HttpClient::RequestId forwarded_ = 0;
    openzro::BeastHttpClient beast_;
};

std::string okta_sim_path();

}  // namespace testing_okta
