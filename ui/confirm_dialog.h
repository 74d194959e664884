// ui/confirm_dialog.h: the one confirmation dialog, asked before anything destructive. The view
// that opens it names the action by an id and acts when the dialog answers Confirmed.
#pragma once
#include <string>

namespace ui {

struct ConfirmDialog {
    bool open = false;
    std::string title, message, confirm_label;
    bool danger = true;
    int action = 0;  // the caller's id for what is being confirmed
};

enum class ConfirmResult { None, Confirmed, Cancelled };

void confirm_open(ConfirmDialog& dialog, std::string title, std::string message,
                  std::string confirm_label, int action, bool danger = true);
// Draws the dialog when open. Escape or Cancel answer Cancelled; the answer closes it.
ConfirmResult confirm_draw(ConfirmDialog& dialog);

}  // namespace ui
