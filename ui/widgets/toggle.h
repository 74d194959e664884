// ui/widgets/toggle.h: an on/off switch (role "switch", checked when on).
#pragma once

namespace ui {

// Returns true when the user flips it; the caller changes `on` (often after a request).
// `disabled_reason` non-null: disabled, and this is the hover text.
bool toggle_switch(const char* label, bool on, const char* disabled_reason = nullptr);

}  // namespace ui
