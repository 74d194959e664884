#include "ui/time.h"

#include <cstdio>
#include <ctime>
#include <string_view>

#include "client/text.h"

namespace ui {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const int mp = static_cast<int>(m) + (m > 2 ? -3 : 9);  // March = 0
    const unsigned doy = static_cast<unsigned>((153 * mp + 2) / 5) + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string plural(std::int64_t n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s") + " ago";
}

}  // namespace

std::optional<std::int64_t> parse_rfc3339(const std::string& t) {
    // "YYYY-MM-DDTHH:MM:SS": fixed-width fields of digits only, and their separators.
    const auto field = [&t](std::size_t at, std::size_t width) -> std::int64_t {
        if (t.size() < at + width) return -1;
        return openzro::parse_digits(std::string_view(t).substr(at, width), width).value_or(-1);
    };
    const auto at = [&t](std::size_t i, char c) { return i < t.size() && t[i] == c; };
    const std::int64_t y = field(0, 4), mo = field(5, 2), d = field(8, 2);
    const std::int64_t h = field(11, 2), mi = field(14, 2), s = field(17, 2);
    if (!at(4, '-') || !at(7, '-') || !at(10, 'T') || !at(13, ':') || !at(16, ':') || y < 0 ||
        h < 0 || mi < 0 || s < 0 || mo < 1 || mo > 12 || d < 1 || d > 31)
        return std::nullopt;
    size_t i = 19;
    if (i < t.size() && t[i] == '.')
        for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9';) ++i;
    std::int64_t offset = 0;
    if (at(i, '+') || at(i, '-')) {
        const std::int64_t oh = field(i + 1, 2), om = field(i + 4, 2);
        if (oh < 0 || om < 0 || !at(i + 3, ':')) return std::nullopt;
        offset = (t[i] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
    } else if (!at(i, 'Z') && !at(i, 'z')) {
        return std::nullopt;
    }
    return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
           h * 3600 + mi * 60 + s - offset;
}

std::string time_ago(std::int64_t then, std::int64_t now) {
    const std::int64_t s = now - then;
    if (s < 60) return "just now";
    if (s < 3600) return plural(s / 60, "minute");
    if (s < 86400) return plural(s / 3600, "hour");
    return plural(s / 86400, "day");
}

std::string clock_time(std::int64_t when) {
    const auto t = static_cast<std::time_t>(when);
    std::tm tm{};
#ifdef _WIN32
    gmtime_s(&tm, &t);
#else
    gmtime_r(&t, &tm);
#endif
    // Not strftime: in the wasm build that is 6 KB of JavaScript for one fixed format.
    char buf[48];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d UTC on %04d-%02d-%02d", tm.tm_hour, tm.tm_min,
                  tm.tm_sec, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return buf;
}

}  // namespace ui
