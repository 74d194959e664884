// ui/widgets/error_banner.h: what went wrong with a request, in words, with the server's
// message and the request id a user can report, and a retry button.
#pragma once
#include "client/api_error.h"

namespace ui {

// `title` says what failed ("Could not load the Okta integration"). `retry_label` may be null
// (no button) and may carry "##id". Returns true when retry was pressed.
bool error_banner(const char* title, const openzro::ApiError& error,
                  const char* retry_label = "Retry");

}  // namespace ui
