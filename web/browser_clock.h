// web/browser_clock.h: the Api's Clock in the browser: performance.now() and setTimeout.
// Every timer that fires also asks for a frame, since it may have changed what is shown.
#pragma once
#include <map>
#include <memory>

#include "client/clock.h"

namespace web {

class BrowserClock : public openzro::Clock {
  public:
    ~BrowserClock() override;
    std::int64_t now_ms() override;
    TimerId schedule(std::int64_t delay_ms, std::function<void()> fn) override;
    void cancel(TimerId id) override;

  private:
    struct Timer {
        BrowserClock* owner;
        TimerId id;
        long handle;
        std::function<void()> fn;
    };
    static void fire(void* data);
    std::map<TimerId, std::unique_ptr<Timer>> timers_;
    TimerId next_id_ = 1;
};

}  // namespace web
