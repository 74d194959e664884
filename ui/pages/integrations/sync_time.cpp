#include "ui/pages/integrations/sync_time.h"

#include "ui/time.h"

namespace ui {

SyncSummary summarize_sync(const std::vector<openzro::IdpIntegrationSyncLog>& logs) {
    SyncSummary out;
    std::optional<std::int64_t> newest_error;
    for (const openzro::IdpIntegrationSyncLog& log : logs) {
        const auto t = parse_rfc3339(log.timestamp);
        if (!t) continue;
        if (!out.last_activity || *t > *out.last_activity) out.last_activity = t;
        if (log.level == "error") {
            if (!newest_error || *t >= *newest_error) {
                newest_error = t;
                out.last_error = &log;
            }
        } else if (!out.last_success || *t > *out.last_success) {
            out.last_success = t;
        }
    }
    if (newest_error && out.last_success && *out.last_success >= *newest_error)
        out.last_error = nullptr;
    return out;
}

std::string sync_status_text(const SyncSummary& summary, std::int64_t now) {
    if (!summary.last_success) return "Not synchronized yet";
    return "Synced " + time_ago(*summary.last_success, now);
}

}  // namespace ui
