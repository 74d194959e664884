#include "web/host_auth_http_client.h"

#include <string>

#include "web/web.h"

namespace web {

HostAuthHttpClient::RequestId HostAuthHttpClient::send(openzro::HttpRequest request,
                                                       Callback done) {
    const RequestId id = next_id_++;
    pending_[id] = {std::move(request), std::move(done)};
    browser_request_token(static_cast<unsigned>(id), false);
    return id;
}

void HostAuthHttpClient::cancel(RequestId id) {
    const auto it = pending_.find(id);
    if (it == pending_.end()) return;
    if (it->second.inner_id) inner_.cancel(it->second.inner_id);
    pending_.erase(it);
}

void HostAuthHttpClient::token_ready(RequestId id, const char* token) {
    const auto it = pending_.find(id);
    if (it == pending_.end()) return;  // cancelled meanwhile
    if (!token || !*token) {
        openzro::HttpResponse refused;
        refused.status = 401;
        refused.body = R"({"message":"the host page has no session","code":401})";
        finish(id, std::move(refused));
        return;
    }
    // "Token abc" (a personal access token) goes as is; a bare token is an OIDC bearer token.
    const std::string value(token);
    openzro::HttpRequest request = it->second.request;
    request.headers.set("Authorization",
                        value.find(' ') == std::string::npos ? "Bearer " + value : value);
    it->second.inner_id = inner_.send(std::move(request), [this, id](openzro::HttpResponse r) {
        const auto at = pending_.find(id);
        if (at == pending_.end()) return;
        if (r.status == 401 && !at->second.refreshed) {
            at->second.refreshed = true;
            at->second.inner_id = 0;
            browser_request_token(static_cast<unsigned>(id), true);
            return;
        }
        finish(id, std::move(r));
    });
}

void HostAuthHttpClient::finish(RequestId id, openzro::HttpResponse response) {
    const auto it = pending_.find(id);
    if (it == pending_.end()) return;
    Callback done = std::move(it->second.done);
    pending_.erase(it);
    done(std::move(response));
}

}  // namespace web
