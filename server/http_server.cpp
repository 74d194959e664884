// Index of this file:
//   One connection
//   Reading a request
//   Answering
//   Accepting

#include "server/http_server.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>
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
    std::unordered_set<Session*> sessions;  // the connections holding a slot
    std::unordered_map<std::string, std::size_t> per_address;
    bool stopping = false;
};

namespace {

// Request line and header fields; the trailer fields of a chunked body count against it too.
constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kDrainReadSize = 16 * 1024;
// After an error answer (413, 431, 400) the rest of the request is read and dropped for a
// bounded time and size, so the client reads the answer instead of a reset.
constexpr std::size_t kDrainLimit = 32 * 1024 * 1024;
constexpr auto kDrainTime = std::chrono::seconds(5);

std::string error_json(int status, const std::string& message) {
    return nlohmann::json({{"message", message}, {"code", status}}).dump();
}

void log_event(const char* event, const std::string& remote, const std::string& detail) {
    const nlohmann::json line = {
        {"time", utc_now()}, {"event", event}, {"remote", remote}, {"detail", detail}};
    std::fprintf(stderr, "%s\n",
                 line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

}  // namespace

// [SECTION] One connection
class Session : public std::enable_shared_from_this<Session> {
  public:
    Session(tcp::socket socket, std::string remote, std::shared_ptr<HttpServer::State> server)
        : stream_(std::move(socket)),
          timer_(stream_.get_executor()),
          server_(std::move(server)),
          remote_(std::move(remote)) {
        boost::system::error_code ec;
        stream_.socket().set_option(tcp::no_delay(true),
                                    ec);  // small answers must not wait for Nagle
        server_->sessions.insert(this);
        ++server_->per_address[remote_];
    }
    ~Session() { release_slot(); }

    void start() { read_request(true); }
    const std::string& remote() const { return remote_; }

    // Waiting for a request of which no byte has arrived, or draining after an error answer:
    // may be closed to free the slot.
    bool idle() const { return idle_; }
    std::chrono::steady_clock::time_point idle_since() const { return idle_since_; }

    // Called on shutdown: a connection waiting for a request is closed; one answering finishes.
    void stop_if_idle() {
        if (idle_) close();
    }
    // Gives the slot to a new connection at once; the socket closes as its read is cancelled.
    void evict() {
        release_slot();
        close();
    }

  private:
    // [SECTION] Reading a request
    void read_request(bool first) {
        if (server_->stopping) return close();
        parser_.emplace();
        parser_->body_limit(server_->options.body_limit);
        parser_->header_limit(kHeaderLimit);
        header_bytes_ = 0;
        continue_sent_ = false;
        first_request_ = first;
        stream_.expires_after(std::chrono::seconds(first ? server_->options.header_timeout_s
                                                         : server_->options.idle_timeout_s));
        idle_ = true;
        idle_since_ = std::chrono::steady_clock::now();
        if (buffer_.size() > 0) return parse();  // pipelined
        read_more();
    }

    // The first byte of a request is here: the connection is no longer idle.
    void begin_request() {
        idle_ = false;
        started_ = std::chrono::steady_clock::now();
        // A keep-alive connection had the idle timeout; a request has the header timeout.
        if (!first_request_)
            stream_.expires_after(std::chrono::seconds(server_->options.header_timeout_s));
    }

    // Reads at most what the header limit leaves, so unparsed input (a header, trailer fields)
    // never exceeds it, whatever the read sizes.
    void read_more() {
        const std::size_t room = kHeaderLimit - header_bytes_ - buffer_.size();
        stream_.async_read_some(buffer_.prepare(room),
                                [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                    self->buffer_.commit(n);
                                    if (ec) return self->on_read_error(ec);
                                    self->parse();
                                });
    }

    void parse() {
        if (idle_) begin_request();
        beast::error_code ec;
        try {
            while (buffer_.size() > 0 && !parser_->is_done()) {
                const bool had_header = parser_->is_header_done();
                const std::size_t used = parser_->put(buffer_.data(), ec);
                buffer_.consume(used);
                if (!had_header && parser_->is_header_done()) on_header(used);
                if (ec == http::error::need_more) ec = {};
                if (ec || used == 0) break;
            }
        } catch (const std::exception& e) {  // Beast throws on some malformed input
            log_event("request_failed", remote_, e.what());
            return close();
        }
        if (ec) return on_read_error(ec);
        if (parser_->is_done()) return on_request();
        // Unparsed bytes are a header, a chunk header line or the trailer fields.
        if (header_bytes_ + buffer_.size() >= kHeaderLimit)
            return fail(431, "request headers too large");
        if (parser_->is_header_done() && !continue_sent_ &&
            iequals(parser_->get()[http::field::expect], "100-continue")) {
            continue_sent_ = true;
            static const std::string go_on = "HTTP/1.1 100 Continue\r\n\r\n";
            asio::async_write(stream_, asio::buffer(go_on),
                              [self = shared_from_this()](beast::error_code e, std::size_t) {
                                  if (e) return self->close();
                                  self->read_more();
                              });
            return;
        }
        read_more();
    }

    void on_header(std::size_t bytes) {
        header_bytes_ = bytes;
        stream_.expires_after(std::chrono::seconds(server_->options.header_timeout_s));
    }

    void on_read_error(beast::error_code ec) {
        if (ec == http::error::body_limit) return fail(413, "request body larger than the limit");
        if (ec == http::error::header_limit) return fail(431, "request headers too large");
        if (ec.category() == http::make_error_code(http::error::bad_target).category())
            return fail(400, "malformed HTTP request");
        close();  // end of stream, timeout, reset, cancelled
    }

    // [SECTION] Answering
    void on_request() {
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
        const bool keep_alive = req.keep_alive();
        parser_.reset();  // the request's memory is not held while it is answered
        Response response;
        if (!parse_target(request)) {
            response.status = 400;
            response.content_type = "application/json";
            response.body = error_json(400, "malformed request target");
        } else {
            try {
                response = server_->handler(request);
            } catch (const std::exception& e) {
                log_event("handler_failed", remote_, e.what());
                response = Response{};
                response.status = 500;
                response.content_type = "application/json";
                response.body = error_json(500, "internal error");
            }
        }
        if (response.later) {
            // The connection waits (reading nothing more) until the handler answers.
            auto later = std::move(response.later);
            later([self = shared_from_this(), request, keep_alive](Response answer) {
                self->respond(request, std::move(answer), keep_alive);
            });
            return;
        }
        respond(request, std::move(response), keep_alive);
    }

    void fail(int status, const std::string& message) {
        Request request;
        request.method = "-";
        request.remote = remote_;
        Response response;
        response.status = status;
        response.content_type = "application/json";
        response.body = error_json(status, message);
        drain_after_write_ = true;
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
                              if (ec) return self->close();
                              if (self->drain_after_write_) return self->drain();
                              if (!self->keep_alive_) return self->close();
                              self->read_request(false);
                          });
    }

