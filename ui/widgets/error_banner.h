// ui/widgets/error_banner.h: what went wrong with a request, in words, with the server's
// message and the request id a user can report, and a retry button.
#pragma once
#include <imgui.h>

#include "client/api_error.h"

namespace ui {

// A box tinted with `color` (10% fill, 45% border) around what follows, up to callout_end().
void callout_begin(const char* id, ImU32 color);
void callout_end();
// A callout with `icon` in `color` and `title` as its heading; what follows stands beside the
// icon, up to titled_callout_end().
void titled_callout_begin(const char* id, ImU32 color, const char* icon, const char* title);
void titled_callout_end();

// `title` says what failed ("Could not load the Okta integration"). `retry_label` may be null
// (no button) and may carry "##id". Returns true when retry was pressed.
bool error_banner(const char* title, const openzro::ApiError& error,
                  const char* retry_label = "Retry");

}  // namespace ui
