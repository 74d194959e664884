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
void filter_menu(PageContext& ctx, const char* name, const std::vector<Choice>& choices) {
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
            users_show(ctx, c.query);
            ImGui::CloseCurrentPopup();
        }
    }
    end_menu_popup();
}

void status_menu(const UsersPageState& s, PageContext& ctx) {
    std::vector<Choice> list;
    UsersQuery q = s.query;
    q.status.reset();
    list.push_back({"Any status", !s.query.status, q});
    for (UserStatus st : {UserStatus::Active, UserStatus::Invited, UserStatus::PendingApproval,
                          UserStatus::Blocked}) {
        q.status = st;
        list.push_back({status_label(st), s.query.status == st, q});
    }
    filter_menu(ctx, "Status", list);
}

void role_menu(const UsersPageState& s, PageContext& ctx) {
    std::vector<Choice> list;
    UsersQuery q = s.query;
    q.role.clear();
    list.push_back({"Any role", s.query.role.empty(), q});
    q.role = "owner";
    list.push_back({"Owner", s.query.role == "owner", q});
    for (const char* role : kAssignableRoles) {
        q.role = role;
        list.push_back({role_label(role), s.query.role == role, q});
    }
    filter_menu(ctx, "Role", list);
}

void group_menu(const UsersPageState& s, PageContext& ctx) {
    std::vector<std::pair<std::string, std::string>> groups(s.index.group_names.begin(),
                                                            s.index.group_names.end());
    std::sort(groups.begin(), groups.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
    std::vector<Choice> list;
    UsersQuery q = s.query;
    q.group.clear();
    list.push_back({"Any group", s.query.group.empty(), q});
    for (const auto& [id, name] : groups) {
        q.group = id;
        list.push_back({name, s.query.group == id, q});
    }
    filter_menu(ctx, "Group", list);
}

void source_menu(const UsersPageState& s, PageContext& ctx) {
    std::vector<Choice> list;
    UsersQuery q = s.query;
    q.source.reset();
    list.push_back({"Any source", !s.query.source, q});
    q.source = UserSource::Okta;
    for (UserSource source : {UserSource::Okta, UserSource::Manual}) {
        q.source = source;
        list.push_back({source_label(source), s.query.source == source, q});
    }
    filter_menu(ctx, "Source", list);
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

void users_show(PageContext& ctx, const UsersQuery& q) {
    ctx.actions.navigate_hash = route_format(route_with_query(ctx.route, q));
}

void users_toolbar(UsersPageState& s, PageContext& ctx) {
    // Search, filters and actions share one line when the page is wide enough; narrower (an
    // embedded view beside the host's own sidebar), the filters and actions go under the search.
    const bool one_line = ImGui::GetContentRegionAvail().x >= px(960);
    if (text_field("Search users", s.search,
                   {"Search by name, email or role", nullptr, nullptr, false, 320})) {
        s.search_edited_at = ImGui::GetTime();
        s.query.search = s.search;
    }
    // The buttons sit on the input's line, centred on its 36 px, or on the next line.
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (one_line) {
        ImGui::SameLine(0, px(8));
        ImGui::SetCursorScreenPos(
            ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetItemRectMin().y + px(2)));
    }
    const float row_y = ImGui::GetCursorScreenPos().y;
    status_menu(s, ctx);
    ImGui::SameLine(0, px(8));
    role_menu(s, ctx);
    ImGui::SameLine(0, px(8));
    group_menu(s, ctx);
    ImGui::SameLine(0, px(8));
    source_menu(s, ctx);

    ImFont* f = font(Font::Medium);
    const float export_w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "Export CSV").x +
                           f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, OZ_ICON_DOWNLOAD).x + px(32);
    ImGui::SameLine(0, px(8));
    ImGui::SetCursorScreenPos(
        ImVec2(std::max(ImGui::GetCursorScreenPos().x, right - export_w - px(40)), row_y));
    if (icon_button("refresh", OZ_ICON_REFRESH, "Refresh users"))
        users_load(s, ctx.services, openzro::Api::Freshness::kNetwork);
    ImGui::SameLine(0, px(8));
    const char* nothing = s.index.view.empty() ? "Nothing to export: no user is shown" : nullptr;
    if (button("Export CSV", {ButtonKind::Secondary, OZ_ICON_DOWNLOAD, nothing}))
        ctx.actions.download = {"openzro-users.csv", "text/csv;charset=utf-8", users_csv(s.index)};
}

void users_filter_chips(UsersPageState& s, PageContext& ctx) {
    const UsersQuery& q = s.query;
    bool any = false;
    auto chip_for = [&](const std::string& label, auto clear) {
        if (any) ImGui::SameLine(0, px(8));
        any = true;
        if (!chip(label.c_str())) return;
        UsersQuery next = q;
        clear(next);
        users_show(ctx, next);
    };
    if (q.status)
        chip_for(std::string("Status: ") + status_label(*q.status),
                 [](UsersQuery& n) { n.status.reset(); });
    if (!q.role.empty())
        chip_for("Role: " + role_label(q.role), [](UsersQuery& n) { n.role.clear(); });
    if (!q.group.empty())
        chip_for("Group: " + index_group_name(s.index, q.group),
                 [](UsersQuery& n) { n.group.clear(); });
    if (q.source)
        chip_for(std::string("Source: ") + source_label(*q.source),
                 [](UsersQuery& n) { n.source.reset(); });
    if (has_filters(q)) {
        if (any) ImGui::SameLine(0, px(8));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - px(4));
        if (button("Reset filters", {ButtonKind::Ghost, OZ_ICON_CLOSE})) {
            UsersQuery cleared;
            cleared.sort = q.sort;
            cleared.descending = q.descending;
            s.search.clear();
            users_show(ctx, cleared);
        }
        any = true;
    }
    // The count, at the right of the chips' line.
    const std::string total =
        with_thousands(s.index.live) + (s.index.live == 1 ? " user" : " users");
    const std::string count =
        has_filters(q) ? with_thousands(s.index.view.size()) + " of " + total : total;
    const float w = ImGui::CalcTextSize(count.c_str()).x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (any) ImGui::SameLine(0, px(8));
    ImGui::SetCursorScreenPos(
        ImVec2(std::max(ImGui::GetCursorScreenPos().x, right - w), ImGui::GetCursorScreenPos().y));
    text_muted(count.c_str());
}

}  // namespace ui
