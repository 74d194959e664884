#include "ui/pages/page.h"

#include <algorithm>

namespace ui {

double earliest_wake(double a, double b) {
    if (a < 0) return b;
    if (b < 0) return a;
    return std::min(a, b);
}

}  // namespace ui
