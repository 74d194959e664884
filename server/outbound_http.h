// Outbound HTTP(S) calls the server makes itself (OIDC discovery, JWKS, the token exchange),
// behind an interface so tests answer them in process (tests/server/fake_outbound.h).
// The real client is in outbound_https.h.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace openzro {

struct OutboundRequest {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    int timeout_ms = 5000;           // the whole exchange: resolve, connect, TLS, request, answer
    std::size_t max_body = 1 << 20;  // a longer answer is an error, not a truncated body
};

struct OutboundResponse {
    int status = 0;
    std::string body;
    std::string content_type;
    std::string error;  // non-empty: no answer (unreachable, timeout, TLS, too large, refused URL)
};

class OutboundHttp {
  public:
    using Done = std::function<void(OutboundResponse)>;
    virtual ~OutboundHttp() = default;
    // `done` is called exactly once, on the server's own thread, never inside `send`.
    virtual void send(OutboundRequest request, Done done) = 0;
};

// 127.0.0.0/8, ::1 (with or without brackets) and "localhost".
bool is_loopback_host(std::string_view host);
// Why the server refuses to call `url`, or "" if it may: https to any host, plain http only to
// a loopback host (tests, demos), nothing else. Checked before any connection is made.
std::string outbound_url_error(std::string_view url);

}  // namespace openzro
