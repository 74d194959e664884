// libFuzzer target: any bytes sent to the real HttpServer over one 127.0.0.1 connection, so
// the whole path runs as in production: header parsing, limits, chunked bodies and trailers,
// Expect: 100-continue, pipelined requests, the handler (direct and `Response::later`), the
// answers and the draining close. The client sends the input, shuts its send side and reads
// until the server closes; a crash, a sanitizer report or a hang is a finding.
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "server/http_server.h"

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace openzro {
// The access log's clock lives in the store (SQLite), which this target leaves out.
std::string utc_now() {
    return "2026-01-01T00:00:00Z";
}
}  // namespace openzro

namespace {

openzro::Response echo(const openzro::Request& request) {
    openzro::Response response;
    response.content_type = "text/plain";
    response.body = request.method + " " + request.path + " " + std::to_string(request.body.size());
    response.set_header("X-Headers", std::to_string(request.headers.size()));
    return response;
}

struct Harness {
    asio::io_context ioc;
    openzro::HttpServer server;
    tcp::endpoint endpoint;

    Harness()
        : server(ioc, options(), [this](const openzro::Request& request) {
              if (request.path != "/later") return echo(request);
              openzro::Response response;  // answered from a later turn of the event loop
              response.later = [this, request](openzro::Response::Answer answer) {
                  asio::post(ioc, [answer = std::move(answer), request] { answer(echo(request)); });
              };
              return response;
          }) {
        std::string error;
        if (!server.listen("127.0.0.1", 0, error)) std::abort();
        endpoint = tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port());
    }

    static openzro::HttpOptions options() {
        openzro::HttpOptions o;
        o.body_limit = 4096;  // small, so inputs reach the limit paths
        o.access_log = false;
        return o;
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Harness* harness = new Harness();  // one server for the whole run
    auto& ioc = harness->ioc;
    tcp::socket client(ioc);
    boost::system::error_code ec;
    // A connect the machine refuses for a moment (a clean-clone run once failed one after
    // 8,733 inputs; the input replays clean) is tried again; the error is printed if it stays.
    for (int attempt = 0; attempt < 5; ++attempt) {
        client.close(ec);
        client.connect(harness->endpoint, ec);
        if (!ec) break;
        std::fprintf(stderr, "http_fuzz: connect: %s\n", ec.message().c_str());
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (ec) std::abort();
    bool done = false;
    asio::async_write(client, asio::buffer(data, size),
                      [&](boost::system::error_code, std::size_t) {
                          boost::system::error_code ignored;
                          client.shutdown(tcp::socket::shutdown_send, ignored);
                      });
    auto answers = std::make_shared<std::string>();
    asio::async_read(client, asio::dynamic_buffer(*answers, 1 << 20),
                     [&](boost::system::error_code, std::size_t) { done = true; });
    ioc.restart();
    while (!done && ioc.run_one() > 0) {
    }
    client.close(ec);
    ioc.poll();  // the server's side of the connection finishes closing
    return 0;
}
