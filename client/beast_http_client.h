// Native HttpClient on Boost.Beast: the I/O runs on one worker thread, finished exchanges wait
// in a queue until the UI thread calls poll(). Plain http:// only (the reference server and
// tests); the browser build uses FetchHttpClient.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>

#include "client/http.h"

namespace openzro {

struct BeastHttpConfig {
    // Called on the worker thread when an answer is queued: must be thread-safe (e.g. post an
    // empty event to the UI loop). May be empty for a host that polls anyway.
    std::function<void()> wake;
    std::size_t max_body_bytes = std::size_t{256} << 20;
    int default_timeout_ms = 120000;  // when a request sets none
};

class BeastHttpClient : public HttpClient {
  public:
    explicit BeastHttpClient(BeastHttpConfig config = {});
    ~BeastHttpClient() override;  // stops the worker; no callback runs afterwards
    BeastHttpClient(const BeastHttpClient&) = delete;
    BeastHttpClient& operator=(const BeastHttpClient&) = delete;

    RequestId send(HttpRequest request, Callback done) override;
    void cancel(RequestId id) override;
    void poll() override;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace openzro
