#include "ui/pages/users/users_toolbar.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "ui/icons.h"
#include "ui/item_registry.h"
#include "ui/pages/users/users_csv.h"
#include "ui/pages/users/users_load.h"
#include "ui/pages/users/users_rules.h"
#include "ui/widgets.h"
#include "ui/widgets/chip.h"
#include "ui/widgets/menu_item.h"

namespace ui {

namespace {

// One choice of a filter menu: its text, whether it is the current one, and the query it shows.
struct Choice {
    std::string label;
    bool checked;
    UsersQuery query;
};

// A secondary button that opens a menu of choices; picking one navigates.
void filter_menu(PageContext& context, const char* name, const std::vector<Choice>& choices) {
    const std::string id = std::string(name) + "##filter";
    const std::string popup = std::string("##filter-menu-") + name;
    const std::string accessible = std::string("Filter by ") + name;
    if (button(id.c_str(), {ButtonKind::Secondary, OZ_ICON_FILTER}))
        ImGui::OpenPopup(popup.c_str());
    registry_annotate_last(Role::Button, accessible.c_str());
    if (!begin_menu_popup(popup.c_str(), 220)) return;
    for (const Choice& c : choices) {
        const std::string item_accessible = std::string(name) + " " + c.label;
        if (menu_item(c.label.c_str(), {item_accessible.c_str(), nullptr, c.checked})) {
            users_show(context, c.query);
            ImGui::CloseCurrentPopup();
        }
    }
    end_menu_popup();
}

void status_menu(const UsersPageState& state, PageContext& context) {
    std::vector<Choice> list;
    UsersQuery q = state.query;
    q.status.reset();
    list.push_back({"Any status", !state.query.status, q});
    for (UserStatus st : {UserStatus::Active, UserStatus::Invited, UserStatus::PendingApproval,
                          UserStatus::Blocked}) {
        q.status = st;
        list.push_back({name_of(st).label, state.query.status == st, q});
    }
    filter_menu(context, "Status", list);
}

void role_menu(const UsersPageState& state, PageContext& context) {
    std::vector<Choice> list;
    UsersQuery q = state.query;
    q.role.clear();
    list.push_back({"Any role", state.query.role.empty(), q});
    q.role = "owner";
    list.push_back({"Owner", state.query.role == "owner", q});
    for (const char* role : kAssignableRoles) {
        q.role = role;
        list.push_back({role_label(role), state.query.role == role, q});
    }
    filter_menu(context, "Role", list);
}

void group_menu(const UsersPageState& state, PageContext& context) {
    std::vector<std::pair<std::string, std::string>> groups(state.index.group_names.begin(),
                                                            state.index.group_names.end());
    std::sort(groups.begin(), groups.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
    std::vector<Choice> list;
    UsersQuery q = state.query;
    q.group.clear();
    list.push_back({"Any group", state.query.group.empty(), q});
    for (const auto& [id, name] : groups) {
        q.group = id;
        list.push_back({name, state.query.group == id, q});
    }
    filter_menu(context, "Group", list);
}

void source_menu(const UsersPageState& state, PageContext& context) {
    std::vector<Choice> list;
    UsersQuery q = state.query;
    q.source.reset();
    list.push_back({"Any source", !state.query.source, q});
    q.source = UserSource::Okta;
    for (UserSource source : {UserSource::Okta, UserSource::Manual}) {
        q.source = source;
        list.push_back({name_of(source).label, state.query.source == source, q});
    }
    filter_menu(context, "Source", list);
}

}  // namespace

std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

void users_show(PageContext& context, const UsersQuery& q) {
    context.actions.navigate_hash = route_format(route_with_query(context.route, q));
}

void users_toolbar(UsersPageState& state, PageContext& context) {
    // Search, filters and actions share one line when the page is wide enough; narrower (an
    // embedded view beside the host's own sidebar), the filters and actions go under the
    // search.
    const bool one_line = ImGui::GetContentRegionAvail().x >= px(960);
    if (text_field("Search users", state.search,
                   {"Search by name, email or role", nullptr, nullptr, false, 320})) {
        state.search_edited_at = ImGui::GetTime();
        state.query.search = state.search;
    }
    // The buttons sit on the input's line, centred on its 36 px, or on the next line.
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (one_line) {
        ImGui::SameLine(0, px(8));
        ImGui::SetCursorScreenPos(
            ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetItemRectMin().y + px(2)));
    }
    const float row_y = ImGui::GetCursorScreenPos().y;
    status_menu(state, context);
    ImGui::SameLine(0, px(8));
    role_menu(state, context);
    ImGui::SameLine(0, px(8));
    group_menu(state, context);
    ImGui::SameLine(0, px(8));
    source_menu(state, context);

    ImFont* f = font(Font::Medium);
    const float export_w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "Export CSV").x +
                           f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, OZ_ICON_DOWNLOAD).x + px(32);
    ImGui::SameLine(0, px(8));
    ImGui::SetCursorScreenPos(
        ImVec2(std::max(ImGui::GetCursorScreenPos().x, right - export_w - px(40)), row_y));
    if (icon_button("refresh", OZ_ICON_REFRESH, "Refresh users"))
        users_load(state, context.services, openzro::Api::Freshness::kNetwork);
    ImGui::SameLine(0, px(8));
    const char* nothing =
        state.index.view.empty() ? "Nothing to export: no user is shown" : nullptr;
    if (button("Export CSV", {ButtonKind::Secondary, OZ_ICON_DOWNLOAD, nothing}))
        context.actions.download = {"openzro-users.csv", "text/csv;charset=utf-8",
                                    users_csv(state.index)};
}

void users_filter_chips(UsersPageState& state, PageContext& context) {
    const UsersQuery& q = state.query;
    bool any = false;
    auto chip_for = [&](const std::string& label, auto clear) {
        if (any) ImGui::SameLine(0, px(8));
        any = true;
        if (!chip(label.c_str())) return;
        UsersQuery next = q;
        clear(next);
        users_show(context, next);
    };
    if (q.status)
        chip_for(std::string("Status: ") + name_of(*q.status).label,
                 [](UsersQuery& n) { n.status.reset(); });
    if (!q.role.empty())
        chip_for("Role: " + role_label(q.role), [](UsersQuery& n) { n.role.clear(); });
    if (!q.group.empty())
        chip_for("Group: " + index_group_name(state.index, q.group),
                 [](UsersQuery& n) { n.group.clear(); });
    if (q.source)
        chip_for(std::string("Source: ") + name_of(*q.source).label,
                 [](UsersQuery& n) { n.source.reset(); });
    if (has_filters(q)) {
        if (any) ImGui::SameLine(0, px(8));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - px(4));
        if (button("Reset filters", {ButtonKind::Ghost, OZ_ICON_CLOSE})) {
            UsersQuery cleared;
            cleared.sort = q.sort;
            cleared.descending = q.descending;
            state.search.clear();
            users_show(context, cleared);
        }
        any = true;
    }
    // The count, at the right of the chips' line.
    const std::string total =
        with_thousands(state.index.live) + (state.index.live == 1 ? " user" : " users");
    const std::string count =
        has_filters(q) ? with_thousands(state.index.view.size()) + " of " + total : total;
    const float w = ImGui::CalcTextSize(count.c_str()).x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (any) ImGui::SameLine(0, px(8));
    ImGui::SetCursorScreenPos(
        ImVec2(std::max(ImGui::GetCursorScreenPos().x, right - w), ImGui::GetCursorScreenPos().y));
    text_muted(count.c_str());
}

}  // namespace ui
