// The HTTP layer over a real 127.0.0.1 socket: limits, headers, static files, graceful stop.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <thread>

#include "server/http_server.h"
#include "server/static_files.h"
#include "tests/server/test_server.h"

namespace openzro::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

class LiveServer {
  public:
    explicit LiveServer(const AppOptions& options = {}, HttpOptions http = {}) : server_(options) {
        http.access_log = false;
        http_ = std::make_unique<HttpServer>(
            ioc_, http, [this](const Request& r) { return server_.app().handle(r); });
        std::string error;
        EXPECT_TRUE(http_->listen("127.0.0.1", 0, error)) << error;
        thread_ = std::thread([this] { ioc_.run(); });
    }
    // NOLINTNEXTLINE(bugprone-exception-escape): a failing join ends the test run anyway
    ~LiveServer() {
        asio::post(ioc_, [this] { http_->shutdown(); });
        ioc_.stop();
        thread_.join();
    }
    unsigned short port() const { return http_->port(); }
    // Counted on the server's thread, which owns the count.
    std::size_t connections() {
        std::promise<std::size_t> count;
        asio::post(ioc_, [&] { count.set_value(http_->connections()); });
        return count.get_future().get();
    }
    TestServer& test() { return server_; }
    void shutdown() {
        asio::post(ioc_, [this] { http_->shutdown(); });
    }

    http::response<http::string_body> send(http::request<http::string_body> req) const {
        asio::io_context client;
        beast::tcp_stream stream(client);
        stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port()));
        req.version(11);
        req.set(http::field::host, "127.0.0.1");
        req.prepare_payload();
        http::write(stream, req);
        beast::flat_buffer buffer;
        http::response<http::string_body> res;
        beast::error_code ec;
        http::read(stream, buffer, res, ec);
        return res;
    }

  private:
    TestServer server_;
    asio::io_context ioc_;
    std::unique_ptr<HttpServer> http_;
    std::thread thread_;
};

http::request<http::string_body> get(const std::string& target) {
    return {http::verb::get, target, 11};
}

// A raw connection, for bytes no well-behaved client would send; `from` picks the local
// address (all of 127.0.0.0/8 is loopback), so one test can play several clients.
class RawClient {
  public:
    explicit RawClient(unsigned short port, const std::string& from = "127.0.0.1") : socket_(ioc_) {
        socket_.open(tcp::v4());
        socket_.bind(tcp::endpoint(asio::ip::make_address(from), 0));
        socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    }
    // Writes what it can: a server that answered and stopped reading may refuse the rest.
    void send(const std::string& bytes) {
        beast::error_code ec;
        asio::write(socket_, asio::buffer(bytes), ec);
    }
    // The next answer's status; 0 if the connection closed or nothing came in time.
    unsigned status(std::chrono::milliseconds wait = std::chrono::seconds(5)) {
        http::response_parser<http::string_body> res;
        const auto ec =
            run(wait, [&](auto done) { http::async_read(socket_, buffer_, res, done); });
        return ec ? 0u : res.get().result_int();
    }
    // The next line the server sends (an interim 100 Continue has no body to parse).
    std::string line(std::chrono::milliseconds wait) {
        std::string text;
        while (text.size() < 2 || text.compare(text.size() - 2, 2, "\r\n") != 0) {
            char byte = 0;
            if (run(wait,
                    [&](auto done) { socket_.async_read_some(asio::buffer(&byte, 1), done); }))
                return "(nothing)";
            text += byte;
        }
        return text.substr(0, text.size() - 2);
    }
    // True once the server closed the connection (read gives end of stream or a reset).
    bool closed_by_server(std::chrono::milliseconds wait) {
        char byte = 0;
        const auto ec =
            run(wait, [&](auto done) { socket_.async_read_some(asio::buffer(&byte, 1), done); });
        return ec == asio::error::eof || ec == asio::error::connection_reset;
    }

  private:
    // Runs one asynchronous read with a deadline; a late read is cancelled, the socket stays.
    template <class Start>
    beast::error_code run(std::chrono::milliseconds wait, Start start) {
        beast::error_code result;
        asio::steady_timer timer(ioc_, wait);
        timer.async_wait([this](beast::error_code ec) {
            if (!ec) socket_.cancel();
        });
        start([&](beast::error_code ec, std::size_t) {
            result = ec;
            timer.cancel();
        });
        ioc_.restart();
        ioc_.run();
        return result;
    }

    asio::io_context ioc_;
    tcp::socket socket_;
    beast::flat_buffer buffer_;
};

