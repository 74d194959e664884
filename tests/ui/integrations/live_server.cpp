#include "live_server.h"

#include <unistd.h>

#include <cstdlib>

namespace testing_okta {

std::string LiveServer::find_binary() {
    if (const char* env = std::getenv("OPENZRO_SERVER_BIN")) return env;
#ifdef OPENZRO_SERVER_BIN
    if (access(OPENZRO_SERVER_BIN, X_OK) == 0) return OPENZRO_SERVER_BIN;
#endif
    const std::string fallback =
        std::string(OPENZRO_SOURCE_DIR) + "/build/native/server/openzro-server";
    return access(fallback.c_str(), X_OK) == 0 ? fallback : "";
}

std::string okta_sim_path() {
    return std::string(OPENZRO_SOURCE_DIR) + "/scripts/okta-sim";
}

LiveBridge::LiveBridge(std::string origin, std::string token)
    : origin_(std::move(origin)), token_(std::move(token)) {}

void LiveBridge::pump(harness::Harness& h) {
    for (const auto& sent : h.http.sent()) {
        if (sent.id <= forwarded_) continue;
        forwarded_ = sent.id;
        if (sent.cancelled) continue;
        openzro::HttpRequest out = sent.request;
        out.url = origin_ + sent.request.url;
        out.headers.set("Authorization", "Token " + token_);
        beast_.send(std::move(out), [&h, id = sent.id](openzro::HttpResponse r) {
            h.http.respond(id, std::move(r));
        });
    }
    beast_.poll();
    h.frame();
}

}  // namespace testing_okta
