// Time for timeouts and backoff, behind an interface so tests drive it by hand.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <utility>

namespace openzro {

class Clock {
  public:
    using TimerId = std::uint64_t;

    virtual ~Clock() = default;
    virtual std::int64_t now_ms() = 0;  // monotonic
    // Runs fn on the UI thread after delay_ms (never inside schedule).
    virtual TimerId schedule(std::int64_t delay_ms, std::function<void()> fn) = 0;
    // After this fn never runs; unknown or fired ids are ignored.
    virtual void cancel(TimerId id) = 0;
};

// Timers kept in a queue and fired by the owner: the base of ManualClock and LoopClock.
class QueueClock : public Clock {
  public:
    TimerId schedule(std::int64_t delay_ms, std::function<void()> fn) override;
    void cancel(TimerId id) override;
    // When the next timer is due, for a host loop that sleeps until then.
    std::optional<std::int64_t> next_due_ms() const;

  protected:
    // Fires every timer due at now_ms(), including ones those timers schedule for now or earlier.
    void fire_due();

  private:
    std::map<std::pair<std::int64_t, TimerId>, std::function<void()>> timers_;
    std::map<TimerId, std::int64_t> due_;
    TimerId next_id_ = 1;
};

// Test clock: time moves only in advance().
class ManualClock : public QueueClock {
  public:
    std::int64_t now_ms() override { return now_; }
    void advance(std::int64_t ms);

  private:
    std::int64_t now_ = 0;
};

// Native host clock: steady_clock time; the host loop calls poll() to fire due timers.
class LoopClock : public QueueClock {
  public:
    std::int64_t now_ms() override;
    void poll() { fire_due(); }
};

}  // namespace openzro
