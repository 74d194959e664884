#include "ui/pages/users/users_table.h"

#include <imgui_internal.h>

#include <string>

#include "ui/icons.h"
#include "ui/item_registry.h"
#include "ui/pages/users/users_actions.h"
#include "ui/pages/users/users_menu.h"
#include "ui/time.h"
#include "ui/widgets.h"
#include "ui/widgets/menu_item.h"

namespace ui {

namespace {

constexpr float kRowCss = 56;
constexpr float kHeaderCss = 40;
constexpr int kColumns = 7;  // six data columns and the kebab
constexpr const char* kRowMenu = "##user-row-menu";

// Text in one font, cut with an ellipsis at max_x.
void cell_text(Font f, ImVec2 pos, float max_x, ImU32 color, const std::string& text) {
    ImGui::PushFont(font(f));
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    const float h = ImGui::GetFontSize();
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), pos, ImVec2(max_x, pos.y + h), max_x,
                              max_x, text.c_str(), text.c_str() + text.size(), nullptr);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// Hover text over a rectangle of the current row (a dummy item carries the hover test).
void hover_text(ImVec2 min, ImVec2 max, const std::string& text) {
    ImGui::SetCursorScreenPos(min);
    ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
    tooltip_for_last_item(text.c_str());
}

void header_cell(UsersPageState& state, PageContext& context, SortColumn column) {
    static const char* const kUpper[] = {"NAME",   "ROLE",   "STATUS",
                                         "GROUPS", "SOURCE", "LAST LOGIN"};
    const bool sorted = state.query.sort == column;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::PushID(static_cast<int>(column));
    const bool pressed = ImGui::InvisibleButton("##sort", ImVec2(w, px(kHeaderCss)));
    ImGui::PopID();
    const std::string label = std::string("Sort by ") + name_of(column).label;
    registry_annotate_last(Role::Button, label.c_str(),
                           sorted ? ItemState_Selected : ItemState_None);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImFont* f = font(Font::Caption);
    const char* text = kUpper[static_cast<int>(column)];
    const float y = a.y + (px(kHeaderCss) - f->FontSize) * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(f, f->FontSize, ImVec2(a.x, y), sorted ? colors().text : colors().text_muted, text);
    if (sorted || hovered) {
        const float tw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text).x;
        const char* arrow = !sorted                  ? OZ_ICON_SORT
                            : state.query.descending ? OZ_ICON_SORT_DESC
                                                     : OZ_ICON_SORT_ASC;
        dl->AddText(f, f->FontSize, ImVec2(a.x + tw + px(6), y),
                    sorted ? colors().accent : colors().text_muted, arrow);
    }
    focus_ring_for_last_item(4);
    if (!pressed) return;
    UsersQuery q = state.query;
    q.descending = sorted ? !q.descending : false;
    q.sort = column;
    context.actions.navigate_hash = route_format(route_with_query(context.route, q));
}

void name_cell(const openzro::User& u, ImVec2 a, float max_x) {
    ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + px(12)));
    user_avatar(u);
    const float tx = a.x + px(44);
    float name_end = max_x;
    if (u.is_current) {
        ImFont* f = font(Font::Body);
        const std::string& name = display_name(u);
        const float w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, name.c_str()).x;
        const float you_x = ImMin(tx + w + px(8), max_x - px(40));
        name_end = you_x - px(4);
        ImGui::SetCursorScreenPos(ImVec2(you_x, a.y + px(8)));
        badge("You", colors().accent);
    }
    cell_text(Font::Body, ImVec2(tx, a.y + px(9)), name_end, colors().text, display_name(u));
    cell_text(Font::Small, ImVec2(tx, a.y + px(30)), max_x, colors().text_muted, u.email);
}

void groups_cell(const UsersIndex& x, const openzro::User& u, ImVec2 a, float max_x) {
    if (u.auto_groups.empty()) {
        cell_text(Font::Small, ImVec2(a.x, a.y + px(20)), max_x, colors().text_muted, "No groups");
        return;
    }
    // Two names, then a count; the whole list on hover.
    std::string shown, all;
    for (std::size_t i = 0; i < u.auto_groups.size(); ++i) {
        const std::string& name = index_group_name(x, u.auto_groups[i]);
        if (i < 2) shown += (i ? ", " : "") + name;
        all += (i ? "\n" : "") + name;
    }
    if (u.auto_groups.size() > 2) shown += "  +" + std::to_string(u.auto_groups.size() - 2);
    cell_text(Font::Body, ImVec2(a.x, a.y + px(19)), max_x, colors().text, shown);
    hover_text(ImVec2(a.x, a.y + px(12)), ImVec2(max_x, a.y + px(44)), all);
}

