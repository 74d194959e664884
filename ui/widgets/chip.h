// ui/widgets/chip.h: a removable filter chip ("Status: Blocked  x"): a pill on surface-raised with
// a remove button whose accessible name is "Remove filter <label>".
#pragma once

namespace ui {

// Returns true when the remove button was pressed.
bool chip(const char* label);

}  // namespace ui
