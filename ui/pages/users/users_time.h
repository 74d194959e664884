// ui/pages/users/users_time.h: the API's RFC 3339 timestamps as the table shows them ("3 hours
// ago", exact on hover, "Never" for Go's zero time).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace ui {

// Seconds since the Unix epoch; kNoTime for the zero time, an empty or unreadable value.
inline constexpr std::int64_t kNoTime = INT64_MIN;
std::int64_t parse_rfc3339(std::string_view text);

// "just now", "5 minutes ago", "3 days ago", "in the future" ... ; "Never" for kNoTime.
std::string relative_time(std::int64_t when, std::int64_t now);
// "2026-11-29 05:52 UTC"; "Never" for kNoTime.
std::string exact_time(std::int64_t when);

}  // namespace ui
