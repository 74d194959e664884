#include "server/http_server.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_set>

#include "server/store.h"

namespace openzro {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

class Session;

struct HttpServer::State {
    State(asio::io_context& io, HttpOptions opts, Handler h)
        : ioc(io), acceptor(io), options(opts), handler(std::move(h)) {}
    asio::io_context& ioc;
    tcp::acceptor acceptor;
    HttpOptions options;
    Handler handler;
    std::unordered_set<Session*> sessions;
    bool stopping = false;
};

namespace {

constexpr std::size_t kHeaderLimit = 16 * 1024;

std::string error_json(int status, const std::string& message) {
    return nlohmann::json({{"message", message}, {"code", status}}).dump();
}

}  // namespace

// [SECTION] One connection
class Session : public std::enable_shared_from_this<Session> {
  public:
    Session(tcp::socket socket, std::shared_ptr<HttpServer::State> server)
        : stream_(std::move(socket)), timer_(stream_.get_executor()), server_(std::move(server)) {
        boost::system::error_code ec;
        const auto endpoint = stream_.socket().remote_endpoint(ec);
        remote_ = ec ? std::string("unknown") : endpoint.address().to_string();
        stream_.socket().set_option(tcp::no_delay(true),
                                    ec);  // small answers must not wait for Nagle
        server_->sessions.insert(this);
    }
    ~Session() { server_->sessions.erase(this); }

    void start() { read_header(true); }

    // Called on shutdown: a connection waiting for a request is closed; one answering finishes.
    void stop_if_idle() {
        if (idle_) close();
    }

  private:
    void read_header(bool first) {
        if (server_->stopping) return close();
        parser_.emplace();
        parser_->body_limit(server_->options.body_limit);
        parser_->header_limit(kHeaderLimit);
        idle_ = true;
        stream_.expires_after(std::chrono::seconds(first ? server_->options.header_timeout_s
                                                         : server_->options.idle_timeout_s));
        http::async_read_header(stream_, buffer_, *parser_,
                                [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                    self->on_header(ec);
                                });
    }

    void on_header(beast::error_code ec) {
        idle_ = false;
        if (ec) return on_read_error(ec);
        started_ = std::chrono::steady_clock::now();
        stream_.expires_after(std::chrono::seconds(server_->options.header_timeout_s));
        http::async_read(
            stream_, buffer_, *parser_,
            [self = shared_from_this()](beast::error_code e, std::size_t) { self->on_body(e); });
    }

    void on_read_error(beast::error_code ec) {
        if (ec == http::error::body_limit) return fail(413, "request body larger than the limit");
        if (ec == http::error::header_limit) return fail(431, "request headers too large");
        if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
            ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
            ec == asio::error::eof)
            return close();
        if (ec.category() == http::make_error_code(http::error::bad_target).category())
            return fail(400, "malformed HTTP request");
        close();
    }

    void on_body(beast::error_code ec) {
        if (ec) return on_read_error(ec);
        auto& req = parser_->get();
        Request request;
        request.method = std::string(req.method_string());
        request.target = std::string(req.target());
        request.remote = remote_;
        request.body = std::move(req.body());
        for (const auto& field : req) {
            std::string name = to_lower(field.name_string());
            auto [it, fresh] = request.headers.emplace(name, std::string(field.value()));
            if (!fresh) it->second += ", " + std::string(field.value());
        }
        Response response;
        if (!parse_target(request)) {
            response.status = 400;
            response.content_type = "application/json";
            response.body = error_json(400, "malformed request target");
        } else {
            response = server_->handler(request);
        }
        if (response.later) {
            // The connection waits (reading nothing more) until the handler answers.
            auto later = std::move(response.later);
            later([self = shared_from_this(), request, keep_alive = req.keep_alive()](
                      Response answer) { self->respond(request, std::move(answer), keep_alive); });
            return;
        }
        respond(request, std::move(response), req.keep_alive());
    }

    void fail(int status, const std::string& message) {
        Request request;
        request.method = "-";
        request.remote = remote_;
        Response response;
        response.status = status;
        response.content_type = "application/json";
        response.body = error_json(status, message);
        respond(request, std::move(response), false);
    }

