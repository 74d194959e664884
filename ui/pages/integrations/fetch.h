// ui/pages/integrations/fetch.h: one request's progress as the views show it: loading (skeleton),
// failed (error with retry) or loaded.
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

template <class T>
struct Fetch {
    bool loading = false;
    bool loaded = false;
    std::optional<openzro::ApiError> error;
    T value{};

    void start() {
        loading = true;
        error.reset();
    }
    // The callback for an Api call whose answer is T (writes) or a shared T (reads).
    template <class R>
    auto into() {
        return [this](openzro::Result<R> r) {
            loading = false;
            R* v = ok_value(r);
            if (!v) {
                error = r.error();
                return;
            }
            if constexpr (std::is_same_v<R, T>)
                value = std::move(*v);
            else if (*v)
                value = **v;
            loaded = true;
        };
    }
};

// Ref<T> as the Api's reads deliver it.
template <class T>
using Shared = openzro::Api::Ref<T>;

}  // namespace ui
