// Browser HttpClient on Emscripten Fetch (wasm only). Callbacks run from the browser's event
// loop. Link flags (-sFETCH=1 -sFETCH_SUPPORT_INDEXEDDB=0) come with the openzro_client_fetch
// target.
#pragma once

#include <map>
#include <memory>

#include "client/http.h"

namespace openzro {

class FetchHttpClient : public HttpClient {
  public:
    FetchHttpClient();
    ~FetchHttpClient() override;  // in-flight fetches are aborted; no callback runs afterwards
    FetchHttpClient(const FetchHttpClient&) = delete;
    FetchHttpClient& operator=(const FetchHttpClient&) = delete;

    RequestId send(HttpRequest request, Callback done) override;
    void cancel(RequestId id) override;

    struct InFlight;
    void forget(RequestId id);  // for the completion handler

  private:
    void close(InFlight* state);

    std::map<RequestId, InFlight*> in_flight_;
    RequestId next_id_ = 1;
    std::shared_ptr<FetchHttpClient*> self_;  // reset on destruction: late fetches see null
};

}  // namespace openzro
