#include "ui/item_registry.h"

#include <imgui_internal.h>

#include <cstdio>
#include <cstring>

#include "client/text.h"

namespace ui {

namespace {

ItemRegistry* registry_of(ImGuiContext* ctx) {
    return ctx ? static_cast<ItemRegistry*>(ctx->TestEngine) : nullptr;
}

Item* find_building(ItemRegistry& r, ImGuiID id) {
    // Hooks for one item arrive back to back: the match is almost always the last entry.
    for (auto it = r.building.rbegin(); it != r.building.rend(); ++it)
        if (it->imgui_id == id) return &*it;
    return nullptr;
}

void split_label(const char* raw, std::string& label, std::string& id) {
    const char* hashes = std::strstr(raw, "##");
    label.assign(raw, hashes ? static_cast<size_t>(hashes - raw) : std::strlen(raw));
    if (hashes) {
        const char* rest = hashes + 2;
        if (*rest == '#') ++rest;  // "###id"
        id = rest;
    } else {
        id = label;
    }
}

Role role_from_flags(ImGuiItemStatusFlags flags) {
    if (flags & ImGuiItemStatusFlags_Inputable) return Role::TextBox;
    if (flags & ImGuiItemStatusFlags_Checkable) return Role::Checkbox;
    if (flags & ImGuiItemStatusFlags_Openable) return Role::TreeItem;
    return Role::Button;
}

}  // namespace

const char* role_name(Role role) {
    switch (role) {
        case Role::Button:
            return "button";
        case Role::Link:
            return "link";
        case Role::Checkbox:
            return "checkbox";
        case Role::Switch:
            return "switch";
        case Role::TextBox:
            return "textbox";
        case Role::Tab:
            return "tab";
        case Role::MenuItem:
            return "menuitem";
        case Role::TreeItem:
            return "treeitem";
        case Role::Heading:
            return "heading";
        case Role::Text:
            return "text";
        case Role::Status:
            return "status";
        case Role::Dialog:
            return "dialog";
        case Role::Other:
            break;
    }
    return "generic";
}

void registry_attach(ItemRegistry& registry) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.TestEngine = &registry;
    g.TestEngineHookItems = true;
}

void registry_begin_frame(ItemRegistry& registry) {
    registry.building.clear();
    registry.texts_building.clear();
}

void registry_end_frame(ItemRegistry& registry) {
    // Keep only items that reported a label: ImGui reports those only when they are visible.
    registry.items.clear();
    for (Item& item : registry.building)
        if (!item.label.empty() || !item.id.empty()) registry.items.push_back(std::move(item));
    registry.building.clear();
    registry.texts.swap(registry.texts_building);
    registry.texts_building.clear();
    ++registry.frame;
}

namespace {
void add_text(ItemRegistry& r, Role role, std::string text, const ImRect& rect) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    Item item;
    item.label = std::move(text);
    item.imgui_id =
        g.CurrentWindow->GetID(item.label.c_str()) ^ static_cast<ImGuiID>(r.texts_building.size());
    item.role = role;
    item.min = rect.Min;
    item.max = rect.Max;
    r.texts_building.push_back(std::move(item));
}
}  // namespace

void registry_add_window(Role role, const char* title) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ItemRegistry* r = registry_of(&g);
    if (!r || !title || !g.CurrentWindow) return;
    add_text(*r, role, title, g.CurrentWindow->Rect());
}

void registry_add_text(Role role, const char* text, const char* text_end) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ItemRegistry* r = registry_of(&g);
    if (!r || !text || !g.CurrentWindow) return;
    // Only what is on screen: a screen reader reads the view, not clipped content.
    const ImRect rect = g.LastItemData.Rect;
    if (!g.CurrentWindow->ClipRect.Overlaps(rect)) return;
    add_text(*r, role, std::string(text, text_end ? text_end : text + std::strlen(text)), rect);
}

void registry_bind_last_text(std::string* text) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ItemRegistry* r = registry_of(&g);
    if (!r) return;
    if (Item* item = find_building(*r, g.LastItemData.ID)) item->text_binding = text;
}

void registry_annotate_last(Role role, const char* label, std::uint32_t extra_state) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ItemRegistry* r = registry_of(&g);
    if (!r) return;
    Item* item = find_building(*r, g.LastItemData.ID);
    if (!item) return;
    item->role = role;
    if (label) item->label = label;
    item->state |= extra_state;
}

void registry_set_last_value(const char* value) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ItemRegistry* r = registry_of(&g);
    if (!r) return;
    if (Item* item = find_building(*r, g.LastItemData.ID)) item->value = value ? value : "";
}

const Item* registry_find(const ItemRegistry& registry, const std::string& label_or_id) {
    for (const Item& item : registry.items)
        if (item.label == label_or_id) return &item;
    for (const Item& item : registry.items)
        if (item.id == label_or_id) return &item;
    return nullptr;
}

