#include "client/fetch_http_client.h"

#include <cstring>
#include <optional>
#include <vector>

#include <emscripten/eventloop.h>
#include <emscripten/fetch.h>

namespace openzro {

// Owned by its fetch from emscripten_fetch() until the fetch is closed. Keeps the strings the
// fetch points at alive until then.
struct FetchHttpClient::InFlight {
    std::weak_ptr<FetchHttpClient*> client;
    RequestId id = 0;
    Callback done;
    HttpRequest request;
    std::vector<const char*> header_ptrs;
    emscripten_fetch_t* fetch = nullptr;   // null once closed
    bool in_send = false;                  // inside emscripten_fetch()
    std::optional<HttpResponse> deferred;  // an answer that came during send()
};

namespace {

// Emscripten 3.1.6's emscripten_fetch_close() does not abort the XHR, whose late events would
// then write into the freed fetch: abort it first (then it raises no further events).
// (clang-format would split JavaScript's === into "== =", which the JS minifier rejects.)
// clang-format off
EM_JS(int, openzro_fetch_abort, (unsigned int id), {
    if (typeof Fetch === 'undefined' || !Fetch.xhrs || !Fetch.xhrs[id - 1]) return 0;
    Fetch.xhrs[id - 1].abort();
    return 1;
});
// clang-format on

Headers response_headers(emscripten_fetch_t* fetch) {
    Headers out;
    const std::size_t length = emscripten_fetch_get_response_headers_length(fetch);
    if (length == 0) return out;
    std::vector<char> raw(length + 1, '\0');
    emscripten_fetch_get_response_headers(fetch, raw.data(), raw.size());
    char** pairs = emscripten_fetch_unpack_response_headers(raw.data());
    if (!pairs) return out;
    for (std::size_t i = 0; pairs[i] && pairs[i + 1]; i += 2) {
        std::string value = pairs[i + 1];
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
        out.add(pairs[i], std::move(value));
    }
    emscripten_fetch_free_unpacked_response_headers(pairs);
    return out;
}

void deliver(FetchHttpClient::InFlight* state, HttpResponse response) {
    std::unique_ptr<FetchHttpClient::InFlight> owned(state);
    auto client = owned->client.lock();
    if (!client || !*client) return;  // cancelled, or the client is gone
    (*client)->forget(owned->id);
    owned->done(std::move(response));
}

void deliver_deferred(void* p) {
    auto* state = static_cast<FetchHttpClient::InFlight*>(p);
    deliver(state, std::move(*state->deferred));
}

// onsuccess and onerror: the fetch is over (or aborted by close); deliver unless cancelled.
void finished(emscripten_fetch_t* fetch) {
    auto* state = static_cast<FetchHttpClient::InFlight*>(fetch->userData);
    if (!state) return;  // closed by cancel(): nothing to deliver, freed by the caller
    HttpResponse response;
    response.status = fetch->status;
    if (fetch->status != 0) {
        response.headers = response_headers(fetch);
        if (fetch->data && fetch->numBytes > 0) {
            response.body.assign(fetch->data, static_cast<std::size_t>(fetch->numBytes));
        }
    } else {
        response.error = fetch->statusText[0] ? fetch->statusText : "network error";
    }
    fetch->userData = nullptr;
    emscripten_fetch_close(fetch);  // frees the 40 MB copy of a large body at once
    state->fetch = nullptr;
    if (state->in_send) {
        state->deferred = std::move(response);  // send() delivers it from the event loop
        return;
    }
    deliver(state, std::move(response));
}

}  // namespace

FetchHttpClient::FetchHttpClient() : self_(std::make_shared<FetchHttpClient*>(this)) {}

FetchHttpClient::~FetchHttpClient() {
    *self_ = nullptr;
    auto pending = std::move(in_flight_);
    for (auto& [id, state] : pending) close(state);
}

void FetchHttpClient::forget(RequestId id) {
    in_flight_.erase(id);
}

void FetchHttpClient::close(InFlight* state) {
    emscripten_fetch_t* fetch = state->fetch;
    if (fetch && openzro_fetch_abort(fetch->id)) {
        fetch->userData = nullptr;
        emscripten_fetch_close(fetch);  // runs onerror synchronously, which sees no state
        delete state;
    } else {
        // Its completion (or the deferred delivery) frees the state without delivering.
        state->client.reset();
    }
}

HttpClient::RequestId FetchHttpClient::send(HttpRequest request, Callback done) {
    auto* state = new InFlight;
    state->client = self_;
    state->id = next_id_++;
    state->done = std::move(done);
    state->request = std::move(request);
    for (const auto& [name, value] : state->request.headers.all()) {
        state->header_ptrs.push_back(name.c_str());
        state->header_ptrs.push_back(value.c_str());
    }
    state->header_ptrs.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, state->request.method.c_str(), sizeof attr.requestMethod - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.requestHeaders = state->header_ptrs.data();
    attr.requestData = state->request.body.empty() ? nullptr : state->request.body.data();
    attr.requestDataSize = state->request.body.size();
    attr.timeoutMSecs =
        state->request.timeout_ms > 0 ? static_cast<unsigned long>(state->request.timeout_ms) : 0;
    attr.withCredentials = state->request.with_credentials;
    attr.userData = state;
    attr.onsuccess = finished;
    attr.onerror = finished;
    in_flight_.emplace(state->id, state);
    const RequestId id = state->id;
    state->in_send = true;
    emscripten_fetch_t* fetch = emscripten_fetch(&attr, state->request.url.c_str());
    state->in_send = false;
    if (state->deferred) {
        emscripten_set_timeout(deliver_deferred, 0, state);  // never inside send()
    } else {
        state->fetch = fetch;
    }
    return id;
}

void FetchHttpClient::cancel(RequestId id) {
    const auto it = in_flight_.find(id);
    if (it == in_flight_.end()) return;
    InFlight* state = it->second;
    in_flight_.erase(it);
    close(state);
}

}  // namespace openzro
