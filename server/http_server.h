// HTTP/1.1 on Boost.Beast, one thread: body and header limits (trailers count against the
// header limit), timeouts, a bounded number of connections per server and per address (idle
// keep-alive connections give way to new ones), a structured access log without secrets, and a
// graceful stop that lets answers already being written finish. Nothing a peer sends ends the
// process: a failure while reading a request closes that connection only.
#pragma once
#include <boost/asio/io_context.hpp>
#include <functional>
#include <memory>
#include <string>

#include "server/http_types.h"

namespace openzro {

struct HttpOptions {
    std::size_t body_limit = 1024 * 1024;
    std::size_t max_connections = 512;
    std::size_t max_connections_per_address = 128;
    int header_timeout_s = 10;
    int idle_timeout_s = 60;
    bool access_log = true;
};

class HttpServer {
  public:
    using Handler = std::function<Response(const Request&)>;
    HttpServer(boost::asio::io_context& ioc, HttpOptions options, Handler handler);
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and starts accepting; false with `error` if the address cannot be used.
    bool listen(const std::string& host, unsigned short port, std::string& error);
    unsigned short port() const;
    std::size_t connections() const;
    // Stops accepting, closes idle connections, lets pending answers finish.
    void shutdown();

    struct State;

  private:
    std::shared_ptr<State> state_;
};

}  // namespace openzro
