#include "client/beast_http_client.h"

#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace openzro {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

struct Url {
    std::string host;
    std::string port = "80";
    std::string target = "/";
};

// "http://host[:port][/path][?query]"; nullopt for anything else.
std::optional<Url> parse_url(const std::string& url) {
    constexpr std::string_view scheme = "http://";
    if (url.compare(0, scheme.size(), scheme) != 0) return std::nullopt;
    const std::size_t authority = scheme.size();
    const std::size_t slash = url.find_first_of("/?", authority);
    std::string host =
        url.substr(authority, slash == std::string::npos ? slash : slash - authority);
    Url out;
    if (slash != std::string::npos) {
        out.target = url.substr(slash);
        if (out.target.front() == '?') out.target.insert(0, "/");
    }
    const std::size_t colon = host.rfind(':');
    if (colon != std::string::npos && host.find(']', colon) == std::string::npos) {
        out.port = host.substr(colon + 1);
        host.resize(colon);
    }
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host.empty() || out.port.empty()) return std::nullopt;
    out.host = std::move(host);
    return out;
}

// One request/response on its own connection, entirely on the worker thread.
class Exchange : public std::enable_shared_from_this<Exchange> {
  public:
    using Finish = std::function<void(HttpResponse)>;

    Exchange(asio::io_context& io, HttpRequest request, Url url, std::size_t max_body,
             int timeout_ms, Finish finish)
        : resolver_(io),
          stream_(io),
          url_(std::move(url)),
          timeout_(timeout_ms),
          finish_(std::move(finish)) {
        req_.method_string(request.method);
        req_.target(url_.target);
        req_.version(11);
        req_.set(http::field::host, url_.host + ":" + url_.port);
        req_.set(http::field::user_agent, "openzro-admin");
        req_.set(http::field::connection, "close");
        for (const auto& [name, value] : request.headers.all()) req_.set(name, value);
        req_.body() = std::move(request.body);
        if (!req_.body().empty() || request.method == "POST" || request.method == "PUT") {
            req_.prepare_payload();
        }
        parser_.body_limit(max_body);
        parser_.header_limit(64 * 1024);
    }

    void start() {
        stream_.expires_after(timeout_);
        resolver_.async_resolve(url_.host, url_.port,
                                [self = shared_from_this()](beast::error_code ec,
                                                            const tcp::resolver::results_type& r) {
                                    self->on_resolve(ec, r);
                                });
    }

    // Aborts the I/O; the completion then reports operation_aborted, which is dropped.
    void abort() {
        aborted_ = true;
        resolver_.cancel();
        beast::error_code ignored;
        stream_.socket().close(ignored);
    }

  private:
    void on_resolve(beast::error_code ec, const tcp::resolver::results_type& results) {
        if (ec) return fail(ec);
        stream_.async_connect(results, [self = shared_from_this()](beast::error_code e,
                                                                   const tcp::endpoint&) {
            if (e) return self->fail(e);
            http::async_write(self->stream_, self->req_, [self](beast::error_code we, std::size_t) {
                if (we) return self->fail(we);
                http::async_read(self->stream_, self->buffer_, self->parser_,
                                 [self](beast::error_code re, std::size_t) { self->on_read(re); });
            });
        });
    }

    void on_read(beast::error_code ec) {
        if (ec) return fail(ec);
        auto& res = parser_.get();
        HttpResponse out;
        out.status = static_cast<int>(res.result_int());
        for (const auto& field : res)
            out.headers.add(std::string(field.name_string()), std::string(field.value()));
        out.body = std::move(res.body());
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        done(std::move(out));
    }

    void fail(beast::error_code ec) {
        HttpResponse out;
        if (ec == beast::error::timeout) {
            out.error = "timed out";
        } else if (ec == http::error::body_limit) {
            out.error = "answer larger than the body limit";
        } else {
            out.error = ec.message();
        }
        done(std::move(out));
    }

    void done(HttpResponse out) {
        if (aborted_ || finished_) return;
        finished_ = true;
        finish_(std::move(out));
    }

    tcp::resolver resolver_;
    beast::tcp_stream stream_;
    Url url_;
    std::chrono::milliseconds timeout_;
    Finish finish_;
    http::request<http::string_body> req_;
    beast::flat_buffer buffer_;
    http::response_parser<http::string_body> parser_;
    bool aborted_ = false;
    bool finished_ = false;
};

}  // namespace

struct BeastHttpClient::Impl {
    BeastHttpConfig config;
    asio::io_context io;
    asio::executor_work_guard<asio::io_context::executor_type> work = asio::make_work_guard(io);
    std::thread worker;

    // UI thread only.
    std::map<RequestId, Callback> callbacks;
    RequestId next_id = 1;

    // Worker thread only.
    std::map<RequestId, std::shared_ptr<Exchange>> exchanges;

    std::mutex mutex;  // guards finished
    std::deque<std::pair<RequestId, HttpResponse>> finished;

    void queue(RequestId id, HttpResponse response) {
        {
            std::lock_guard<std::mutex> lock(mutex);
            finished.emplace_back(id, std::move(response));
        }
        if (config.wake) config.wake();
    }
};

BeastHttpClient::BeastHttpClient(BeastHttpConfig config) : impl_(std::make_unique<Impl>()) {
    impl_->config = std::move(config);
    impl_->worker = std::thread([impl = impl_.get()] { impl->io.run(); });
}

BeastHttpClient::~BeastHttpClient() {
    impl_->work.reset();
    impl_->io.stop();
    impl_->worker.join();
}

HttpClient::RequestId BeastHttpClient::send(HttpRequest request, Callback done) {
    const RequestId id = impl_->next_id++;
    impl_->callbacks.emplace(id, std::move(done));
    Impl* impl = impl_.get();
    auto url = parse_url(request.url);
    if (!url) {
        HttpResponse r;
        r.error = "unsupported URL (the native client speaks plain http://): " + request.url;
        impl->queue(id, std::move(r));
        return id;
    }
    const int timeout =
        request.timeout_ms > 0 ? request.timeout_ms : impl->config.default_timeout_ms;
    asio::post(impl->io,
               [impl, id, request = std::move(request), url = std::move(*url), timeout]() mutable {
                   auto exchange = std::make_shared<Exchange>(
                       impl->io, std::move(request), std::move(url), impl->config.max_body_bytes,
                       timeout, [impl, id](HttpResponse r) {
                           impl->exchanges.erase(id);
                           impl->queue(id, std::move(r));
                       });
                   impl->exchanges.emplace(id, exchange);
                   exchange->start();
               });
    return id;
}

void BeastHttpClient::cancel(RequestId id) {
    if (impl_->callbacks.erase(id) == 0) return;
    asio::post(impl_->io, [impl = impl_.get(), id] {
        const auto it = impl->exchanges.find(id);
        if (it == impl->exchanges.end()) return;
        it->second->abort();
        impl->exchanges.erase(it);
    });
}

void BeastHttpClient::poll() {
    std::deque<std::pair<RequestId, HttpResponse>> ready;
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        ready.swap(impl_->finished);
    }
    for (auto& [id, response] : ready) {
        const auto it = impl_->callbacks.find(id);
        if (it == impl_->callbacks.end()) continue;  // cancelled
        Callback done = std::move(it->second);
        impl_->callbacks.erase(it);
        done(std::move(response));
    }
}

}  // namespace openzro
