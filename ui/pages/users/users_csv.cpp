#include "ui/pages/users/users_csv.h"

namespace ui {

void csv_append_cell(std::string& out, std::string_view cell) {
    // A spreadsheet runs "=cmd|..." and friends: make such cells plain text (OWASP CSV injection).
    const bool formula = !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' ||
                                           cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r');
    // ';' and tab separate cells in some spreadsheet locales and pastes: quote them as well.
    const bool quote = formula || cell.find_first_of(",;\t\"\r\n") != std::string_view::npos;
    if (quote) out += '"';
    if (formula) out += '\'';
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    if (quote) out += '"';
}

std::string users_csv(const UsersIndex& x) {
    std::string out =
        "\xEF\xBB\xBF"
        "Name,Email,Role,Status,Groups,Source,Last login,ID\r\n";
    std::string groups;
    for (std::uint32_t i : x.view) {
        const openzro::User& u = index_user(x, i);
        const UserRow& r = x.rows[i];
        groups.clear();
        for (const std::string& g : u.auto_groups) {
            if (!groups.empty()) groups += "; ";
            groups += index_group_name(x, g);
        }
        const std::string cells[] = {u.name,
                                     u.email,
                                     role_label(u.role),
                                     name_of(r.status).label,
                                     groups,
                                     name_of(r.source).label,
                                     r.last_login == kNeverLoggedIn ? "Never" : u.last_login,
                                     u.id};
        bool first = true;
        for (const std::string& c : cells) {
            if (!first) out += ',';
            first = false;
            csv_append_cell(out, c);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace ui
