#include "client/clock.h"

#include <chrono>

namespace openzro {

Clock::TimerId QueueClock::schedule(std::int64_t delay_ms, std::function<void()> fn) {
    const TimerId id = next_id_++;
    const std::int64_t due = now_ms() + (delay_ms > 0 ? delay_ms : 0);
    timers_.emplace(std::make_pair(due, id), std::move(fn));
    due_.emplace(id, due);
    return id;
}

void QueueClock::cancel(TimerId id) {
    const auto it = due_.find(id);
    if (it == due_.end()) return;
    timers_.erase(std::make_pair(it->second, id));
    due_.erase(it);
}

std::optional<std::int64_t> QueueClock::next_due_ms() const {
    if (timers_.empty()) return std::nullopt;
    return timers_.begin()->first.first;
}

void QueueClock::fire_due() {
    while (!timers_.empty() && timers_.begin()->first.first <= now_ms()) {
        auto node = timers_.extract(timers_.begin());
        due_.erase(node.key().second);
        node.mapped()();
    }
}

void ManualClock::advance(std::int64_t ms) {
    const std::int64_t end = now_ + ms;
    // Step through each due time so timers see the time they were due at.
    while (const auto due = next_due_ms()) {
        if (*due > end) break;
        if (*due > now_) now_ = *due;
        fire_due();
    }
    now_ = end;
}

std::int64_t LoopClock::now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace openzro