// Returns true when the row's menu was asked for (state.menu_user names the user).
bool row(UsersPageState& state, std::uint32_t i, std::int64_t now) {
    const openzro::User& u = index_user(state.index, i);
    const UserRow& r = state.index.rows[i];
    ImGui::TableNextRow(ImGuiTableRowFlags_None, px(kRowCss));
    ImGui::PushID(static_cast<int>(i));
    auto cell_max = [] { return ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x; };

    // The kebab first: the row button below overlaps it, and the first item submitted keeps
    // the pointer, even when a press arrives in the same frame as the move.
    ImGui::TableSetColumnIndex(kColumns - 1);
    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, top + px(12)));
    const std::string actions = "Actions for " + u.email;
    const bool menu = icon_button("menu", OZ_ICON_ELLIPSIS_V, actions.c_str());
    if (menu) state.menu_user = u.id;

    // The whole row is one button that opens the details; cells draw over it.
    ImGui::TableSetColumnIndex(0);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const bool selected = state.selected == u.id;
    const std::string open = "Open " + u.email;
    if (ImGui::Selectable("##open", selected,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap,
                          ImVec2(0, px(kRowCss))))
        state.selected = u.id;
    registry_annotate_last(Role::Button, open.c_str(),
                           selected ? ItemState_Selected : ItemState_None);
    ImGui::SetCursorScreenPos(a);
    name_cell(u, a, cell_max());

    // Narrow tables hide columns: a cell is drawn only when its column shows.
    if (ImGui::TableSetColumnIndex(1)) {
        const float x = ImGui::GetCursorScreenPos().x;
        cell_text(Font::Body, ImVec2(x, top + px(19)), cell_max(), colors().text,
                  role_label(u.role));
    }
    if (ImGui::TableSetColumnIndex(2)) {
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, top + px(19)));
        status_dot(name_of(r.status).label, status_color(r.status));
    }
    if (ImGui::TableSetColumnIndex(3))
        groups_cell(state.index, u, ImVec2(ImGui::GetCursorScreenPos().x, top), cell_max());
    if (ImGui::TableSetColumnIndex(4)) {
        const float x = ImGui::GetCursorScreenPos().x;
        ImGui::SetCursorScreenPos(ImVec2(x, top + px(18)));
        if (r.source == UserSource::Okta)
            badge("Okta", colors().okta);
        else
            cell_text(Font::Body, ImVec2(x, top + px(19)), cell_max(), colors().text_muted,
                      "openZro");
    }
    if (ImGui::TableSetColumnIndex(5)) {
        const float x = ImGui::GetCursorScreenPos().x, max_x = cell_max();
        cell_text(Font::Body, ImVec2(x, top + px(19)), max_x, colors().text,
                  last_login_ago(r.last_login, now));
        hover_text(ImVec2(x, top + px(12)), ImVec2(max_x, top + px(44)),
                   last_login_exact(r.last_login));
    }
    ImGui::PopID();
    return menu;
}

void row_menu(UsersPageState& state, PageContext& context) {
    if (!begin_menu_popup(kRowMenu, 220)) return;
    const std::int64_t at = index_find(state.index, state.menu_user);
    if (at < 0 || state.index.rows[static_cast<std::size_t>(at)].deleted) {
        ImGui::CloseCurrentPopup();
    } else {
        const openzro::User user = index_user(state.index, static_cast<std::uint32_t>(at));
        if (user_menu_items(state, context.services, user)) ImGui::CloseCurrentPopup();
    }
    end_menu_popup();
}

}  // namespace

std::string last_login_ago(std::int64_t when, std::int64_t now) {
    return when == kNeverLoggedIn ? "Never" : time_ago(when, now);
}

std::string last_login_exact(std::int64_t when) {
    return when == kNeverLoggedIn ? "Never logged in" : clock_time(when);
}

ImU32 status_color(UserStatus s) {
    switch (s) {
        case UserStatus::Active:
            return colors().success;
        case UserStatus::Blocked:
            return colors().danger;
        case UserStatus::Invited:
        case UserStatus::PendingApproval:
            break;
    }
    return colors().warning;
}