    void respond(const Request& request, Response response, bool keep_alive) {
        auto res = std::make_shared<http::response<http::string_body>>();
        res->version(11);
        res->result(static_cast<unsigned>(response.status));
        res->set(http::field::server, "openzro-server");
        if (!response.content_type.empty())
            res->set(http::field::content_type, response.content_type);
        for (const auto& [name, value] : response.headers) res->insert(name, value);
        res->body() = std::move(response.body);
        keep_alive_ = keep_alive && !server_->stopping && response.status != 413;
        res->keep_alive(keep_alive_);
        res->prepare_payload();
        log(request, *res);
        if (response.delay_ms > 0) {
            timer_.expires_after(std::chrono::milliseconds(response.delay_ms));
            timer_.async_wait(
                [self = shared_from_this(), res](beast::error_code) { self->write(res); });
            return;
        }
        write(res);
    }

    void write(const std::shared_ptr<http::response<http::string_body>>& res) {
        stream_.expires_after(std::chrono::seconds(server_->options.idle_timeout_s));
        http::async_write(stream_, *res,
                          [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
                              if (ec || !self->keep_alive_) return self->close();
                              self->read_header(false);
                          });
    }

    // One JSON line per answer: no query string (sign-in codes), no headers (tokens, cookies).
    void log(const Request& request, const http::response<http::string_body>& res) {
        if (!server_->options.access_log) return;
        const auto ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
                .count();
        const nlohmann::json line = {
            {"time", utc_now()},
            {"request_id", std::string(res["X-Request-Id"])},
            {"remote", remote_},
            {"method", request.method},
            {"path", request.path},
            {"status", res.result_int()},
            {"bytes", res.body().size()},
            {"ms", static_cast<double>(static_cast<long long>(ms * 100)) / 100}};
        std::fprintf(stderr, "%s\n",
                     line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    }

    void close() {
        beast::error_code ec;
        timer_.cancel();
        stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        stream_.close();
    }

    beast::tcp_stream stream_;
    asio::steady_timer timer_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::shared_ptr<HttpServer::State> server_;
    std::string remote_;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    bool idle_ = false;
    bool keep_alive_ = false;
};

// [SECTION] Accepting
namespace {

void accept(const std::shared_ptr<HttpServer::State>& state) {
    state->acceptor.async_accept([state](beast::error_code ec, tcp::socket socket) {
        if (ec) {
            if (!state->stopping && state->acceptor.is_open()) accept(state);
            return;
        }
        if (state->sessions.size() >= state->options.max_connections) {
            // Over the limit: a short answer, then the socket closes when the write completes.
            static const std::string busy =
                "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: "
                "close\r\nRetry-After: 1\r\n\r\n";
            auto sock = std::make_shared<tcp::socket>(std::move(socket));
            asio::async_write(*sock, asio::buffer(busy), [sock](beast::error_code, std::size_t) {
                beast::error_code ignored;
                sock->shutdown(tcp::socket::shutdown_both, ignored);
            });
        } else {
            std::make_shared<Session>(std::move(socket), state)->start();
        }
        accept(state);
    });
}

}  // namespace

HttpServer::HttpServer(asio::io_context& ioc, HttpOptions options, Handler handler)
    : state_(std::make_shared<State>(ioc, options, std::move(handler))) {}

bool HttpServer::listen(const std::string& host, unsigned short port, std::string& error) {
    beast::error_code ec;
    const auto address = asio::ip::make_address(host == "localhost" ? "127.0.0.1" : host, ec);
    if (ec) {
        error = "bad listen address " + host;
        return false;
    }
    const tcp::endpoint endpoint(address, port);
    auto& acceptor = state_->acceptor;
    if (acceptor.open(endpoint.protocol(), ec) ||
        acceptor.set_option(asio::socket_base::reuse_address(true), ec) ||
        acceptor.bind(endpoint, ec) ||
        acceptor.listen(asio::socket_base::max_listen_connections, ec)) {
        error = "cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message();
        return false;
    }
    accept(state_);
    return true;
}

unsigned short HttpServer::port() const {
    beast::error_code ec;
    return state_->acceptor.local_endpoint(ec).port();
}

std::size_t HttpServer::connections() const {
    return state_->sessions.size();
}

void HttpServer::shutdown() {
    if (state_->stopping) return;
    state_->stopping = true;
    beast::error_code ec;
    state_->acceptor.close(ec);
    const std::vector<Session*> live(state_->sessions.begin(), state_->sessions.end());
    for (Session* s : live) s->stop_if_idle();
}

}  // namespace openzro