const std::string kChunkedPost =
    "POST /api/users HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n";

// Waits until the server holds `count` connections (accepting is asynchronous).
bool wait_for_connections(LiveServer& live, std::size_t count) {
    for (int i = 0; i < 200 && live.connections() < count; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return live.connections() == count;
}

TEST(Http, EveryAnswerCarriesARequestId) {
    LiveServer live;
    auto res = live.send(get("/api/users"));
    EXPECT_EQ(res.result_int(), 401u);
    EXPECT_EQ(res[http::field::content_type], "application/json");
    EXPECT_EQ(res["X-Request-Id"].size(), 16u);
    res = live.send(get("/nothing-here"));
    EXPECT_EQ(res.result_int(), 404u);
    EXPECT_FALSE(res["X-Request-Id"].empty());
}

TEST(Http, BodiesOverOneMebibyteAre413) {
    LiveServer live;
    http::request<http::string_body> req{http::verb::post, "/api/scim/v2/Users", 11};
    req.set(http::field::authorization, "Bearer " + live.test().scim_token());
    req.set(http::field::content_type, "application/scim+json");
    req.body() = std::string(1024 * 1024 + 1, 'x');
    auto res = live.send(req);
    EXPECT_EQ(res.result_int(), 413u);
    req.body() = okta_user("jane@example.com").dump();
    res = live.send(req);
    EXPECT_EQ(res.result_int(), 201u);
    EXPECT_EQ(res[http::field::content_type], "application/scim+json");
}

// Issue 12.1: Beast throws std::length_error on a field over 64 KiB; that ended the process.
TEST(Http, OversizedTrailerFieldClosesOnlyThatConnection) {
    LiveServer live;
    RawClient attacker(live.port());
    attacker.send(kChunkedPost + "0\r\nX: " + std::string(70000, 'a') + "\r\n\r\n");
    EXPECT_EQ(attacker.status(), 431u);
    EXPECT_EQ(live.send(get("/api/users")).result_int(), 401u);
}

// Issue 12.2: trailer fields were unbounded (2,000 fields of 50 KB were all kept).
TEST(Http, TrailersCountAgainstTheHeaderLimit) {
    LiveServer live;
    RawClient client(live.port());
    std::string trailers;
    for (int i = 0; i < 17; ++i)
        trailers += "X-" + std::to_string(i) + ": " + std::string(1000, 'b') + "\r\n";
    client.send(kChunkedPost + "3\r\nabc\r\n0\r\n" + trailers + "\r\n");
    EXPECT_EQ(client.status(), 431u);

    RawClient small(live.port());  // a few small trailers are still fine
    small.send(kChunkedPost + "3\r\nabc\r\n0\r\nX-Checksum: 1\r\n\r\n");
    EXPECT_EQ(small.status(), 401u);
}

TEST(Http, PipelinedRequestsAreAnsweredInOrder) {
    LiveServer live;
    RawClient client(live.port());
    std::string burst;
    for (int i = 0; i < 50; ++i) burst += "GET /nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    burst += "GET /api/users HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    client.send(burst);
    for (int i = 0; i < 50; ++i) ASSERT_EQ(client.status(), 404u) << i;
    EXPECT_EQ(client.status(), 401u);
    EXPECT_TRUE(client.closed_by_server(std::chrono::seconds(5)));
}

// Issue 12.6: curl sends `Expect: 100-continue` and waited a second for an answer.
TEST(Http, ExpectContinueIsAnswered) {
    LiveServer live;
    RawClient client(live.port());
    client.send(
        "POST /api/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nExpect: "
        "100-continue\r\n\r\n");
    EXPECT_EQ(client.line(std::chrono::milliseconds(500)), "HTTP/1.1 100 Continue");
    EXPECT_EQ(client.line(std::chrono::milliseconds(500)), "");
    client.send("{}");
    EXPECT_EQ(client.status(), 401u);

    RawClient big(live.port());  // over the limit: 413 at once, no body needed
    big.send(
        "POST /api/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 9999999\r\nExpect: "
        "100-continue\r\n\r\n");
    EXPECT_EQ(big.status(std::chrono::milliseconds(500)), 413u);
}

// Issue 12.6: the 413 must reach a client that is still sending its body, not a reset.
TEST(Http, OversizedBodyIs413WhileTheClientStillSends) {
    LiveServer live;
    for (int i = 0; i < 3; ++i) {
        RawClient client(live.port());
        const std::size_t size = 8 * 1024 * 1024;
        // Written to the end: the server reads and drops the body after its answer.
        client.send("POST /api/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " +
                    std::to_string(size) + "\r\n\r\n" + std::string(size, 'x'));
        EXPECT_EQ(client.status(), 413u) << i;
    }
}

TEST(Http, SlowHeadersAreCutByTheHeaderTimeout) {
    HttpOptions options;
    options.header_timeout_s = 1;
    LiveServer live({}, options);
    RawClient slow(live.port());
    slow.send("GET /api/users HTTP/1.1\r\n");
    bool closed = false;
    for (int i = 0; i < 40 && !closed; ++i) {  // one header byte every 100 ms
        slow.send("X");
        closed = slow.closed_by_server(std::chrono::milliseconds(100));
    }
    EXPECT_TRUE(closed);
}

// Issue 12.16: idle sockets held every slot and everyone else got 503 for a minute.
TEST(Http, IdleConnectionsGiveWayToNewOnes) {
    HttpOptions options;
    options.max_connections = 4;
    LiveServer live({}, options);
    std::vector<std::unique_ptr<RawClient>> idle;
    idle.reserve(4);
    for (int i = 0; i < 4; ++i) idle.push_back(std::make_unique<RawClient>(live.port()));
    ASSERT_TRUE(wait_for_connections(live, 4));
    EXPECT_EQ(live.send(get("/api/users")).result_int(), 401u);
    EXPECT_TRUE(idle.front()->closed_by_server(std::chrono::seconds(5)));  // the oldest went
}

TEST(Http, OneAddressCannotTakeEverySlot) {
    HttpOptions options;
    options.max_connections = 8;
    options.max_connections_per_address = 4;
    LiveServer live({}, options);
    std::vector<std::unique_ptr<RawClient>> busy;  // requests begun, never finished
    for (int i = 0; i < 4; ++i) {
        busy.push_back(std::make_unique<RawClient>(live.port()));
        busy.back()->send("GET /api/users HTTP/1.1\r\n");
    }
    ASSERT_TRUE(wait_for_connections(live, 4));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // their bytes are read
    RawClient fifth(live.port());
    EXPECT_EQ(fifth.status(), 503u);
    RawClient other(live.port(), "127.0.0.2");
    other.send("GET /api/users HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    EXPECT_EQ(other.status(), 401u);
}

TEST(Http, CorsOnlyForConfiguredOrigins) {
    AppOptions options;
    options.cors_origins = {"https://dashboard.example.com"};
    LiveServer live(options);
    http::request<http::string_body> preflight{http::verb::options, "/api/users", 11};
    preflight.set(http::field::origin, "https://dashboard.example.com");
    auto res = live.send(preflight);
    EXPECT_EQ(res.result_int(), 204u);
    EXPECT_EQ(res[http::field::access_control_allow_origin], "https://dashboard.example.com");
    EXPECT_NE(std::string(res[http::field::access_control_allow_headers]).find("X-OpenZro-Request"),
              std::string::npos);
    preflight.set(http::field::origin, "https://evil.example.com");
    res = live.send(preflight);
    EXPECT_TRUE(res[http::field::access_control_allow_origin].empty());
}

TEST(Http, StaticAppWithWasmMimeGzipAndRevalidation) {
    const auto root = make_temp_dir();
    std::ofstream(root / "index.html")
        << "<!doctype html><title>openZro</title>" << std::string(600, ' ');
    std::ofstream(root / "openzro.wasm", std::ios::binary)
        << std::string("\0asm\1\0\0\0", 8) << std::string(2000, 'a');
    std::ofstream(root / "openzro.js") << "console.log('openZro');";
    AppOptions options;
    options.web_root = root.string();
    LiveServer live(options);

    auto res = live.send(get("/"));
    EXPECT_EQ(res.result_int(), 200u);
    EXPECT_EQ(res[http::field::content_type], "text/html; charset=utf-8");
    EXPECT_EQ(res[http::field::cache_control], "no-cache");
    const std::string etag(res[http::field::etag]);
    EXPECT_FALSE(etag.empty());

    auto req = get("/openzro.wasm");
    req.set(http::field::accept_encoding, "gzip, deflate, br");
    res = live.send(req);
    EXPECT_EQ(res[http::field::content_type], "application/wasm");
    EXPECT_EQ(res[http::field::content_encoding], "gzip");
    EXPECT_LT(res.body().size(), 2008u);
    EXPECT_EQ(res.body().substr(0, 2), "\x1f\x8b");

    res = live.send(get("/openzro.wasm"));
    EXPECT_TRUE(res[http::field::content_encoding].empty());
    EXPECT_EQ(res.body().size(), 2008u);

    req = get("/index.html");
    req.set(http::field::if_none_match, etag);
    EXPECT_EQ(live.send(req).result_int(), 304u);
    EXPECT_EQ(live.send(get("/team/users")).result_int(), 200u);  // client-side route
    EXPECT_EQ(live.send(get("/../etc/passwd")).result_int(), 404u);
    EXPECT_EQ(live.send(get("/missing.js")).result_int(), 404u);
    std::filesystem::remove_all(root);
}

TEST(Http, StaticAppServesTheBuildsPrecompressedCopiesWhileCurrent) {
    const auto root = make_temp_dir();
    const std::string wasm = std::string("\0asm\1\0\0\0", 8) + std::string(2000, 'a');
    std::ofstream(root / "openzro.wasm", std::ios::binary) << wasm;
    std::ofstream(root / "openzro.wasm.br", std::ios::binary) << "brotli bytes";
    std::ofstream(root / "openzro.wasm.gz", std::ios::binary) << "zopfli bytes";
    std::ofstream(root / "openzro.js") << "console.log('openZro');" << std::string(400, ' ');
    std::ofstream(root / "openzro.js.br", std::ios::binary) << "stale brotli";
    // A copy older than its file is left over from an earlier build.
    const auto js = root / "openzro.js";
    std::filesystem::last_write_time(root / "openzro.js.br",
                                     std::filesystem::last_write_time(js) - std::chrono::hours(1));
    AppOptions options;
    options.web_root = root.string();
    LiveServer live(options);
    auto fetch = [&](const std::string& path, const std::string& accept) {
        auto req = get(path);
        if (!accept.empty()) req.set(http::field::accept_encoding, accept);
        return live.send(req);
    };

    auto res = fetch("/openzro.wasm", "gzip, deflate, br");
    EXPECT_EQ(res[http::field::content_encoding], "br");
    EXPECT_EQ(res[http::field::content_type], "application/wasm");
    EXPECT_EQ(res.body(), "brotli bytes");
    res = fetch("/openzro.wasm", "gzip, br;q=0");
    EXPECT_EQ(res[http::field::content_encoding], "gzip");
    EXPECT_EQ(res.body(), "zopfli bytes");
    res = fetch("/openzro.wasm", "identity");
    EXPECT_TRUE(res[http::field::content_encoding].empty());
    EXPECT_EQ(res.body(), wasm);

    res = fetch("/openzro.js", "br, gzip");
    EXPECT_EQ(res[http::field::content_encoding], "gzip");  // compressed here, not the stale .br
    EXPECT_EQ(res.body().substr(0, 2), "\x1f\x8b");
    std::filesystem::remove_all(root);
}

TEST(Http, AcceptEncodingNamesACodingWithoutZeroWeight) {
    EXPECT_TRUE(accepts_encoding("gzip, deflate, br", "br"));
    EXPECT_TRUE(accepts_encoding("GZIP;q=0.5", "gzip"));
    EXPECT_TRUE(accepts_encoding("*", "br"));
    EXPECT_TRUE(accepts_encoding("br ; q=0.001", "br"));
    EXPECT_FALSE(accepts_encoding("br;q=0", "br"));
    EXPECT_FALSE(accepts_encoding("br; q=0.000, gzip", "br"));
    EXPECT_FALSE(accepts_encoding("gzip", "br"));
    EXPECT_FALSE(accepts_encoding("xbr, brotli", "br"));
    EXPECT_FALSE(accepts_encoding("", "gzip"));
}

TEST(Http, GzipRoundTripsThroughBeastInflate) {
    const std::string data(5000, 'z');
    const std::string gz = gzip_compress(data);
    ASSERT_GT(gz.size(), 18u);
    EXPECT_LT(gz.size(), 200u);
    EXPECT_EQ(gz.substr(0, 3), std::string("\x1f\x8b\x08", 3));
}

TEST(Http, ShutdownStopsAccepting) {
    LiveServer live;
    EXPECT_EQ(live.send(get("/api/users")).result_int(), 401u);
    const unsigned short port = live.port();
    live.shutdown();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    asio::io_context client;
    tcp::socket socket(client);
    beast::error_code ec;
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), ec);
    EXPECT_TRUE(ec);
}

}  // namespace
}  // namespace openzro::testing
