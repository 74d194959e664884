// Wall-clock time for everything that expires (tokens, sessions, caches), injectable so tests
// move time instead of sleeping.
#pragma once
#include <cstdint>
#include <string>

namespace openzro {

class Clock {
  public:
    virtual ~Clock() = default;
    virtual std::int64_t now_s() const = 0;  // seconds since the Unix epoch
};

class SystemClock final : public Clock {
  public:
    std::int64_t now_s() const override;
    static const SystemClock& instance();
};

// Stands still until a test moves it.
class ManualClock final : public Clock {
  public:
    explicit ManualClock(std::int64_t start_s = 1'800'000'000) : now_(start_s) {}
    std::int64_t now_s() const override { return now_; }
    void advance(std::int64_t seconds) { now_ += seconds; }
    void set(std::int64_t now_s) { now_ = now_s; }

  private:
    std::int64_t now_;
};

// The system's time now, as stored and shown: "2026-01-02T03:04:05Z".
std::string utc_now();

}  // namespace openzro
