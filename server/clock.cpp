#include "server/clock.h"

#include <chrono>

namespace openzro {

std::int64_t SystemClock::now_s() const {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

const SystemClock& SystemClock::instance() {
    static const SystemClock clock;
    return clock;
}

}  // namespace openzro
