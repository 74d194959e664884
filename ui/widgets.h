// ui/widgets.h: the components of shared/docs/DESIGN.md on top of Dear ImGui. Each reports
// itself to the item registry with a role and a readable label, so tests and (later) the
// accessibility tree see what a user sees.
#pragma once
#include <imgui.h>

#include <string>

#include "ui/theme.h"

namespace ui {

// [SECTION] Buttons
enum class ButtonKind { Primary, Secondary, Danger, Ghost };

struct ButtonOptions {
    ButtonKind kind = ButtonKind::Primary;
    const char* icon = nullptr;             // OZ_ICON_*, drawn before the label
    const char* disabled_reason = nullptr;  // non-null: disabled, and this is the hover text
    float width = 0;                        // CSS px; 0 = fit the label
};
// label may carry an "##id" suffix. Returns true when activated (click, Enter, Space).
bool button(const char* label, const ButtonOptions& options = {});
// An icon-only button: `label` is its accessible name and tooltip.
bool icon_button(const char* id, const char* icon, const char* label);
// A link-styled button that asks the platform to open `url` (FrameResult::open_url).
bool link(const char* label, const char* url, std::string& open_url);
// Hover text for the last item, also when it is disabled.
void tooltip_for_last_item(const char* text);
// The focus ring for keyboard navigation, drawn around the last item.
void focus_ring_for_last_item(float rounding_css);

// [SECTION] Text and decoration
void text_muted(const char* text);
// Wraps at `wrap_pos_x` (window-local x; 0: the window's right edge).
void text_wrapped_muted(const char* text, float wrap_pos_x = 0.0f);
// A note under what it explains: text_wrapped_muted() in the small font.
void small_note(const char* text, float wrap_pos_x = 0.0f);
void heading(const char* text, Font font);
void badge(const char* label, ImU32 color, const char* icon = nullptr);
void status_dot(const char* label, ImU32 color);
void page_header(const char* breadcrumb, const char* title, const char* description);
// A centred icon, one sentence, and an optional primary action (returns true when pressed).
bool empty_state(const char* icon, const char* sentence, const char* action_label = nullptr);

// [SECTION] Fields
struct TextFieldOptions {
    const char* placeholder = nullptr;
    const char* help = nullptr;
    const char* error = nullptr;  // shown in danger colour; the field keeps its value
    bool password = false;
    float width = 0;  // CSS px; 0 = available width
};
// A labelled text input (label above, help or error below). Returns true when edited.
bool text_field(const char* label, std::string& value, const TextFieldOptions& options = {});

struct CopyFieldState {
    double copied_at = -1e9;  // ImGui time of the last copy: the check mark shows for 2 s
    bool revealed = false;
};
// A read-only monospace value with a copy button; secrets are masked until revealed.
// Returns true when the value was copied (to ImGui's clipboard, i.e. the platform's).
bool copy_field(const char* label, const std::string& value, CopyFieldState& state,
                bool secret = false);
// Seconds until the copy field's check mark turns back into a copy icon (<0: none pending).
double copy_field_pending(const CopyFieldState& state);

}  // namespace ui
