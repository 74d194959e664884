// Behind Db: one database engine (SQLite, PostgreSQL). Db keeps what both share (statement
// handles, refused writes, the unavailable flag, migrations); an engine runs SQL and says
// whether a failure is the storage's (answer 503) or the statement's (a constraint, say).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "server/schema.h"

namespace openzro {

enum class StepResult { Row, Done, Failed };

// What a failure was, for Db to decide: storage failures make the request unavailable.
struct EngineFailure {
    const char* storage = nullptr;  // the storage failure's name ("SQLITE_BUSY", "08006"), or null
    std::string detail;             // code and text; never bound values
};

class EngineStatement {
  public:
    virtual ~EngineStatement() = default;
    virtual void bind_text(int index, std::string_view text) = 0;
    virtual void bind_integer(int index, std::int64_t value) = 0;
    virtual void bind_null(int index) = 0;
    virtual StepResult step(EngineFailure& failure) = 0;
    virtual std::string text(int column) const = 0;
    virtual std::int64_t integer(int column) const = 0;
    virtual bool is_null(int column) const = 0;
    virtual bool writes() const = 0;
    // Back to before the first step, bindings cleared.
    virtual void reset() = 0;
};

class DbEngine {
  public:
    virtual ~DbEngine() = default;
    // The statement for `sql` (a string with static storage: the cache key is its address);
    // null when it does not compile, a programming error.
    virtual EngineStatement* prepare(const char* sql, std::string& error) = 0;
    virtual bool exec(const char* sql, EngineFailure& failure) = 0;
    virtual std::int64_t changes() const = 0;
    virtual std::string last_error() const = 0;
    // True between BEGIN and COMMIT/ROLLBACK, false after a failure ended the transaction.
    virtual bool in_transaction() const = 0;
    // In a transaction that a failed statement spoiled (PostgreSQL): it can only roll back.
    virtual bool transaction_failed() const { return false; }
    // Starts a write transaction that serialises with every other writer of the database, on
    // every process sharing it.
    virtual const char* begin_sql() const = 0;
    // Which of the schema's spellings it reads (server/schema.h).
    virtual SqlDialect dialect() const = 0;
    virtual std::string integrity_check() = 0;
    // Before each request: a lost connection is tried again (PostgreSQL).
    virtual void recover() {}
    // Opening failed (the schema could not be applied): undo what opening created.
    virtual void abandon() {}
    virtual const std::string& name() const = 0;  // the file path or the server's address
};

std::unique_ptr<DbEngine> open_sqlite_engine(const std::string& path, std::string& error);
std::unique_ptr<DbEngine> open_postgres_engine(const std::string& url, std::string& error);

}  // namespace openzro
