// ui/item_registry.h: every interactive item of the last frame, with its label, role, state and
// rectangle. Fed by Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE), read by the
// headless test harness and, in the browser, by window.openzroItems().
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
    Other
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
    std::string id;     // the part after "##" in the ImGui label, else the label itself
    std::string label;  // what the user reads (the ImGui label before "##")
    Role role = Role::Other;
    std::uint32_t state = ItemState_None;
    ImVec2 min, max;    // framebuffer pixels
    std::string value;  // text inputs: the current text (empty for secrets)
};

struct ItemRegistry {
    std::vector<Item> items;     // the last completed frame
    std::vector<Item> building;  // the frame being built
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

// Lookups for tests and tools: by visible label first, then by id.
const Item* registry_find(const ItemRegistry& registry, const std::string& label_or_id);

// The items as a JSON array of {id, role, label, x, y, w, h, state}, in CSS pixels.
std::string registry_to_json(const ItemRegistry& registry, float pixel_ratio);

}  // namespace ui
