// ui/time.h: times as the API sends them (RFC 3339) and as admins read them ("3 hours ago",
// "05:53:24 UTC on 2026-11-29"). Pure functions, shared by every page.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace ui {

// Seconds since the Unix epoch of an RFC 3339 time ("2026-11-29T05:53:24Z", fractions and
// offsets allowed); nullopt when it is not one.
std::optional<std::int64_t> parse_rfc3339(const std::string& text);
// "just now", "1 minute ago", "3 hours ago", "2 days ago".
std::string time_ago(std::int64_t then, std::int64_t now);
// "05:53:24 UTC on 2026-11-29".
std::string clock_time(std::int64_t when);

}  // namespace ui
