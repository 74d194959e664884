// The transport interface: one asynchronous HTTP exchange at a time per call, results delivered
// on the UI thread. Implementations: FetchHttpClient (wasm), BeastHttpClient (native),
// FakeHttpClient (tests).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "client/text.h"

namespace openzro {

// Header list with case-insensitive lookup; keeps order and duplicates as received.
class Headers {
  public:
    // Replaces every header of that name.
    void set(std::string_view name, std::string value);
    void add(std::string name, std::string value);
    // The first value of that name, or nullptr.
    const std::string* find(std::string_view name) const;
    std::string get(std::string_view name) const;  // "" when absent

    const std::vector<std::pair<std::string, std::string>>& all() const { return list_; }

  private:
    std::vector<std::pair<std::string, std::string>> list_;
};

struct HttpRequest {
    std::string method = "GET";
    std::string url;  // absolute ("http://host:port/api/users") or same-origin ("/api/users")
    Headers headers;
    std::string body;
    int timeout_ms = 0;             // 0: the transport's own limit only
    bool with_credentials = false;  // send cookies cross-origin (session auth)
};

struct HttpResponse {
    int status = 0;  // 0: no HTTP answer (refused, reset, DNS, aborted)
    Headers headers;
    std::string body;
    std::string error;  // transport error text when status == 0
};

class HttpClient {
  public:
    using RequestId = std::uint64_t;
    using Callback = std::function<void(HttpResponse)>;

    virtual ~HttpClient() = default;

    // Starts the exchange. The callback runs later on the UI thread (never inside send) exactly
    // once, unless cancel(id) came first.
    virtual RequestId send(HttpRequest request, Callback done) = 0;
    // After this the callback of id never runs; unknown or finished ids are ignored.
    virtual void cancel(RequestId id) = 0;
    // Delivers finished exchanges (native transports; no-op where the event loop delivers).
    virtual void poll() {}
};

}  // namespace openzro
