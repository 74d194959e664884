// ui/item_registry.h: every interactive item of the last frame, with its label, role, state and
// rectangle, plus the headings, text and status messages around them. Fed by Dear ImGui's
// test-engine hooks (IMGUI_ENABLE_TEST_ENGINE) and by our widgets; read by the headless test
// harness and, in the browser, by window.openzroItems() and the accessibility mirror.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ui {

enum class Role : std::uint8_t {
    Button,
    Link,
    Checkbox,
    Switch,
    TextBox,
    Tab,
    MenuItem,
    TreeItem,
    Other,
    // Not interactive: what a screen reader reads between the items.
    Heading,
    Text,
    Status,
    Dialog,  // a modal window: the items inside it belong to it
};
const char* role_name(Role role);

enum ItemState : std::uint32_t {
    ItemState_None = 0,
    ItemState_Disabled = 1u << 0,
    ItemState_Checked = 1u << 1,
    ItemState_Expanded = 1u << 2,
    ItemState_Selected = 1u << 3,
    ItemState_Focused = 1u << 4,
    ItemState_Hovered = 1u << 5,
};

struct Item {
    ImGuiID imgui_id = 0;
    ImGuiID window_id = 0;  // the ImGui window that submitted it
    std::string id;         // the part after "##" in the ImGui label, else the label itself
    std::string label;      // what the user reads (the ImGui label before "##")
    Role role = Role::Other;
    std::uint32_t state = ItemState_None;
    ImVec2 min, max;    // framebuffer pixels
    std::string value;  // text inputs: the current text (empty for secrets)
    // Text inputs: where their text lives, so the accessibility mirror's <input> can write it.
    // Valid until the next frame (it points into a view's state).
    std::string* text_binding = nullptr;
};

struct ItemRegistry {
    std::vector<Item> items;     // the last completed frame
    std::vector<Item> building;  // the frame being built
    std::vector<Item> texts;     // headings, text and status messages of the last frame
    std::vector<Item> texts_building;
    std::uint32_t frame = 0;
};

// Attaches the registry to the current ImGui context (enables the hooks).
void registry_attach(ItemRegistry& registry);
// Call after ImGui::NewFrame() and after ImGui::Render() respectively.
void registry_begin_frame(ItemRegistry& registry);
void registry_end_frame(ItemRegistry& registry);

// Custom widgets describe themselves: overrides role, label, state or value of the last item.
void registry_annotate_last(Role role, const char* label = nullptr,
                            std::uint32_t extra_state = ItemState_None);
void registry_set_last_value(const char* value);
void registry_bind_last_text(std::string* text);
// Text widgets report what they showed (the last item's rectangle): role Heading, Text or Status.
void registry_add_text(Role role, const char* text, const char* text_end = nullptr);
// A window reports itself (role Dialog), with its whole rectangle.
void registry_add_window(Role role, const char* title);

// Lookups for tests and tools: by visible label first, then by id.
const Item* registry_find(const ItemRegistry& registry, const std::string& label_or_id);

// The items as a JSON array of {id, role, label, x, y, w, h, state}, in CSS pixels.
std::string registry_to_json(const ItemRegistry& registry, float pixel_ratio);
// Items and texts for the accessibility mirror: the same objects plus "key" (the ImGui id).
std::string registry_to_mirror_json(const ItemRegistry& registry, float pixel_ratio);

// [SECTION] The accessibility mirror acting on the app (between frames)
// Gives the item keyboard focus, as if the user had tabbed to it.
void registry_focus(const ItemRegistry& registry, ImGuiID key);
// Replaces a text input's text (the mirror's <input> was edited).
bool registry_set_text(const ItemRegistry& registry, ImGuiID key, const std::string& text);

}  // namespace ui
