// The database layer: one connection to SQLite (a file, the embedded default) or PostgreSQL
// (a server several replicas share), cached prepared statements, RAII transactions and
// versioned schema migrations. Not thread-safe: the server touches it from one thread.
// Honest about failure: lock waits are short, a transaction that did not begin refuses every
// write, and storage failures (busy, full, read-only, I/O, corrupt, connection lost) are
// remembered as "unavailable" for the request to answer 503, and logged once with their code.
// SQL is written in SQLite's dialect; the PostgreSQL engine translates what differs
// (server/sql_postgres.h).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace openzro {

// A prepared statement borrowed from the cache; reset when it goes out of scope.
class Db;
class DbEngine;
class EngineStatement;
struct EngineFailure;

class Stmt {
  public:
    Stmt(Db& db, EngineStatement* stmt) : db_(db), stmt_(stmt) {}
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt();

    Stmt& bind(int index, std::string_view text);
    Stmt& bind(int index, std::int64_t value);
    Stmt& bind_null(int index);
    // Binds `values` to the parameters 1, 2, ... in order.
    template <class... Values>
    Stmt& bind_all(const Values&... values) {
        int index = 0;
        (bind(++index, values), ...);
        return *this;
    }
    // Advances; true while a row is available.
    bool step();
    // Runs to completion; false on a constraint violation or other error.
    bool run();
    std::string text(int column) const;
    std::int64_t integer(int column) const;
    bool is_null(int column) const;

  private:
    Db& db_;
    EngineStatement* stmt_;
    bool failed_ = false;
};

class Db {
  public:
    // How long a statement waits for another connection's write lock before giving up: short,
    // since the server's one thread waits with it.
    static constexpr int kBusyTimeoutMs = 100;

    // Opens and migrates; nullptr and `error` on failure. `location` is a file path (SQLite:
    // created owner-only if missing, checked with quick_check; an existing 0-byte file is an
    // error) or a postgresql:// URL.
    static std::unique_ptr<Db> open(const std::string& location, std::string& error);
    static bool is_postgres_url(std::string_view location);
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db();
    const std::string& name() const;  // the file path or the server's address, for messages

    Stmt prepare(const char* sql);
    bool exec(const char* sql);
    std::int64_t changes() const;
    std::string last_error() const;
    int schema_version();
    std::string integrity_check();

    // Whether a storage failure happened since begin_request(). App::handle calls
    // begin_request before each request, which also reconnects a lost PostgreSQL connection.
    bool unavailable() const { return unavailable_; }
    void begin_request();

  private:
    friend class Stmt;
    friend class Transaction;
    explicit Db(std::unique_ptr<DbEngine> engine);
    bool migrate(std::string& error);
    // Runs `sql` without the write refusal below; notes a failure.
    bool run_sql(const char* sql);
    // After a storage failure (until begin_request()), so one request waits on a lock at
    // most once and stops writing halfway through nothing; and while a Transaction is open but
    // the engine has none (its BEGIN failed, or a failure rolled it back), where writes would
    // autocommit, or only a spoiled one.
    bool writes_refused() const;
    // Records a failure: storage failures mark the request unavailable.
    void note_failure(const EngineFailure& failure);

    std::unique_ptr<DbEngine> engine_;
    bool unavailable_ = false;
    int transactions_ = 0;  // open Transaction objects
};

// BEGIN (a write transaction, serialised with every other writer: SQLite's BEGIN IMMEDIATE,
// PostgreSQL's transaction-scoped advisory lock) on construction; ROLLBACK on destruction unless
// commit() succeeded. When BEGIN fails (or a failure rolls the transaction back), every write
// through the Db is refused until this object is gone, so nothing falls back to autocommit;
// commit() then fails.
class Transaction {
  public:
    explicit Transaction(Db& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    bool ok() const { return begun_; }
    bool commit();

  private:
    Db& db_;
    bool begun_ = false;
    bool done_ = false;
};

}  // namespace openzro
