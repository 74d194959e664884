#include "client/fake_http_client.h"

namespace openzro {

HttpClient::RequestId FakeHttpClient::send(HttpRequest request, Callback done) {
    const RequestId id = next_id_++;
    sent_.push_back(Sent{id, request, false});
    callbacks_.emplace(id, std::move(done));
    if (responder_) {
        if (auto response = responder_(request)) respond(id, std::move(*response));
    }
    return id;
}

void FakeHttpClient::cancel(RequestId id) {
    if (callbacks_.erase(id) == 0) return;
    for (Sent& s : sent_) {
        if (s.id == id) s.cancelled = true;
    }
}

void FakeHttpClient::respond(RequestId id, HttpResponse response) {
    if (callbacks_.count(id) != 0) answered_.emplace_back(id, std::move(response));
}

std::size_t FakeHttpClient::deliver() {
    std::size_t ran = 0;
    while (!answered_.empty()) {
        auto [id, response] = std::move(answered_.front());
        answered_.pop_front();
        auto it = callbacks_.find(id);
        if (it == callbacks_.end()) continue;  // cancelled after the answer
        Callback done = std::move(it->second);
        callbacks_.erase(it);
        done(std::move(response));
        ++ran;
    }
    return ran;
}

}  // namespace openzro
