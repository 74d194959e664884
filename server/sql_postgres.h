// The SQL of the store, written in SQLite's dialect, as PostgreSQL reads it. Only what the
// store uses differs: `?` and `?N` parameters become `$N`, INSERT OR IGNORE becomes ON CONFLICT
// DO NOTHING, and json_each(x) becomes json_array_elements_text(CAST(x AS json)), whose
// column is also named `value`.
#pragma once
#include <string>
#include <string_view>

namespace openzro {

struct PostgresSql {
    std::string text;
    int parameters = 0;   // the highest $N
    bool writes = false;  // not a SELECT
};

PostgresSql postgres_sql(std::string_view sqlite_sql);

}  // namespace openzro
