// ui/pages/integrations/sync_time.h: what the sync log says about a SCIM integration, in the
// words the card and the wizard use ("Synced 3 minutes ago"). Pure functions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "client/model.h"

namespace ui {

// Seconds since the Unix epoch of an RFC 3339 time ("2026-11-29T05:53:24Z", fractions and
// offsets allowed); nullopt when it is not one.
std::optional<std::int64_t> parse_rfc3339(const std::string& text);
// "just now", "1 minute ago", "3 hours ago", "2 days ago".
std::string time_ago(std::int64_t then, std::int64_t now);
// "05:53:24 UTC on 2026-11-29".
std::string clock_time(std::int64_t when);
// Current wall-clock time in seconds since the epoch.
std::int64_t wall_now();

struct SyncSummary {
    std::optional<std::int64_t> last_activity;                   // newest entry of any level
    std::optional<std::int64_t> last_success;                    // newest info or warning entry
    const openzro::IdpIntegrationSyncLog* last_error = nullptr;  // only if newer than a success
};
SyncSummary summarize_sync(const std::vector<openzro::IdpIntegrationSyncLog>& logs);
// "Synced 3 minutes ago" or "Not synchronized yet".
std::string sync_status_text(const SyncSummary& summary, std::int64_t now);

}  // namespace ui
