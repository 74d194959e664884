// The database schema, one step per version, in each engine's dialect. One text for what both
// engines write alike (tables, indexes); only what their SQL spells differently (auto-numbered
// keys, 64-bit integers, triggers, random values) is given per engine. Append only: never edit
// a released step.
#pragma once
#include <string>
#include <vector>

namespace openzro {

enum class SqlDialect { Sqlite, Postgres };

const std::vector<std::string>& schema_steps(SqlDialect dialect);

}  // namespace openzro
