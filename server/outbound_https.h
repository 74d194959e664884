// The real outbound client: Boost.Beast over Asio SSL with OpenSSL, the system trust store,
// host name verification and SNI, a deadline per request and a bounded answer size. It runs
// on its own worker thread, so a slow peer never holds up the server's event loop, and posts
// each answer back to the server's io_context.
#pragma once
#include <boost/asio/io_context.hpp>
#include <memory>
#include <string>

#include "server/outbound_http.h"

namespace openzro {

struct OutboundHttpsOptions {
    std::string ca_file;  // extra PEM trust anchors (empty: the system store only)
};

// `server_ioc` is where answers are delivered; it must outlive the returned client, whose
// destructor stops the worker thread (pending `done` callbacks are dropped, not called).
std::unique_ptr<OutboundHttp> make_outbound_https(boost::asio::io_context& server_ioc,
                                                  const OutboundHttpsOptions& options = {});

}  // namespace openzro
