// A thin SQLite layer: one connection, cached prepared statements, RAII transactions and
// versioned schema migrations. Not thread-safe: the server touches it from one thread.
// Honest about failure: lock waits are short, a transaction that did not begin refuses every
// write, and storage failures (busy, full, read-only, I/O, corrupt) are remembered as
// "unavailable" for the request to answer 503, and logged once with code and path.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace openzro {

// A prepared statement borrowed from the cache; reset when it goes out of scope.
class Db;

class Stmt {
  public:
    Stmt(Db& db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
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
    sqlite3_stmt* stmt_;
    bool failed_ = false;
};

class Db {
  public:
    // How long a statement waits for another connection's write lock before giving up: short,
    // since the server's one thread waits with it.
    static constexpr int kBusyTimeoutMs = 100;

    // Opens (creating it owner-only if missing), checks (quick_check) and migrates; nullptr and
    // `error`, which names the file, on failure. An existing 0-byte file is an error.
    static std::unique_ptr<Db> open(const std::string& path, std::string& error);
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db();

    Stmt prepare(const char* sql);
    bool exec(const char* sql);
    std::int64_t changes() const;
    std::int64_t last_insert_rowid() const;
    std::string last_error() const;
    int schema_version();
    std::string integrity_check();
    const std::string& path() const { return path_; }

    // The SQLite result code of the first storage failure since clear_unavailable(), or 0.
    // App::handle clears it before each request.
    int unavailable() const { return unavailable_; }
    void clear_unavailable() { unavailable_ = 0; }

  private:
    friend class Stmt;
    friend class Transaction;
    Db(sqlite3* handle, std::string path) : handle_(handle), path_(std::move(path)) {}
    bool migrate(std::string& error);
    // Runs `sql` without the write refusal below; notes a failure.
    bool run_sql(const char* sql);
    // After a storage failure (until clear_unavailable()), so one request waits on a lock at
    // most once and stops writing halfway through nothing; and while a Transaction is open but
    // SQLite has none (its BEGIN failed, or a failure rolled it back), where writes would
    // autocommit.
    bool writes_refused() const;
    // Records a failed result code: storage failures mark the request unavailable.
    void note_failure(int code);

    sqlite3* handle_;
    std::string path_;
    std::unordered_map<const char*, sqlite3_stmt*> cache_;
    int unavailable_ = 0;
    int transactions_ = 0;  // open Transaction objects
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() succeeded. When
// BEGIN fails (or a failure rolls the transaction back), every write through the Db is refused
// until this object is gone, so nothing falls back to autocommit; commit() then fails.
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
