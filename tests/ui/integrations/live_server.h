// tests/ui/integrations/live_server.h: the real reference server and scripts/okta-sim as child
// processes, and a bridge that lets the headless harness talk to the server over real HTTP
// (BeastHttpClient) while the harness keeps its fake transport's hooks.
#pragma once
#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "client/beast_http_client.h"
#include "harness/harness.h"

namespace testing_okta {

class LiveServer {
  public:
    // Empty path(): no server binary was found (the test skips).
    static std::string find_binary();
    explicit LiveServer(const std::string& binary);
    ~LiveServer();
    bool ready() const { return !origin_.empty(); }
    const std::string& origin() const { return origin_; }  // "http://127.0.0.1:PORT"
    const std::string& owner_token() const { return token_; }
    const std::string& dir() const { return dir_; }  // data, logs; removed at the end

  private:
    pid_t pid_ = -1;
    std::string dir_, origin_, token_;
};

// A child process (okta-sim); the destructor kills it if it is still running.
class Child {
  public:
    explicit Child(const std::vector<std::string>& argv, const std::string& log_file);
    ~Child();
    // -1 while running, else the exit status.
    int poll();

  private:
    pid_t pid_ = -1;
    int status_ = -1;
};

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
