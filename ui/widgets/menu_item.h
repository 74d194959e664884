// ui/widgets/menu_item.h: one row of a popup menu (row menus, filter dropdowns): 32 px high,
// hover on surface-raised, an optional check mark, disabled at 40% with the reason on hover.
#pragma once

namespace ui {

struct MenuItemOptions {
    const char* accessible = nullptr;       // the registry label, e.g. "Block jane@example.com"
    const char* icon = nullptr;             // OZ_ICON_*, drawn before the text
    bool checked = false;                   // a check mark at the right (the current choice)
    bool danger = false;                    // destructive: text in the danger colour
    const char* disabled_reason = nullptr;  // non-null: disabled, and this is the hover text
};

// `label` may carry "##id". Returns true when chosen; the caller closes the popup.
bool menu_item(const char* label, const MenuItemOptions& options = {});
// A small upper-case caption between groups of menu items ("ROLE").
void menu_caption(const char* text);

// Begins a popup menu styled as DESIGN.md's menus (surface, border, 8 px rounding, rows packed).
// Call end_menu_popup() only when it returns true, like ImGui::BeginPopup/EndPopup.
bool begin_menu_popup(const char* id, float min_width_css = 200);
void end_menu_popup();

}  // namespace ui
