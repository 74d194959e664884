#include "server/outbound_https.h"

#include <boost/asio/post.hpp>

namespace openzro {
namespace {

// Placeholder until the Beast client lands: every request fails, asynchronously.
class UnavailableOutbound final : public OutboundHttp {
  public:
    explicit UnavailableOutbound(boost::asio::io_context& ioc) : ioc_(ioc) {}
    void send(OutboundRequest /*request*/, Done done) override {
        boost::asio::post(ioc_, [done = std::move(done)] {
            OutboundResponse r;
            r.error = "outbound HTTPS is not available yet";
            done(std::move(r));
        });
    }

  private:
    boost::asio::io_context& ioc_;
};

}  // namespace

std::unique_ptr<OutboundHttp> make_outbound_https(boost::asio::io_context& server_ioc,
                                                  OutboundHttpsOptions /*options*/) {
    return std::make_unique<UnavailableOutbound>(server_ioc);
}

}  // namespace openzro