namespace {

void append_item_json(std::string& out, const Item& item, float k, bool with_key) {
    char num[160];
    out += "{\"id\":";
    openzro::append_json_string(out, item.id);
    out += ",\"role\":\"";
    out += role_name(item.role);
    out += "\",\"label\":";
    openzro::append_json_string(out, item.label);
    std::snprintf(num, sizeof num, ",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f",
                  static_cast<double>(item.min.x * k), static_cast<double>(item.min.y * k),
                  static_cast<double>((item.max.x - item.min.x) * k),
                  static_cast<double>((item.max.y - item.min.y) * k));
    out += num;
    if (with_key) {
        std::snprintf(num, sizeof num, ",\"key\":%u", item.imgui_id);
        out += num;
    }
    out += ",\"state\":{";
    const std::pair<ItemState, const char*> names[] = {
        {ItemState_Disabled, "disabled"}, {ItemState_Checked, "checked"},
        {ItemState_Expanded, "expanded"}, {ItemState_Selected, "selected"},
        {ItemState_Focused, "focused"},   {ItemState_Hovered, "hovered"}};
    bool first = true;
    for (const auto& [bit, name] : names) {
        if (!(item.state & bit)) continue;
        out += first ? "\"" : ",\"";
        out += name;
        out += "\":true";
        first = false;
    }
    out += "}";
    if (item.role == Role::TextBox) {
        out += ",\"value\":";
        openzro::append_json_string(out, item.value);
    }
    out += "}";
}

const Item* find_item(const ItemRegistry& registry, ImGuiID key) {
    for (const Item& item : registry.items)
        if (item.imgui_id == key) return &item;
    return nullptr;
}

}  // namespace

std::string registry_to_json(const ItemRegistry& registry, float pixel_ratio) {
    const float k = pixel_ratio > 0 ? 1.0f / pixel_ratio : 1.0f;
    std::string out = "[";
    for (const Item& item : registry.items) {
        if (out.size() > 1) out += ',';
        append_item_json(out, item, k, false);
    }
    out += "]";
    return out;
}

std::string registry_to_mirror_json(const ItemRegistry& registry, float pixel_ratio) {
    const float k = pixel_ratio > 0 ? 1.0f / pixel_ratio : 1.0f;
    std::string out = "[";
    for (const std::vector<Item>* list : {&registry.texts, &registry.items}) {
        for (const Item& item : *list) {
            if (out.size() > 1) out += ',';
            append_item_json(out, item, k, true);
        }
    }
    out += "]";
    return out;
}

void registry_focus(const ItemRegistry& registry, ImGuiID key) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const Item* item = find_item(registry, key);
    ImGuiWindow* window = item ? ImGui::FindWindowByID(item->window_id) : nullptr;
    if (!window) return;
    ImGui::FocusWindow(window);
    ImGui::SetFocusID(key, window);
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
}

bool registry_set_text(const ItemRegistry& registry, ImGuiID key, const std::string& text) {
    const Item* item = find_item(registry, key);
    if (!item || !item->text_binding) return false;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    // An active ImGui input keeps its own buffer and would overwrite the new text.
    if (g.ActiveId == key) ImGui::ClearActiveID();
    *item->text_binding = text;
    return true;
}

}  // namespace ui

// [SECTION] Dear ImGui test-engine hooks (called by ImGui when IMGUI_ENABLE_TEST_ENGINE is set)
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData* item_data) {
    ui::ItemRegistry* r = ui::registry_of(ctx);
    if (!r || id == 0) return;
    ui::Item* item = ui::find_building(*r, id);
    if (!item) {
        r->building.emplace_back();
        item = &r->building.back();
        item->imgui_id = id;
    }
    if (ctx->CurrentWindow) item->window_id = ctx->CurrentWindow->ID;
    item->min = bb.Min;
    item->max = bb.Max;
    if (item_data && (item_data->InFlags & ImGuiItemFlags_Disabled))
        item->state |= ui::ItemState_Disabled;
    if (ctx->NavId == id && ctx->NavWindow) item->state |= ui::ItemState_Focused;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags flags) {
    ui::ItemRegistry* r = ui::registry_of(ctx);
    if (!r || id == 0 || !label) return;
    ui::Item* item = ui::find_building(*r, id);
    if (!item) return;
    if (ImGui::FindWindowByID(id)) {  // windows report themselves too; they are not items
        item->label.clear();
        item->id.clear();
        return;
    }
    ui::split_label(label, item->label, item->id);
    item->role = ui::role_from_flags(flags);
    if (flags & ImGuiItemStatusFlags_Checked) item->state |= ui::ItemState_Checked;
    if (flags & ImGuiItemStatusFlags_Opened) item->state |= ui::ItemState_Expanded;
    if (flags & ImGuiItemStatusFlags_HoveredRect) item->state |= ui::ItemState_Hovered;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext* ctx, ImGuiID id) {
    ui::ItemRegistry* r = ui::registry_of(ctx);
    if (!r) return nullptr;
    for (const ui::Item& item : r->items)
        if (item.imgui_id == id) return item.label.c_str();
    return nullptr;
}
