#include "ui/sidebar.h"

#include <imgui_internal.h>

#include "ui/icons.h"
#include "ui/item_registry.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// One navigation row. `indent` is for sub-rows; `expandable` shows a chevron and reports the
// row as a tree item with its expanded state.
bool nav_row(const char* label, const char* icon, bool active, float indent, int expandable) {
    const float width = ImGui::GetContentRegionAvail().x;
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(width, px(36)));
    const bool hovered = ImGui::IsItemHovered();
    if (expandable >= 0)
        registry_annotate_last(Role::TreeItem, nullptr,
                               expandable ? ItemState_Expanded : ItemState_None);
    else
        registry_annotate_last(Role::Link, nullptr, active ? ItemState_Selected : ItemState_None);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    if (active || hovered) dl->AddRectFilled(a, b, colors().surface_raised, px(6));
    if (active)
        dl->AddRectFilled(ImVec2(a.x, a.y + px(8)), ImVec2(a.x + px(3), b.y - px(8)),
                          colors().accent, px(2));
    ImFont* f = font(active ? Font::Medium : Font::Body);
    const float y = a.y + (px(36) - f->FontSize) * 0.5f;
    const ImU32 text = active ? colors().text : colors().text_muted;
    float x = a.x + px(12) + px(indent);
    if (icon) {
        dl->AddText(f, f->FontSize, ImVec2(x, y), text, icon);
        x += px(26);
    }
    dl->AddText(f, f->FontSize, ImVec2(x, y), text, label, ImGui::FindRenderedTextEnd(label));
    if (expandable >= 0)
        dl->AddText(font(Font::Caption), font(Font::Caption)->FontSize,
                    ImVec2(b.x - px(24), a.y + (px(36) - font(Font::Caption)->FontSize) * 0.5f),
                    colors().text_muted, expandable ? OZ_ICON_CHEVRON_DOWN : OZ_ICON_CHEVRON_RIGHT);
    focus_ring_for_last_item(6);
    return pressed;
}

void product_name() {
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The openZro mark: a ring with a dot, in the accent colour.
    const ImVec2 c(a.x + px(14), a.y + px(14));
    dl->AddCircle(c, px(10), colors().accent, 0, px(3));
    dl->AddCircleFilled(c, px(3.5f), colors().accent);
    ImGui::Dummy(ImVec2(px(28), px(28)));
    ImGui::SameLine(0, px(10));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (px(28) - font(Font::Section)->FontSize) * 0.5f);
    heading("openZro", Font::Section);
}

}  // namespace

void sidebar(const Route& route, bool& team_expanded, ThemeMode mode, SidebarActions& actions,
             const SidebarFooter& footer) {
    product_name();
    ImGui::Dummy(ImVec2(0, px(16)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, px(2)));
    if (nav_row("Integrations##nav-integrations", OZ_ICON_PLUG, route.page == Page::Integrations, 0,
                -1))
        actions.navigate_hash = route_hash(Page::Integrations);
    if (nav_row("Team##nav-team", OZ_ICON_USERS, false, 0, team_expanded ? 1 : 0))
        team_expanded = !team_expanded;
    if (team_expanded &&
        nav_row("Users##nav-team-users", nullptr, route.page == Page::TeamUsers, 26, -1))
        actions.navigate_hash = route_hash(Page::TeamUsers);
    ImGui::PopStyleVar();

    // The footer and the theme switch sit at the bottom of the sidebar.
    const float footer_h = footer.draw ? px(footer.height) + px(8) : 0;
    const float bottom =
        ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y - px(32) - footer_h;
    if (ImGui::GetCursorPosY() < bottom) ImGui::SetCursorPosY(bottom);
    if (footer.draw) {
        footer.draw();
        ImGui::Dummy(ImVec2(0, px(8) - ImGui::GetStyle().ItemSpacing.y));
    }
    const bool dark = mode == ThemeMode::Dark;
    if (button(dark ? "Light theme##theme" : "Dark theme##theme",
               {ButtonKind::Ghost, dark ? OZ_ICON_SUN : OZ_ICON_MOON}))
        actions.toggle_theme = true;
}

}  // namespace ui
