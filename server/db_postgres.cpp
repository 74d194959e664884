// The PostgreSQL engine: several server replicas share one database. Writes serialise on one
// transaction-scoped advisory lock, as SQLite's writers do on its file lock, so the store's
// read-check-write transactions mean the same on both engines. A lost connection makes the
// request unavailable (503) and is tried again before the next request.
// Index of this file:
//   Failures
//   Statements
//   Engine

#include <libpq-fe.h>

#include <cstdlib>
#include <optional>
#include <unordered_map>

#include "server/db_engine.h"
#include "server/sql_postgres.h"

namespace openzro {
namespace {

// The writers' lock of the schema the server works in (replicas share it; databases with
// several accounts, one a schema, do not wait on each other). The first key is any number.
constexpr const char* kBeginWrite =
    "BEGIN; SELECT pg_advisory_xact_lock(1095974482, hashtext(current_schema()))";

// [SECTION] Failures
// SQLSTATE classes of failures of the storage, not of the request: the answer is 503 and the
// client may retry (connection, resources, operator intervention, system, serialization).
bool is_storage_failure(const std::string& sqlstate) {
    const std::string cls = sqlstate.substr(0, 2);
    return cls == "08" || cls == "53" || cls == "57" || cls == "58" || cls == "XX" || cls == "40" ||
           sqlstate == "55P03" || sqlstate.empty();
}

void describe(PGconn* conn, const PGresult* result, EngineFailure& failure) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state ? state : "";
    const bool lost = PQstatus(conn) != CONNECTION_OK;
    // The SQLSTATE and its class only: messages could carry values bound to the statement.
    failure.detail = lost ? "connection lost" : "SQLSTATE " + sqlstate;
    if (lost || is_storage_failure(sqlstate)) failure.storage = "PostgreSQL unavailable";
}

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// [SECTION] Statements
class PostgresEngine;

class PostgresStatement final : public EngineStatement {
  public:
    PostgresStatement(PostgresEngine& engine, std::string name, PostgresSql sql)
        : engine_(engine), name_(std::move(name)), sql_(std::move(sql)) {
        values_.resize(static_cast<std::size_t>(sql_.parameters));
    }
    void bind_text(int index, std::string_view text) override { slot(index) = std::string(text); }
    void bind_integer(int index, std::int64_t value) override {
        slot(index) = std::to_string(value);
    }
    void bind_null(int index) override { slot(index).reset(); }
    StepResult step(EngineFailure& failure) override;
    std::string text(int column) const override {
        return std::string(PQgetvalue(result_.get(), row_, column),
                           static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
    }
    std::int64_t integer(int column) const override {
        const char* value = PQgetvalue(result_.get(), row_, column);
        if (value[0] == 't') return 1;  // booleans: a comparison selected as a column
        if (value[0] == 'f') return 0;
        return std::strtoll(value, nullptr, 10);
    }
    bool is_null(int column) const override {
        return PQgetisnull(result_.get(), row_, column) != 0;
    }
    bool writes() const override { return sql_.writes; }
    void reset() override {
        result_.reset();
        row_ = -1;
        for (auto& value : values_) value.reset();
    }
    const std::string& name() const { return name_; }
    const PostgresSql& sql() const { return sql_; }
    // The connection (generation) it was prepared on; a new connection knows no statement.
    std::uint64_t prepared_on = 0;

  private:
    std::optional<std::string>& slot(int index) {
        static std::optional<std::string> ignored;  // an index out of range, as SQLite ignores it
        if (index < 1 || index > static_cast<int>(values_.size())) return ignored;
        return values_[static_cast<std::size_t>(index - 1)];
    }

    PostgresEngine& engine_;
    std::string name_;
    PostgresSql sql_;
    std::vector<std::optional<std::string>> values_;
    Result result_;
    int row_ = -1;  // the current row of result_
};

// [SECTION] Engine
class PostgresEngine final : public DbEngine {
  public:
    PostgresEngine(PGconn* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
    PostgresEngine(const PostgresEngine&) = delete;
    PostgresEngine& operator=(const PostgresEngine&) = delete;
    ~PostgresEngine() override { PQfinish(conn_); }

    // Session settings, on every new connection: waits are bounded, like SQLite's busy timeout.
    bool configure() {
        Result r(PQexec(conn_,
                        "SET lock_timeout = '5s'; SET statement_timeout = '30s'; "
                        "SET client_min_messages = warning"));
        ++generation_;
        return PQresultStatus(r.get()) == PGRES_COMMAND_OK;
    }

    EngineStatement* prepare(const char* sql, std::string& error) override {
        auto it = cache_.find(sql);
        if (it == cache_.end()) {
            auto stmt = std::make_unique<PostgresStatement>(
                *this, "s" + std::to_string(cache_.size()), postgres_sql(sql));
            it = cache_.emplace(sql, std::move(stmt)).first;
        }
        // Compiled now, so a statement that does not compile fails where SQLite's would; one
        // that cannot be compiled for want of a connection fails when it runs.
        EngineFailure failure;
        if (!ensure_prepared(*it->second, failure) && !failure.storage &&
            PQstatus(conn_) == CONNECTION_OK && !in_failed_transaction()) {
            error = failure.detail + ": " + PQerrorMessage(conn_) + "\n" + it->second->sql().text;
            return nullptr;
        }
        return it->second.get();
    }

    // Prepares `stmt` on this connection if it was not yet; false and `failure` if it fails.
    bool ensure_prepared(PostgresStatement& stmt, EngineFailure& failure) {
        if (stmt.prepared_on == generation_) return true;
        Result r(PQprepare(conn_, stmt.name().c_str(), stmt.sql().text.c_str(),
                           stmt.sql().parameters, nullptr));
        if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
            describe(conn_, r.get(), failure);
            return false;
        }
        stmt.prepared_on = generation_;
        return true;
    }

