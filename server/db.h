// A thin SQLite layer: one connection, cached prepared statements, RAII transactions and
// versioned schema migrations. Not thread-safe: the server touches it from one thread.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace openzro {

// A prepared statement borrowed from the cache; reset when it goes out of scope.
class Stmt {
  public:
    explicit Stmt(sqlite3_stmt* stmt) : stmt_(stmt) {}
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt();

    Stmt& bind(int index, std::string_view text);
    Stmt& bind(int index, std::int64_t value);
    Stmt& bind_null(int index);
    // Advances; true while a row is available.
    bool step();
    // Runs to completion; false on a constraint violation or other error.
    bool run();
    std::string text(int column) const;
    std::int64_t integer(int column) const;
    bool is_null(int column) const;

  private:
    sqlite3_stmt* stmt_;
    bool failed_ = false;
};

class Db {
  public:
    // Opens (creating if needed) and migrates; nullptr and `error` on failure.
    static std::unique_ptr<Db> open(const std::string& path, std::string& error);
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db();

    Stmt prepare(const char* sql);
    bool exec(const char* sql);
    std::int64_t changes() const;
    // Rows changed through this connection since it opened: a version number for caches.
    std::int64_t total_changes() const;
    std::string last_error() const;
    int schema_version();
    std::string integrity_check();

  private:
    explicit Db(sqlite3* handle) : handle_(handle) {}
    bool migrate(std::string& error);

    sqlite3* handle_;
    std::unordered_map<const char*, sqlite3_stmt*> cache_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() succeeded.
class Transaction {
  public:
    explicit Transaction(Db& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    bool commit();

  private:
    Db& db_;
    bool done_ = false;
};

}  // namespace openzro
