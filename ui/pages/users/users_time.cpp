#include "ui/pages/users/users_time.h"

#include <cstdio>

namespace ui {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
}

// Reads `count` digits at `pos`; -1 when they are not all digits.
std::int64_t digits(std::string_view s, std::size_t pos, std::size_t count) {
    if (pos + count > s.size()) return -1;
    std::int64_t v = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

}  // namespace

std::int64_t parse_rfc3339(std::string_view s) {
    // YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
    const std::int64_t y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
    const std::int64_t h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || mi < 0 || se < 0 || s[4] != '-' ||
        s[7] != '-' || (s[10] != 'T' && s[10] != 't' && s[10] != ' '))
        return kNoTime;
    if (y <= 1) return kNoTime;  // Go's zero time (0001-01-01): never
    std::size_t pos = 19;
    if (pos < s.size() && s[pos] == '.')
        for (++pos; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos) {
        }
    std::int64_t offset = 0;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        const std::int64_t oh = digits(s, pos + 1, 2), om = digits(s, pos + 4, 2);
        if (oh < 0 || om < 0) return kNoTime;
        offset = (oh * 60 + om) * 60 * (s[pos] == '-' ? -1 : 1);
    }
    return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - offset;
}

std::string relative_time(std::int64_t when, std::int64_t now) {
    if (when == kNoTime) return "Never";
    const std::int64_t ago = now - when;
    if (ago < -60) return "in the future";
    if (ago < 60) return "just now";
    struct Unit {
        std::int64_t seconds;
        const char* name;
    };
    static constexpr Unit kUnits[] = {{365 * 86400, "year"}, {30 * 86400, "month"},
                                      {7 * 86400, "week"},   {86400, "day"},
                                      {3600, "hour"},        {60, "minute"}};
    for (const Unit& u : kUnits) {
        if (ago < u.seconds) continue;
        const std::int64_t n = ago / u.seconds;
        char out[48];
        std::snprintf(out, sizeof out, "%lld %s%s ago", static_cast<long long>(n), u.name,
                      n == 1 ? "" : "s");
        return out;
    }
    return "just now";
}

std::string exact_time(std::int64_t when) {
    if (when == kNoTime) return "Never";
    const std::int64_t days = (when >= 0 ? when : when - 86399) / 86400;
    const std::int64_t secs = when - days * 86400;
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char out[72];
    std::snprintf(out, sizeof out, "%04lld-%02u-%02u %02lld:%02lld UTC", static_cast<long long>(y),
                  m, d, static_cast<long long>(secs / 3600),
                  static_cast<long long>(secs / 60 % 60));
    return out;
}

}  // namespace ui
