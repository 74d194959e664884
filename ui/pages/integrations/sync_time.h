// ui/pages/integrations/sync_time.h: what the sync log says about a SCIM integration, in the
// words the card and the wizard use ("Synced 3 minutes ago"). Pure functions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "client/model.h"
#include "ui/time.h"

namespace ui {

struct SyncSummary {
    std::optional<std::int64_t> last_activity;                   // newest entry of any level
    std::optional<std::int64_t> last_success;                    // newest info or warning entry
    const openzro::IdpIntegrationSyncLog* last_error = nullptr;  // only if newer than a success
};
SyncSummary summarize_sync(const std::vector<openzro::IdpIntegrationSyncLog>& logs);
// "Synced 3 minutes ago" or "Not synchronized yet".
std::string sync_status_text(const SyncSummary& summary, std::int64_t now);

}  // namespace ui
