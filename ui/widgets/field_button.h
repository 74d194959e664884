// ui/widgets/field_button.h: a text_field with an icon button at the right of its input, for
// actions on that one value (show/hide a secret, remove a row).
#pragma once
#include <string>

#include "ui/widgets.h"

namespace ui {

struct FieldButton {
    const char* id;     // unique within the window
    const char* icon;   // OZ_ICON_*
    const char* label;  // accessible name and tooltip
};

// Returns true when the value was edited; `pressed` tells whether the button was activated.
bool text_field_with_button(const char* label, std::string& value, TextFieldOptions options,
                            const FieldButton& button, bool& pressed);

}  // namespace ui
