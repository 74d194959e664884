#include "tests/server/test_database.h"

#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "server/crypto.h"

namespace openzro::testing {
namespace {

const char* env(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

// Runs `sql` on the cluster's test database; exits the process when it cannot, since no test
// of this process can run without it.
void run_on_cluster(const std::string& sql) {
    PGconn* conn = PQconnectdb(env("OPENZRO_TEST_POSTGRES"));
    PGresult* result = PQstatus(conn) == CONNECTION_OK ? PQexec(conn, sql.c_str()) : nullptr;
    const bool ok = result && PQresultStatus(result) == PGRES_COMMAND_OK;
    if (!ok) std::fprintf(stderr, "test database: %s: %s\n", sql.c_str(), PQerrorMessage(conn));
    PQclear(result);
    PQfinish(conn);
    if (!ok) std::exit(1);
}

}  // namespace

bool TestDatabase::postgres() {
    const char* engine = env("OPENZRO_TEST_ENGINE");
    return engine && std::strcmp(engine, "postgres") == 0;
}

TestDatabase::TestDatabase() {
    if (!postgres()) return;
    const char* cluster = env("OPENZRO_TEST_POSTGRES");
    if (!cluster) {
        std::fprintf(stderr,
                     "OPENZRO_TEST_POSTGRES is not set: no PostgreSQL to test against "
                     "(scripts/test starts one)\n");
        const char* required = env("OPENZRO_REQUIRE_POSTGRES");
        std::exit(required && std::strcmp(required, "1") == 0 ? 1 : 77);
    }
    schema_ = "test_" + crypto::random_hex(8);
    run_on_cluster("CREATE SCHEMA " + schema_);
    const std::string base = cluster;
    url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema_;
}

TestDatabase::~TestDatabase() {
    if (!schema_.empty()) run_on_cluster("DROP SCHEMA " + schema_ + " CASCADE");
}

}  // namespace openzro::testing