void user_avatar(const openzro::User& u, float size_css) {
    const std::string& name = display_name(u);
    // One hue per person, picked from the name: the same user keeps the same colour.
    static constexpr ImU32 kHues[] = {IM_COL32(61, 139, 253, 255), IM_COL32(63, 185, 80, 255),
                                      IM_COL32(210, 153, 34, 255), IM_COL32(163, 113, 247, 255),
                                      IM_COL32(219, 97, 162, 255), IM_COL32(0, 125, 193, 255)};
    unsigned h = 0;
    for (char ch : name) h = h * 31u + static_cast<unsigned char>(ch);
    const ImU32 hue = kHues[h % (sizeof kHues / sizeof kHues[0])];
    const float d = px(size_css);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(d, d));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 centre(a.x + d * 0.5f, a.y + d * 0.5f);
    add_disc(dl, centre, size_css * 0.5f, with_alpha(hue, 0.22f));
    char initial[2] = {name.empty() ? '?' : name[0], 0};
    if (initial[0] >= 'a' && initial[0] <= 'z') initial[0] = static_cast<char>(initial[0] - 32);
    ImFont* f = font(size_css > 40 ? Font::Section : Font::Medium);
    const ImVec2 t = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, initial);
    dl->AddText(f, f->FontSize, ImVec2(centre.x - t.x * 0.5f, centre.y - t.y * 0.5f), hue, initial);
}

void users_table_skeleton(int rows) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = ImGui::GetContentRegionAvail().x;
    const ImU32 bar = colors().surface_raised;
    for (int i = 0; i < rows; ++i) {
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float k = 1.0f - 0.07f * static_cast<float>(i % 4);
        add_disc(dl, ImVec2(a.x + px(16), a.y + px(28)), 16, bar);
        dl->AddRectFilled(ImVec2(a.x + px(44), a.y + px(14)),
                          ImVec2(a.x + px(44) + w * 0.22f * k, a.y + px(26)), bar, px(6));
        dl->AddRectFilled(ImVec2(a.x + px(44), a.y + px(32)),
                          ImVec2(a.x + px(44) + w * 0.3f * k, a.y + px(42)), bar, px(5));
        dl->AddRectFilled(ImVec2(a.x + w * 0.45f, a.y + px(22)),
                          ImVec2(a.x + w * (0.55f + 0.05f * k), a.y + px(34)), bar, px(6));
        dl->AddRectFilled(ImVec2(a.x + w * 0.7f, a.y + px(22)),
                          ImVec2(a.x + w * 0.9f * k + w * 0.05f, a.y + px(34)), bar, px(6));
        ImGui::Dummy(ImVec2(w, px(kRowCss)));
        dl->AddLine(ImVec2(a.x, a.y + px(kRowCss)), ImVec2(a.x + w, a.y + px(kRowCss)),
                    colors().border);
    }
}

void users_table(UsersPageState& state, PageContext& context, ImVec2 size) {
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_NoSavedSettings | ImGuiTableFlags_PadOuterX;
    bool open_menu = false;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(px(12), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(px(8), 0));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, 0);  // the card's surface is behind it
    ImGui::PushStyleColor(ImGuiCol_TableBorderLight, colors().border);
    ImGui::PushStyleColor(ImGuiCol_Header, with_alpha(colors().accent, 0.12f));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, colors().surface_raised);
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, colors().surface_raised);
    if (ImGui::BeginTable("##users", kColumns, flags, size)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        // Beside the detail panel the table is narrow: the least needed columns go first.
        const float w = ImGui::GetContentRegionAvail().x;
        const ImGuiTableColumnFlags wide = w < px(960) ? ImGuiTableColumnFlags_Disabled : 0;
        const ImGuiTableColumnFlags wider = w < px(760) ? ImGuiTableColumnFlags_Disabled : 0;
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 4.0f);
        ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthFixed | wider, px(110));
        ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, px(140));
        ImGui::TableSetupColumn("Groups", ImGuiTableColumnFlags_WidthStretch | wider, 2.2f);
        ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthFixed | wide, px(84));
        ImGui::TableSetupColumn("Last login", ImGuiTableColumnFlags_WidthFixed | wide, px(124));
        ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, px(32));

        ImGui::TableNextRow(ImGuiTableRowFlags_Headers, px(kHeaderCss));
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, colors().surface);
        for (int c = 0; c < kColumns - 1; ++c)
            if (ImGui::TableSetColumnIndex(c))
                header_cell(state, context, static_cast<SortColumn>(c));

        const std::int64_t now = wall_now(context.services);
        const std::vector<std::uint32_t>& view = state.index.view;
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(view.size()), px(kRowCss));
        while (clipper.Step())
            for (int n = clipper.DisplayStart; n < clipper.DisplayEnd; ++n)
                open_menu |= row(state, view[static_cast<std::size_t>(n)], now);
        ImGui::EndTable();
    }
    ImGui::PopStyleColor(5);
    ImGui::PopStyleVar(2);
    // Opened and drawn outside the table, so it stays open while its row scrolls away.
    if (open_menu) ImGui::OpenPopup(kRowMenu);
    row_menu(state, context);
}

}  // namespace ui
