// Scripted transport for tests: records every request, answers from a responder or by hand,
// and delivers only when the test says so (deliver() or poll()).
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "client/http.h"

namespace openzro {

class FakeHttpClient : public HttpClient {
  public:
    struct Sent {
        RequestId id = 0;
        HttpRequest request;
        bool cancelled = false;
    };
    // Answers a new request; nullopt leaves it pending (a server that never answers).
    using Responder = std::function<std::optional<HttpResponse>(const HttpRequest&)>;

    RequestId send(HttpRequest request, Callback done) override;
    void cancel(RequestId id) override;
    void poll() override { deliver(); }

    void set_responder(Responder responder) { responder_ = std::move(responder); }
    // Answers a pending request; delivered by the next deliver().
    void respond(RequestId id, HttpResponse response);
    // Runs the callbacks of answered requests (also those answered meanwhile); returns how many.
    std::size_t deliver();

    const std::vector<Sent>& sent() const { return sent_; }
    const Sent& last() const { return sent_.back(); }
    std::size_t in_flight() const { return callbacks_.size(); }

  private:
    Responder responder_;
    std::vector<Sent> sent_;
    std::map<RequestId, Callback> callbacks_;
    std::deque<std::pair<RequestId, HttpResponse>> answered_;
    RequestId next_id_ = 1;
};

}  // namespace openzro
