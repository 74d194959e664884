// ui/request_state.h: the request-state kit every page uses (CONTRIBUTING.md, "Add a page").
// A read is a Fetch (loading: skeleton; failed: error with Retry; loaded: the value), or a Read
// when the page keeps the answer itself; a write is a Write (busy: its button says so and does
// not send twice; failed: the error beside the action, the form kept); a Poller repeats a read
// while its view is shown.
#pragma once
#include <optional>
#include <type_traits>

#include "client/api.h"

namespace ui {

// The value of a successful result, else nullptr. Checking the pointer (not ok()) lets the
// compiler see that nothing null is dereferenced (-Wnull-dereference).
template <class T>
T* ok_value(openzro::Result<T>& r) {
    return r.ok() ? &r.value() : nullptr;
}

// ok_value(), keeping the error of a failed result in `error`.
template <class T>
T* value_or_keep_error(openzro::Result<T>& r, std::optional<openzro::ApiError>& error) {
    T* v = ok_value(r);
    if (!v) error = r.error();
    return v;
}

// What a read and a write share: one call at a time, and the error of the last.
struct Call {
    bool busy = false;  // sent, not answered yet
    std::optional<openzro::ApiError> error;

    void start() {
        busy = true;
        error.reset();
    }
    // Ends the call with its result: the value, or nullptr with the error kept.
    template <class T>
    T* finish(openzro::Result<T>& r) {
        busy = false;
        return value_or_keep_error(r, error);
    }
};

// A read's progress. The page may keep the answer itself (the Users page keeps an index).
struct Read : Call {
    bool loaded = false;  // an answer arrived at least once

    // Call::finish(), and loaded once a value arrived.
    template <class R>
    R* finish(openzro::Result<R>& r) {
        R* v = Call::finish(r);
        loaded = loaded || v;
        return v;
    }
};

// A read and its answer.
template <class T>
struct Fetch : Read {
    T value{};

    // The callback for an Api call whose answer is T (writes) or a shared T (reads).
    template <class R>
    auto into() {
        return [this](openzro::Result<R> r) {
            R* v = finish(r);
            if (!v) return;
            if constexpr (std::is_same_v<R, T>)
                value = std::move(*v);
            else if (*v)
                value = **v;
        };
    }
};

// A write's progress.
struct Write : Call {};

// A read repeated while its view is shown (a log waited on, live counts): one round at a
// time, a round of one or more requests; a failure stops it until retry(). Times are ImGui's.
struct Poller {
    int in_flight = 0;  // requests of the current round not answered yet
    double next = 0;    // when the next round is due
    std::optional<openzro::ApiError> error;

    // True when a round of `requests` requests starts now (the caller sends them).
    bool due(double now, int requests = 1) {
        if (in_flight > 0 || error || now < next) return false;
        in_flight = requests;
        return true;
    }
    // One request of the round answered; the round over, the next is due `interval` later.
    template <class R>
    R* answered(openzro::Result<R>& r, double now, double interval) {
        if (in_flight > 0 && --in_flight == 0) next = now + interval;
        return value_or_keep_error(r, error);
    }
    void retry() {
        error.reset();
        next = 0;
    }
    // Seconds until the next round, for PageActions::wake_after; -1 while a round is out or
    // polling stopped on a failure.
    double wake_in(double now) const {
        if (in_flight > 0 || error) return -1;
        return next > now ? next - now : 0;
    }
};

// Ref<T> as the Api's reads deliver it.
template <class T>
using Shared = openzro::Api::Ref<T>;

}  // namespace ui
