// The SQLite engine: the embedded default, one file in the data directory.
// Index of this file:
//   Failures
//   Statements
//   Engine

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <unordered_map>

#include "server/db.h"
#include "server/db_engine.h"

namespace openzro {
namespace {

// [SECTION] Failures
// Failures of the storage, not of the request: the answer is 503 and the client may retry.
const char* storage_failure_name(int code) {
    switch (code & 0xff) {
        case SQLITE_BUSY:
            return "SQLITE_BUSY";
        case SQLITE_LOCKED:
            return "SQLITE_LOCKED";
        case SQLITE_FULL:
            return "SQLITE_FULL";
        case SQLITE_READONLY:
            return "SQLITE_READONLY";
        case SQLITE_IOERR:
            return "SQLITE_IOERR";
        case SQLITE_CORRUPT:
            return "SQLITE_CORRUPT";
        case SQLITE_NOTADB:
            return "SQLITE_NOTADB";
        case SQLITE_CANTOPEN:
            return "SQLITE_CANTOPEN";
        case SQLITE_NOMEM:
            return "SQLITE_NOMEM";
        default:
            return nullptr;
    }
}

void describe(int code, EngineFailure& failure) {
    failure.storage = storage_failure_name(code);
    failure.detail = std::to_string(code) + ", " + sqlite3_errstr(code);
}

// "ok", or what is wrong (a file that is no database at all fails to prepare).
std::string quick_check(sqlite3* handle) {
    sqlite3_stmt* stmt = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(handle, "PRAGMA quick_check(1)", -1, &stmt, nullptr) != SQLITE_OK) {
        out = sqlite3_errmsg(handle);
    } else {
        const int rc = sqlite3_step(stmt);
        const auto* text = sqlite3_column_text(stmt, 0);
        out =
            rc == SQLITE_ROW && text ? reinterpret_cast<const char*>(text) : sqlite3_errmsg(handle);
    }
    sqlite3_finalize(stmt);
    return out;
}

// [SECTION] Statements
class SqliteStatement final : public EngineStatement {
  public:
    explicit SqliteStatement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement() override { sqlite3_finalize(stmt_); }

    void bind_text(int index, std::string_view text) override {
        sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                          SQLITE_TRANSIENT);
    }
    void bind_integer(int index, std::int64_t value) override {
        sqlite3_bind_int64(stmt_, index, value);
    }
    void bind_null(int index) override { sqlite3_bind_null(stmt_, index); }
    StepResult step(EngineFailure& failure) override {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return StepResult::Row;
        if (rc == SQLITE_DONE) return StepResult::Done;
        describe(rc, failure);
        return StepResult::Failed;
    }
    std::string text(int column) const override {
        const auto* p = sqlite3_column_text(stmt_, column);
        if (!p) return {};
        return std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
    }
    std::int64_t integer(int column) const override { return sqlite3_column_int64(stmt_, column); }
    bool is_null(int column) const override {
        return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
    }
    bool writes() const override { return sqlite3_stmt_readonly(stmt_) == 0; }
    void reset() override {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

  private:
    sqlite3_stmt* stmt_;
};

// [SECTION] Engine
class SqliteEngine final : public DbEngine {
  public:
    SqliteEngine(sqlite3* handle, std::string path, bool created)
        : handle_(handle), path_(std::move(path)), created_(created) {}
    SqliteEngine(const SqliteEngine&) = delete;
    SqliteEngine& operator=(const SqliteEngine&) = delete;
    ~SqliteEngine() override {
        cache_.clear();
        sqlite3_close(handle_);
        // A new file that never got its schema would be refused as empty next time.
        if (created_ && abandoned_) ::unlink(path_.c_str());
    }

    EngineStatement* prepare(const char* sql, std::string& error) override {
        auto it = cache_.find(sql);
        if (it != cache_.end()) return it->second.get();
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(handle_, sql, -1, &stmt, nullptr) != SQLITE_OK) {
            error = sqlite3_errmsg(handle_);
            return nullptr;
        }
        return cache_.emplace(sql, std::make_unique<SqliteStatement>(stmt)).first->second.get();
    }
    bool exec(const char* sql, EngineFailure& failure) override {
        const int rc = sqlite3_exec(handle_, sql, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) describe(rc, failure);
        return rc == SQLITE_OK;
    }
    std::int64_t changes() const override { return sqlite3_changes(handle_); }
    std::string last_error() const override { return sqlite3_errmsg(handle_); }
    bool in_transaction() const override { return sqlite3_get_autocommit(handle_) == 0; }
    const char* begin_sql() const override { return "BEGIN IMMEDIATE"; }
    SqlDialect dialect() const override { return SqlDialect::Sqlite; }
    std::string integrity_check() override {
        std::string error;
        EngineStatement* stmt = prepare("PRAGMA integrity_check", error);
        if (!stmt) return error;
        std::string out;
        EngineFailure failure;
        while (stmt->step(failure) == StepResult::Row)
            out += (out.empty() ? "" : "\n") + stmt->text(0);
        stmt->reset();
        return out;
    }
    const std::string& name() const override { return path_; }
    void abandon() override { abandoned_ = true; }

  private:
    sqlite3* handle_;
    std::string path_;
    bool created_;
    bool abandoned_ = false;
    std::unordered_map<const char*, std::unique_ptr<SqliteStatement>> cache_;
};

}  // namespace

std::unique_ptr<DbEngine> open_sqlite_engine(const std::string& path, std::string& error) {
    struct stat st {};
    const bool existed = ::stat(path.c_str(), &st) == 0;
    if (existed && st.st_size == 0) {
        // Never a silent new account over a file that lost its content.
        error = "database " + path + " is an empty file; move it away to start a new account";
        return nullptr;
    }
    sqlite3* handle = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    // Owner-only before anything is written; SQLite gives -wal and -shm the same mode.
    if (rc != SQLITE_OK || ::chmod(path.c_str(), 0600) != 0) {
        error = "cannot open database " + path + ": " +
                (rc != SQLITE_OK && handle ? sqlite3_errmsg(handle) : std::strerror(errno));
        sqlite3_close(handle);
        return nullptr;
    }
    auto engine = std::make_unique<SqliteEngine>(handle, path, !existed);
    sqlite3_busy_timeout(handle, Db::kBusyTimeoutMs);
    if (existed) {
        const std::string check = quick_check(handle);
        if (check != "ok") {
            error = "database " + path + " is corrupt (" + check + "); restore it from a backup";
            return nullptr;
        }
    }
    // WAL with synchronous=NORMAL: a committed transaction survives a killed process.
    EngineFailure failure;
    if (!engine->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                      failure)) {
        error = "database " + path + ": " + engine->last_error();
        engine->abandon();
        return nullptr;
    }
    return engine;
}

}  // namespace openzro
