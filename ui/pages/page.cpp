#include "ui/pages/page.h"

#include <algorithm>
#include <ctime>

namespace ui {

std::int64_t wall_now(const Services& services) {
    return services.unix_now ? services.unix_now() : static_cast<std::int64_t>(std::time(nullptr));
}

double earliest_wake(double a, double b) {
    if (a < 0) return b;
    if (b < 0) return a;
    return std::min(a, b);
}

}  // namespace ui
