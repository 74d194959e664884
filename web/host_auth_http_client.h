// web/host_auth_http_client.h: for the embedded element, whose host page owns the session.
// Every request first asks the host's tokenProvider for its Authorization header, and after a
// 401 asks again (so the host can refresh its OIDC session) and retries once.
#pragma once
#include <map>

#include "client/http.h"

namespace web {

class HostAuthHttpClient : public openzro::HttpClient {
  public:
    explicit HostAuthHttpClient(openzro::HttpClient& inner) : inner_(inner) {}
    RequestId send(openzro::HttpRequest request, Callback done) override;
    void cancel(RequestId id) override;
    // The host's answer to browser_request_token(id); null: the host has no session.
    void token_ready(RequestId id, const char* token);

  private:
    struct Pending {
        openzro::HttpRequest request;
        Callback done;
        RequestId inner_id = 0;
        bool refreshed = false;
    };
    void finish(RequestId id, openzro::HttpResponse response);

    openzro::HttpClient& inner_;
    std::map<RequestId, Pending> pending_;
    RequestId next_id_ = 1;
};

}  // namespace web