    // The answer is sent: shut the send side, then read and drop what the client still sends
    // (bounded), so closing with unread input does not reset the connection under the answer.
    void drain() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec) return close();
        buffer_.clear();
        drained_ = 0;
        idle_ = true;  // the answer is out: the slot may go to a new connection
        idle_since_ = std::chrono::steady_clock::now();
        stream_.expires_after(kDrainTime);
        drain_more();
    }

    void drain_more() {
        stream_.async_read_some(buffer_.prepare(kDrainReadSize),
                                [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                    self->drained_ += n;
                                    if (ec || self->drained_ > kDrainLimit) return self->close();
                                    self->drain_more();
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

    void release_slot() {
        if (!holds_slot_) return;
        holds_slot_ = false;
        server_->sessions.erase(this);
        auto it = server_->per_address.find(remote_);
        if (it != server_->per_address.end() && --it->second == 0) server_->per_address.erase(it);
    }

    beast::tcp_stream stream_;
    asio::steady_timer timer_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::shared_ptr<HttpServer::State> server_;
    std::string remote_;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point idle_since_ = started_;
    std::size_t header_bytes_ = 0;  // of the request being read
    std::size_t drained_ = 0;
    bool idle_ = false;
    bool first_request_ = true;
    bool continue_sent_ = false;
    bool keep_alive_ = false;
    bool drain_after_write_ = false;
    bool holds_slot_ = true;
};

// [SECTION] Accepting
namespace {

// The idle connection waiting longest, of one address or of any (empty `remote`).
Session* oldest_idle(const HttpServer::State& state, const std::string& remote) {
    Session* oldest = nullptr;
    for (Session* s : state.sessions) {
        if (!s->idle() || (!remote.empty() && s->remote() != remote)) continue;
        if (!oldest || s->idle_since() < oldest->idle_since()) oldest = s;
    }
    return oldest;
}

// Frees a slot for a new connection from `remote` if one is needed; false if none can be freed.
bool make_room(HttpServer::State& state, const std::string& remote) {
    const auto it = state.per_address.find(remote);
    if (it != state.per_address.end() && it->second >= state.options.max_connections_per_address) {
        Session* own = oldest_idle(state, remote);
        if (!own) return false;
        own->evict();
    }
    if (state.sessions.size() >= state.options.max_connections) {
        Session* any = oldest_idle(state, {});
        if (!any) return false;
        any->evict();
    }
    return true;
}

void refuse(tcp::socket socket) {
    // Over the limit: a short answer, then the socket closes when the write completes.
    static const std::string busy =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: "
        "close\r\nRetry-After: 1\r\n\r\n";
    auto sock = std::make_shared<tcp::socket>(std::move(socket));
    asio::async_write(*sock, asio::buffer(busy), [sock](beast::error_code, std::size_t) {
        beast::error_code ignored;
        sock->shutdown(tcp::socket::shutdown_both, ignored);
    });
}

void accept(const std::shared_ptr<HttpServer::State>& state) {
    state->acceptor.async_accept([state](beast::error_code ec, tcp::socket socket) {
        if (ec) {
            if (!state->stopping && state->acceptor.is_open()) accept(state);
            return;
        }
        const auto endpoint = socket.remote_endpoint(ec);
        std::string remote = ec ? std::string("unknown") : endpoint.address().to_string();
        if (make_room(*state, remote))
            std::make_shared<Session>(std::move(socket), std::move(remote), state)->start();
        else
            refuse(std::move(socket));
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
