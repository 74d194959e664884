// ui/pages/users/users_csv.h: the table's current view (filtered and sorted) as CSV (RFC 4180),
// safe to open in a spreadsheet: cells that start like a formula are prefixed with a quote.
#pragma once
#include <string>
#include <string_view>

#include "ui/pages/users/users_index.h"

namespace ui {

// One CSV cell: formula-safe, quoted when it holds a comma, semicolon, tab, quote or line break.
void csv_append_cell(std::string& out, std::string_view cell);
// Header plus one line per row of index.view, CRLF line ends, UTF-8 with a BOM for spreadsheets.
std::string users_csv(const UsersIndex& index);

}  // namespace ui
