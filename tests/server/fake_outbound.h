// An OutboundHttp for tests: answers from routes the test sets, delivered only when the test
// (or TestServer::call) says, never inside send(). A route can hang: its requests stay
// pending until fire_timeouts(), which plays the real client's deadline deterministically.
#pragma once
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/outbound_http.h"

namespace openzro::testing {

class FakeOutbound final : public OutboundHttp {
  public:
    using Responder = std::function<OutboundResponse(const OutboundRequest&)>;

    // Answers every request to `url` (exact, query included; else the URL without its query).
    void respond(const std::string& url, Responder responder) {
        routes_[url] = std::move(responder);
        hanging_.erase(url);
    }
    void serve(const std::string& url, int status, std::string body,
               std::string content_type = "application/json") {
        respond(url, [status, body = std::move(body),
                      content_type = std::move(content_type)](const OutboundRequest&) {
            OutboundResponse r;
            r.status = status;
            r.body = body;
            r.content_type = content_type;
            return r;
        });
    }
    void serve_json(const std::string& url, const nlohmann::json& body, int status = 200) {
        serve(url, status, body.dump());
    }
    // No answer at all, as when the peer is unreachable.
    void fail(const std::string& url, std::string error = "connection refused") {
        respond(url, [error = std::move(error)](const OutboundRequest&) {
            OutboundResponse r;
            r.error = error;
            return r;
        });
    }
    // Requests to `url` never answer until fire_timeouts().
    void hang(const std::string& url) {
        routes_.erase(url);
        hanging_[url] = true;
    }

    void send(OutboundRequest request, Done done) override {
        log_.push_back(request);
        const std::string key = route_key(request.url);
        if (hanging_.count(key) != 0) {
            hung_.emplace_back(std::move(request), std::move(done));
            return;
        }
        OutboundResponse response;
        if (auto it = routes_.find(key); it != routes_.end()) {
            response = it->second(request);
        } else {
            response.error = "connection refused (no fake route for " + request.url + ")";
        }
        ready_.emplace_back(std::move(done), std::move(response));
    }

    // Delivers queued answers, and those their callbacks cause; returns how many.
    std::size_t deliver() {
        std::size_t n = 0;
        while (!ready_.empty()) {
            auto [done, response] = std::move(ready_.front());
            ready_.pop_front();
            done(std::move(response));
            ++n;
        }
        return n;
    }
    // Every hanging request ends as the real client's deadline would end it.
    std::size_t fire_timeouts() {
        std::size_t n = 0;
        auto hung = std::move(hung_);
        hung_.clear();
        for (auto& [request, done] : hung) {
            OutboundResponse r;
            r.error = "timed out after " + std::to_string(request.timeout_ms) + " ms";
            ready_.emplace_back(std::move(done), std::move(r));
            ++n;
        }
        return n;
    }
    bool idle() const { return ready_.empty() && hung_.empty(); }

    const std::vector<OutboundRequest>& requests() const { return log_; }
    std::size_t count(const std::string& url) const {
        std::size_t n = 0;
        for (const auto& r : log_) n += r.url == url ? 1 : 0;
        return n;
    }

  private:
    std::string route_key(const std::string& url) const {
        if (routes_.count(url) != 0 || hanging_.count(url) != 0) return url;
        return url.substr(0, url.find('?'));
    }

    std::map<std::string, Responder> routes_;
    std::map<std::string, bool> hanging_;
    std::deque<std::pair<Done, OutboundResponse>> ready_;
    std::vector<std::pair<OutboundRequest, Done>> hung_;
    std::vector<OutboundRequest> log_;
};

}  // namespace openzro::testing
