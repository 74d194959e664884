// Browser HttpClient on the Fetch API (wasm only), through client/fetch_http_client.js, which
// the openzro_client_fetch target links in. The answer's body streams into the wasm heap chunk by
// chunk as it arrives, so a 40 MB users list costs no single long task and no second copy. A GET
// the page already started (Module.ozPrefetched, shell.html) is taken over instead of sent again.
#pragma once

#include <cstddef>
#include <map>

#include "client/http.h"

namespace openzro {

class FetchHttpClient : public HttpClient {
  public:
    // An answer larger than this fails as "answer larger than the body limit", as natively.
    static constexpr std::size_t kMaxBodyBytes = std::size_t{256} << 20;

    FetchHttpClient() = default;
    ~FetchHttpClient() override;  // in-flight fetches are aborted; no callback runs afterwards
    FetchHttpClient(const FetchHttpClient&) = delete;
    FetchHttpClient& operator=(const FetchHttpClient&) = delete;

    RequestId send(HttpRequest request, Callback done) override;
    void cancel(RequestId id) override;

    struct InFlight;
    void finish(InFlight* state, int failure);  // for the JavaScript side's completion

  private:
    std::map<RequestId, InFlight*> in_flight_;
    RequestId next_id_ = 1;
};

}  // namespace openzro
