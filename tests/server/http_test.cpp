// The HTTP layer over a real 127.0.0.1 socket: limits, headers, static files, graceful stop.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fstream>
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
