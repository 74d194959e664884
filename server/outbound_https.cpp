#include "server/outbound_https.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>
#include <chrono>
#include <memory>
#include <thread>

namespace openzro {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

// [SECTION] One exchange: resolve, connect, TLS, write, read; one deadline for all of it
class Exchange : public std::enable_shared_from_this<Exchange> {
  public:
    using Finish = std::function<void(OutboundResponse)>;

    Exchange(asio::io_context& ioc, ssl::context& tls, OutboundRequest request, Finish finish)
        : resolver_(ioc),
          stream_(ioc, tls),
          deadline_(ioc),
          request_(std::move(request)),
          finish_(std::move(finish)) {}

    void start() {
        const auto url = boost::urls::parse_absolute_uri(request_.url);
        tls_ = url->scheme() == "https";
        host_ = std::string(url->host_address());
        port_ = url->has_port() ? std::string(url->port()) : tls_ ? "443" : "80";
        http_request_.method_string(request_.method);
        http_request_.target(url->encoded_target().empty() ? "/"
                                                           : std::string(url->encoded_target()));
        http_request_.version(11);
        http_request_.set(http::field::host, std::string(url->encoded_host_and_port()));
        http_request_.set(http::field::user_agent, "openzro-server");
        http_request_.set(http::field::connection, "close");
        for (const auto& [name, value] : request_.headers) http_request_.set(name, value);
        http_request_.body() = request_.body;
        http_request_.prepare_payload();
        parser_.body_limit(request_.max_body);

        deadline_.expires_after(std::chrono::milliseconds(request_.timeout_ms));
        deadline_.async_wait([self = shared_from_this()](beast::error_code ec) {
            if (ec) return;  // cancelled: the exchange ended first
            self->timed_out_ = true;
            self->resolver_.cancel();
            beast::get_lowest_layer(self->stream_).cancel();
        });
        resolver_.async_resolve(host_, port_,
                                [self = shared_from_this()](beast::error_code ec,
                                                            const tcp::resolver::results_type& r) {
                                    self->on_resolve(ec, r);
                                });
    }

  private:
    void on_resolve(beast::error_code ec, const tcp::resolver::results_type& results) {
        if (ec) return fail("cannot resolve " + host_, ec);
        beast::get_lowest_layer(stream_).async_connect(
            results, [self = shared_from_this()](beast::error_code e, const tcp::endpoint&) {
                self->on_connect(e);
            });
    }

    void on_connect(beast::error_code ec) {
        if (ec) return fail("cannot connect to " + host_ + ":" + port_, ec);
        if (!tls_) return write(beast::get_lowest_layer(stream_));
        // SNI, and the certificate must name the host (the chain is checked by verify_peer).
        // (SSL_set_tlsext_host_name is a macro with a C cast.) No SNI for an IP address.
        beast::error_code not_ip;
        asio::ip::make_address(host_, not_ip);
        if (not_ip && SSL_ctrl(stream_.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME,
                               TLSEXT_NAMETYPE_host_name, const_cast<char*>(host_.c_str())) != 1)
            return fail("TLS setup failed", {});
        stream_.set_verify_mode(ssl::verify_peer);
        stream_.set_verify_callback(ssl::host_name_verification(host_));
        stream_.async_handshake(ssl::stream_base::client,
                                [self = shared_from_this()](beast::error_code e) {
                                    if (e) return self->fail("TLS handshake failed", e);
                                    self->write(self->stream_);
                                });
    }

    template <typename Stream>
    void write(Stream& stream) {
        http::async_write(stream, http_request_,
                          [self = shared_from_this(), &stream](beast::error_code ec, std::size_t) {
                              if (ec) return self->fail("sending the request failed", ec);
                              self->read(stream);
                          });
    }

    template <typename Stream>
    void read(Stream& stream) {
        http::async_read(
            stream, buffer_, parser_,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
    }

    void on_read(beast::error_code ec) {
        if (ec == http::error::body_limit)
            return fail("the answer is larger than " + std::to_string(request_.max_body) + " bytes",
                        {});
        if (ec) return fail("reading the answer failed", ec);
        deadline_.cancel();
        const auto& message = parser_.get();
        OutboundResponse r;
        r.status = static_cast<int>(message.result_int());
        r.content_type = std::string(message[http::field::content_type]);
        r.body = message.body();
        done(std::move(r));
        beast::error_code ignored;
        beast::get_lowest_layer(stream_).socket().shutdown(tcp::socket::shutdown_both, ignored);
    }

    void fail(const std::string& what, beast::error_code ec) {
        deadline_.cancel();
        OutboundResponse r;
        if (timed_out_)
            r.error = "timed out after " + std::to_string(request_.timeout_ms) + " ms";
        else
            r.error = ec ? what + ": " + ec.message() : what;
        done(std::move(r));
        beast::get_lowest_layer(stream_).close();
    }

    void done(OutboundResponse response) {
        if (finish_) std::exchange(finish_, nullptr)(std::move(response));
    }

    tcp::resolver resolver_;
    beast::ssl_stream<beast::tcp_stream> stream_;
    asio::steady_timer deadline_;
    OutboundRequest request_;
    Finish finish_;
    bool tls_ = false;
    bool timed_out_ = false;
    std::string host_;
    std::string port_;
    http::request<http::string_body> http_request_;
    http::response_parser<http::string_body> parser_;
    beast::flat_buffer buffer_;
};

// [SECTION] The client: a worker thread runs the exchanges, answers go to the server's thread
class OutboundHttps final : public OutboundHttp {
  public:
    OutboundHttps(asio::io_context& server_ioc, const OutboundHttpsOptions& options)
        : server_ioc_(server_ioc),
          tls_(ssl::context::tls_client),
          work_(worker_ioc_.get_executor()) {
        tls_.set_default_verify_paths();
        if (!options.ca_file.empty()) tls_.load_verify_file(options.ca_file);
        SSL_CTX_set_min_proto_version(tls_.native_handle(), TLS1_2_VERSION);
        worker_ = std::thread([this] { worker_ioc_.run(); });
    }

    ~OutboundHttps() override {
        work_.reset();
        worker_ioc_.stop();
        worker_.join();
    }
    OutboundHttps(const OutboundHttps&) = delete;
    OutboundHttps& operator=(const OutboundHttps&) = delete;

    void send(OutboundRequest request, Done done) override {
        // Answers always travel through the server's queue, so `done` never runs inside send.
        auto deliver = [&ioc = server_ioc_, done = std::move(done)](OutboundResponse r) {
            asio::post(ioc, [done, r = std::move(r)]() mutable { done(std::move(r)); });
        };
        if (const std::string why = outbound_url_error(request.url); !why.empty()) {
            OutboundResponse r;
            r.error = "refused " + request.url + ": " + why;
            return deliver(std::move(r));
        }
        asio::post(worker_ioc_, [this, request = std::move(request),
                                 deliver = std::move(deliver)]() mutable {
            std::make_shared<Exchange>(worker_ioc_, tls_, std::move(request), std::move(deliver))
                ->start();
        });
    }

  private:
    asio::io_context& server_ioc_;
    asio::io_context worker_ioc_;
    ssl::context tls_;
    asio::executor_work_guard<asio::io_context::executor_type> work_;
    std::thread worker_;
};

}  // namespace

std::unique_ptr<OutboundHttp> make_outbound_https(boost::asio::io_context& server_ioc,
                                                  const OutboundHttpsOptions& options) {
    return std::make_unique<OutboundHttps>(server_ioc, options);
}

}  // namespace openzro
