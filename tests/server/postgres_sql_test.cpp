// The store's SQLite-dialect SQL as the PostgreSQL engine sends it, and the --database flag.
#include <gtest/gtest.h>

#include "server/config.h"
#include "server/sql_postgres.h"

namespace openzro {
namespace {

TEST(PostgresSql, ParametersAreNumberedAsSQLiteNumbersThem) {
    const PostgresSql sql = postgres_sql("SELECT a FROM t WHERE b = ? AND c = ? LIMIT ?");
    EXPECT_EQ(sql.text, "SELECT a FROM t WHERE b = $1 AND c = $2 LIMIT $3");
    EXPECT_EQ(sql.parameters, 3);
    EXPECT_FALSE(sql.writes);
    const PostgresSql numbered = postgres_sql(
        "DELETE FROM l WHERE i = ?1 AND id <= (SELECT id FROM l WHERE i = ?1 "
        "OFFSET ?2)");
    EXPECT_EQ(numbered.text,
              "DELETE FROM l WHERE i = $1 AND id <= (SELECT id FROM l WHERE i = $1 OFFSET $2)");
    EXPECT_EQ(numbered.parameters, 2);
    EXPECT_TRUE(numbered.writes);
}

TEST(PostgresSql, QuotedTextIsLeftAlone) {
    EXPECT_EQ(postgres_sql("SELECT '?', 'json_each(x)' FROM t WHERE a = ?").text,
              "SELECT '?', 'json_each(x)' FROM t WHERE a = $1");
}

TEST(PostgresSql, InsertOrIgnoreBecomesOnConflictDoNothing) {
    EXPECT_EQ(postgres_sql("INSERT OR IGNORE INTO m (u, g) VALUES (?, ?)").text,
              "INSERT INTO m (u, g) VALUES ($1, $2) ON CONFLICT DO NOTHING");
}

TEST(PostgresSql, JsonEachReadsTheTextAsJsonWithItsValueColumn) {
    EXPECT_EQ(postgres_sql("SELECT 1 FROM i, json_each(i.prefixes) p WHERE p.value = ?").text,
              "SELECT 1 FROM i, json_array_elements_text(CAST(i.prefixes AS json)) p WHERE "
              "p.value = $1");
    EXPECT_EQ(postgres_sql("SELECT g FROM m WHERE u IN (SELECT value FROM json_each(?)) AND "
                           "length(?) > 0")
                  .text,
              "SELECT g FROM m WHERE u IN (SELECT value FROM json_array_elements_text(CAST($1 "
              "AS json))) AND length($2) > 0");
}

ConfigResult parse(std::initializer_list<const char*> args) {
    std::vector<const char*> argv = {"openzro-server"};
    argv.insert(argv.end(), args.begin(), args.end());
    return parse_config(static_cast<int>(argv.size()), argv.data());
}

TEST(DatabaseFlag, TakesAPostgresqlUrlOnly) {
    EXPECT_EQ(parse({}).config.database_url, "");
    const ConfigResult pg = parse({"--database", "postgresql:///openzro?host=/run/pg"});
    EXPECT_EQ(pg.error, "");
    EXPECT_EQ(pg.config.database_url, "postgresql:///openzro?host=/run/pg");
    EXPECT_EQ(parse({"--database", "postgres://db.internal/openzro"}).error, "");
    EXPECT_NE(parse({"--database", "data/openzro.db"}).error.find("postgresql://"),
              std::string::npos);
}

}  // namespace
}  // namespace openzro
