// Shared by the Api tests: an Api over FakeHttpClient and ManualClock, and a driver that runs
// simulated time until a call has delivered.
#pragma once

#include <optional>
#include <string>

#include "client/api.h"
#include "client/fake_http_client.h"

namespace openzro::test {

// What a call delivered, whatever its value type.
struct Outcome {
    bool ok = false;
    ApiError error;
};

template <class T>
Api::Callback<T> capture(std::optional<Outcome>& out, T* value = nullptr) {
    return [&out, value](Result<T> r) {
        if (r.ok() && value) *value = r.value();
        out = r.ok() ? Outcome{true, {}} : Outcome{false, r.error()};
    };
}

inline HttpResponse answer(int status, std::string body,
                           std::string content_type = "application/json") {
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    if (!content_type.empty()) r.headers.set("Content-Type", std::move(content_type));
    return r;
}

struct ApiFixture {
    FakeHttpClient http;
    ManualClock clock;
    int wakes = 0;
    int unauthorized = 0;
    Api api{config(), http, clock};

    ApiConfig config() {
        ApiConfig c;
        c.base_url = "http://api.test";
        c.auth = Auth{Auth::Kind::kToken, "pat"};
        c.wake = [this] { ++wakes; };
        c.on_unauthorized = [this] { ++unauthorized; };
        int n = 0;
        c.make_request_id = [n]() mutable { return "req-" + std::to_string(++n); };
        return c;
    }

    // Delivers answers and moves time on until done is set or a simulated limit passes.
    void run_until(const std::optional<Outcome>& done, std::int64_t limit_ms = 600000) {
        for (std::int64_t t = 0; !done && t <= limit_ms; t += 250) {
            http.deliver();
            if (!done) clock.advance(250);
        }
        http.deliver();
    }
};

}  // namespace openzro::test
