#include "web/browser_clock.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include "web/web.h"

namespace web {

BrowserClock::~BrowserClock() {
    for (const auto& [id, timer] : timers_) emscripten_clear_timeout(timer->handle);
}

std::int64_t BrowserClock::now_ms() {
    return static_cast<std::int64_t>(emscripten_get_now());
}

BrowserClock::TimerId BrowserClock::schedule(std::int64_t delay_ms, std::function<void()> fn) {
    const TimerId id = next_id_++;
    auto& timer = timers_[id];
    timer = std::make_unique<Timer>(Timer{this, id, 0, std::move(fn)});
    timer->handle =
        emscripten_set_timeout(fire, static_cast<double>(delay_ms > 0 ? delay_ms : 0), timer.get());
    return id;
}

void BrowserClock::cancel(TimerId id) {
    const auto it = timers_.find(id);
    if (it == timers_.end()) return;
    emscripten_clear_timeout(it->second->handle);
    timers_.erase(it);
}

void BrowserClock::fire(void* data) {
    auto* timer = static_cast<Timer*>(data);
    const std::function<void()> fn = std::move(timer->fn);
    timer->owner->timers_.erase(timer->id);  // destroys *timer
    fn();
    request_frame();
}

}  // namespace web