    // Runs a prepared statement; the result, or null and `failure`.
    Result run(PostgresStatement& stmt, const std::vector<const char*>& values,
               EngineFailure& failure) {
        if (!ensure_prepared(stmt, failure)) return nullptr;
        Result r(PQexecPrepared(conn_, stmt.name().c_str(), static_cast<int>(values.size()),
                                values.data(), nullptr, nullptr, 0));
        const auto status = PQresultStatus(r.get());
        if (status == PGRES_COMMAND_OK) {
            changes_ = std::strtoll(PQcmdTuples(r.get()), nullptr, 10);
        } else if (status != PGRES_TUPLES_OK) {
            describe(conn_, r.get(), failure);
            return nullptr;
        } else {
            // INSERT ... RETURNING: the rows it returned are the rows it changed.
            changes_ = PQntuples(r.get());
        }
        return r;
    }

    bool exec(const char* sql, EngineFailure& failure) override {
        Result r(PQexec(conn_, sql));
        const auto status = PQresultStatus(r.get());
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return true;
        describe(conn_, r.get(), failure);
        return false;
    }
    std::int64_t changes() const override { return changes_; }
    std::string last_error() const override { return PQerrorMessage(conn_); }
    bool in_transaction() const override {
        const auto status = PQtransactionStatus(conn_);
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
    }
    bool transaction_failed() const override { return in_failed_transaction(); }
    const char* begin_sql() const override { return kBeginWrite; }
    SqlDialect dialect() const override { return SqlDialect::Postgres; }
    std::string integrity_check() override {
        // PostgreSQL checks its own pages; what can be checked here is that it answers.
        Result r(PQexec(conn_, "SELECT 1"));
        return PQresultStatus(r.get()) == PGRES_TUPLES_OK ? "ok" : PQerrorMessage(conn_);
    }
    void recover() override {
        if (PQstatus(conn_) == CONNECTION_OK) return;
        PQreset(conn_);
        if (PQstatus(conn_) == CONNECTION_OK) configure();
    }
    const std::string& name() const override { return name_; }

  private:
    bool in_failed_transaction() const { return PQtransactionStatus(conn_) == PQTRANS_INERROR; }

    PGconn* conn_;
    std::string name_;
    std::unordered_map<const char*, std::unique_ptr<PostgresStatement>> cache_;
    std::uint64_t generation_ = 0;
    std::int64_t changes_ = 0;
};

StepResult PostgresStatement::step(EngineFailure& failure) {
    if (!result_) {
        std::vector<const char*> values;
        values.reserve(values_.size());
        for (const auto& value : values_) values.push_back(value ? value->c_str() : nullptr);
        result_ = engine_.run(*this, values, failure);
        if (!result_) return StepResult::Failed;
    }
    ++row_;
    return row_ < PQntuples(result_.get()) ? StepResult::Row : StepResult::Done;
}

// "host=/tmp/x dbname=openzro" without user or password, for messages.
std::string describe_target(PGconn* conn) {
    const char* host = PQhost(conn);
    const char* db = PQdb(conn);
    return std::string("postgresql ") + (db ? db : "?") + " on " + (host ? host : "?");
}

}  // namespace

std::unique_ptr<DbEngine> open_postgres_engine(const std::string& url, std::string& error) {
    // Later keywords win: the URL's own connect_timeout, if it has one, overrides this one.
    const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const char* values[] = {"5", "openzro-server", url.c_str(), nullptr};
    PGconn* conn = PQconnectdbParams(keys, values, 1);
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        // libpq's message names host and port, never the password.
        error = std::string("cannot connect to PostgreSQL: ") +
                (conn ? PQerrorMessage(conn) : "out of memory");
        while (!error.empty() && (error.back() == '\n' || error.back() == ' ')) error.pop_back();
        PQfinish(conn);
        return nullptr;
    }
    auto engine = std::make_unique<PostgresEngine>(conn, describe_target(conn));
    if (!engine->configure()) {
        error = "cannot configure the PostgreSQL session: " + engine->last_error();
        return nullptr;
    }
    return engine;
}

}  // namespace openzro
