#include "server/sql_postgres.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace openzro {
namespace {

bool starts_with_word(std::string_view sql, std::size_t at, std::string_view word) {
    if (sql.size() - at < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(sql[at + i])) != word[i]) return false;
    }
    return true;
}

constexpr std::string_view kInsertOrIgnore = "INSERT OR IGNORE ";
constexpr std::string_view kJsonEach = "JSON_EACH(";

}  // namespace

PostgresSql postgres_sql(std::string_view sql) {
    PostgresSql out;
    std::size_t start = 0;
    while (start < sql.size() && std::isspace(static_cast<unsigned char>(sql[start]))) ++start;
    out.writes = !starts_with_word(sql, start, "SELECT");
    bool ignore_conflicts = false;
    bool quoted = false;
    int depth = 0;
    std::vector<int> json_each_depths;  // the depth of each open json_each's own parenthesis
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'') quoted = !quoted;
        if (quoted) {
            out.text += c;
        } else if (c == '?') {
            int number = 0;
            while (i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1])))
                number = number * 10 + (sql[++i] - '0');
            if (number == 0) number = out.parameters + 1;
            out.parameters = std::max(out.parameters, number);
            out.text += '$' + std::to_string(number);
        } else if (starts_with_word(sql, i, kInsertOrIgnore)) {
            out.text += "INSERT ";
            i += kInsertOrIgnore.size() - 1;
            ignore_conflicts = true;
        } else if (starts_with_word(sql, i, kJsonEach)) {
            out.text += "json_array_elements_text(CAST(";
            i += kJsonEach.size() - 1;
            json_each_depths.push_back(++depth);
        } else if (c == '(') {
            ++depth;
            out.text += c;
        } else if (c == ')' && !json_each_depths.empty() && json_each_depths.back() == depth) {
            json_each_depths.pop_back();
            --depth;
            out.text += " AS json))";
        } else {
            if (c == ')') --depth;
            out.text += c;
        }
    }
    if (ignore_conflicts) out.text += " ON CONFLICT DO NOTHING";
    return out;
}

}  // namespace openzro
