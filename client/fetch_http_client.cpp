#include "client/fetch_http_client.h"

#include <algorithm>
#include <memory>
#include <string_view>

#include <emscripten/emscripten.h>

namespace openzro {

// Lives from send() until the JavaScript side reports the end (openzro_http_done) or cancel()
// aborts it; after oz_http_abort() JavaScript never calls back with that handle.
struct FetchHttpClient::InFlight {
    FetchHttpClient* client = nullptr;
    RequestId id = 0;
    Callback done;
    HttpResponse response;
    std::string header_text;  // "name\nvalue\n" per header, as fetch_http_client.js writes it
};

// fetch_http_client.js
extern "C" {
void oz_http_send(FetchHttpClient::InFlight* handle, const char* method, const char* url,
                  const char* headers, const char* body, std::size_t body_length, int timeout_ms,
                  int with_credentials);
void oz_http_abort(FetchHttpClient::InFlight* handle);
}

namespace {

// How an exchange ended, as fetch_http_client.js reports it.
enum Failure { kNone = 0, kNetwork = 1, kTimedOut = 2, kTooLarge = 3 };

const char* failure_text(int failure) {
    switch (failure) {
        case kTimedOut:
            return "timed out";
        case kTooLarge:
            return "answer larger than the body limit";
        default:
            return "network error";
    }
}

std::string header_lines(const Headers& headers) {
    std::string out;
    for (const auto& [name, value] : headers.all())
        out.append(name).append(1, '\n').append(value).append(1, '\n');
    return out;
}

Headers parse_header_lines(std::string_view text) {
    Headers out;
    while (!text.empty()) {
        const std::size_t name_end = text.find('\n');
        if (name_end == std::string_view::npos) break;
        const std::size_t value_end = text.find('\n', name_end + 1);
        if (value_end == std::string_view::npos) break;
        out.add(std::string(text.substr(0, name_end)),
                std::string(text.substr(name_end + 1, value_end - name_end - 1)));
        text.remove_prefix(value_end + 1);
    }
    return out;
}

}  // namespace

FetchHttpClient::~FetchHttpClient() {
    for (auto& [id, state] : in_flight_) {
        oz_http_abort(state);
        delete state;
    }
}

HttpClient::RequestId FetchHttpClient::send(HttpRequest request, Callback done) {
    auto* state = new InFlight;
    state->client = this;
    state->id = next_id_++;
    state->done = std::move(done);
    in_flight_.emplace(state->id, state);
    // JavaScript copies what it needs before returning and answers only from the event loop.
    oz_http_send(state, request.method.c_str(), request.url.c_str(),
                 header_lines(request.headers).c_str(), request.body.data(), request.body.size(),
                 std::max(request.timeout_ms, 0), request.with_credentials ? 1 : 0);
    return state->id;
}

void FetchHttpClient::cancel(RequestId id) {
    const auto it = in_flight_.find(id);
    if (it == in_flight_.end()) return;
    InFlight* state = it->second;
    in_flight_.erase(it);
    oz_http_abort(state);
    delete state;
}

void FetchHttpClient::finish(InFlight* state, int failure) {
    std::unique_ptr<InFlight> owned(state);
    in_flight_.erase(state->id);
    HttpResponse response;
    if (failure == kNone) {
        response = std::move(state->response);
        response.headers = parse_header_lines(state->header_text);
    } else {
        response.error = failure_text(failure);
    }
    owned->done(std::move(response));
}

}  // namespace openzro

// [SECTION] Called from fetch_http_client.js
extern "C" {

using openzro::FetchHttpClient;

// The status line and headers arrived: returns room for header_bytes of header text (and the
// NUL that std::string keeps after it). length_hint (Content-Length, 0 when unknown) reserves
// the body at once.
EMSCRIPTEN_KEEPALIVE char* openzro_http_head(FetchHttpClient::InFlight* state, int status,
                                             std::size_t header_bytes, double length_hint) {
    state->response.status = status;
    state->header_text.resize(header_bytes);
    const double capped = std::min(length_hint, double(FetchHttpClient::kMaxBodyBytes));
    if (capped > 0) state->response.body.reserve(static_cast<std::size_t>(capped));
    return state->header_text.data();
}

// The next chunk of the body: returns where to write its bytes, or null past the body limit.
EMSCRIPTEN_KEEPALIVE char* openzro_http_body(FetchHttpClient::InFlight* state, std::size_t bytes) {
    std::string& body = state->response.body;
    if (bytes > FetchHttpClient::kMaxBodyBytes - body.size()) return nullptr;
    const std::size_t at = body.size();
    body.resize(at + bytes);
    return body.data() + at;
}

// The exchange ended (failure: see Failure); JavaScript has forgotten the handle.
EMSCRIPTEN_KEEPALIVE void openzro_http_done(FetchHttpClient::InFlight* state, int failure) {
    state->client->finish(state, failure);
}

}  // extern "C"
