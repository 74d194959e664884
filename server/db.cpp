// Index of this file:
//   Schema migrations: append only, never edit a released step.
//   Stmt
//   Db
//   Transaction

#include "server/db.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace openzro {
namespace {

// [SECTION] Schema migrations: append only, never edit a released step.

// The users listing's version, bumped by every change a listing shows (users, their groups),
// in the database: a cached listing is checked with one read, unrelated writes (sessions, sync
// logs) keep it, and processes sharing the database agree on it. One trigger per table and
// event (SQLite's triggers take one event each).
const std::string& listing_version_step() {
    static const std::string sql = [] {
        std::string out = "INSERT INTO meta (key, value) VALUES ('listing_version', '0');\n";
        for (const char* table : {"users", "memberships", "groups"})
            for (const char* event : {"insert", "update", "delete"})
                out += std::string("CREATE TRIGGER ") + table + "_listing_" + event + " AFTER " +
                       event + " ON " + table +
                       " BEGIN UPDATE meta SET value = value + 1 WHERE key = 'listing_version'; "
                       "END;\n";
        return out;
    }();
    return sql;
}

const std::vector<const char*>& migrations() {
    static const std::vector<const char*> steps = {
        R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE integrations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  connection_name TEXT NOT NULL,
  connector_id TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 1,
  group_prefixes TEXT NOT NULL DEFAULT '[]',
  user_group_prefixes TEXT NOT NULL DEFAULT '[]',
  token_hash TEXT NOT NULL UNIQUE,
  token_hint TEXT NOT NULL,
  contacted INTEGER NOT NULL DEFAULT 0,
  last_synced_at TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE users (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  is_service_user INTEGER NOT NULL DEFAULT 0,
  is_blocked INTEGER NOT NULL DEFAULT 0,
  issued TEXT NOT NULL DEFAULT 'api',
  last_login TEXT NOT NULL DEFAULT '0001-01-01T00:00:00Z',
  integration_id INTEGER REFERENCES integrations(id) ON DELETE SET NULL,
  user_name_key TEXT,
  external_id TEXT,
  scim TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE UNIQUE INDEX users_user_name_key ON users(user_name_key) WHERE user_name_key IS NOT NULL;
CREATE INDEX users_external_id ON users(external_id);
CREATE TABLE groups (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  issued TEXT NOT NULL DEFAULT 'api',
  imported INTEGER NOT NULL DEFAULT 1,
  integration_id INTEGER REFERENCES integrations(id) ON DELETE SET NULL,
  external_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE TABLE memberships (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, group_id));
CREATE INDEX memberships_group ON memberships(group_id);
CREATE TABLE access_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL);
CREATE TABLE identity_providers (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  issuer TEXT NOT NULL,
  client_id TEXT NOT NULL,
  client_secret TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE sync_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  integration_id INTEGER NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
  level TEXT NOT NULL,
  timestamp TEXT NOT NULL,
  message TEXT NOT NULL);
CREATE INDEX sync_logs_integration ON sync_logs(integration_id, id);
)sql",
        // Sign-in through identity providers (issue 13): lasting sessions (only their hash),
        // user approval, the provider's email domain and the account's settings.
        R"sql(
ALTER TABLE users ADD COLUMN pending_approval INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN idp_id TEXT;
ALTER TABLE identity_providers ADD COLUMN email_domain TEXT NOT NULL DEFAULT '';
CREATE TABLE sessions (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  created_at TEXT NOT NULL);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TRIGGER users_end_sessions AFTER UPDATE OF role, is_blocked, pending_approval ON users
  WHEN NEW.role IS NOT OLD.role OR (NEW.is_blocked AND NOT OLD.is_blocked)
    OR (NEW.pending_approval AND NOT OLD.pending_approval)
  BEGIN DELETE FROM sessions WHERE user_id = NEW.id; END;
INSERT OR IGNORE INTO meta (key, value) VALUES ('account_id', lower(hex(randomblob(10))));
INSERT OR IGNORE INTO meta (key, value) VALUES ('user_approval_required', 'false');
)sql",
        listing_version_step().c_str(),
        // An integration's users through a small index: SCIM's totalResults (COUNT) and its
        // pages (ORDER BY seq, the rowid, LIMIT/OFFSET) read the index, not every users row;
        // deleting an integration finds its users there too.
        R"sql(
CREATE INDEX users_integration ON users(integration_id);
)sql",
    };
    return steps;
}

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

}  // namespace

// [SECTION] Stmt
Stmt::~Stmt() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

Stmt& Stmt::bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Stmt& Stmt::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Stmt& Stmt::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

bool Stmt::step() {
    if (failed_) return false;
    if (db_.writes_refused() && !sqlite3_stmt_readonly(stmt_)) {
        failed_ = true;
        return false;
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) {
        failed_ = true;
        db_.note_failure(rc);
    }
    return false;
}

bool Stmt::run() {
    while (step()) {
    }
    return !failed_;
}

std::string Stmt::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::int64_t Stmt::integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

bool Stmt::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

// [SECTION] Db
std::unique_ptr<Db> Db::open(const std::string& path, std::string& error) {
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
    std::unique_ptr<Db> db(new Db(handle, path));
    sqlite3_busy_timeout(handle, kBusyTimeoutMs);
    if (existed) {
        const std::string check = quick_check(handle);
        if (check != "ok") {
            error = "database " + path + " is corrupt (" + check + "); restore it from a backup";
            return nullptr;
        }
    }
    // WAL with synchronous=NORMAL: a committed transaction survives a killed process.
    if (!db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;") ||
        !db->migrate(error)) {
        if (error.empty()) error = db->last_error();
        error = "database " + path + ": " + error;
        db.reset();
        // A new file that never got its schema would be refused as empty next time.
        if (!existed) ::unlink(path.c_str());
        return nullptr;
    }
    return db;
}

Db::~Db() {
    for (auto& entry : cache_) sqlite3_finalize(entry.second);
    sqlite3_close(handle_);
}

Stmt Db::prepare(const char* sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(handle_, sql, -1, &stmt, nullptr) != SQLITE_OK) {
            // A statement that does not compile is a programming error: fail loudly in every build.
            std::fprintf(stderr, "sqlite prepare failed: %s\n%s\n", sqlite3_errmsg(handle_), sql);
            std::abort();
        }
        it = cache_.emplace(sql, stmt).first;
    }
    return Stmt(*this, it->second);
}

bool Db::exec(const char* sql) {
    return !writes_refused() && run_sql(sql);
}

bool Db::run_sql(const char* sql) {
    const int rc = sqlite3_exec(handle_, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) note_failure(rc);
    return rc == SQLITE_OK;
}

bool Db::writes_refused() const {
    return unavailable_ != 0 || (transactions_ > 0 && sqlite3_get_autocommit(handle_) != 0);
}

void Db::note_failure(int code) {
    const char* name = storage_failure_name(code);
    if (!name || unavailable_ != 0) return;
    unavailable_ = code;
    // Code and file only: messages could carry values bound to the statement.
    std::fprintf(stderr, "openzro-server: database %s: %s (%d, %s)\n", path_.c_str(), name, code,
                 sqlite3_errstr(code));
}

std::int64_t Db::changes() const {
    return sqlite3_changes(handle_);
}

std::int64_t Db::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(handle_);
}

std::string Db::last_error() const {
    return sqlite3_errmsg(handle_);
}

int Db::schema_version() {
    auto stmt = prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    return stmt.step() ? static_cast<int>(stmt.integer(0)) : 0;
}

std::string Db::integrity_check() {
    auto stmt = prepare("PRAGMA integrity_check");
    std::string out;
    while (stmt.step()) out += (out.empty() ? "" : "\n") + stmt.text(0);
    return out;
}

bool Db::migrate(std::string& error) {
    if (!exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at "
              "TEXT NOT NULL)"))
        return false;
    const auto& steps = migrations();
    for (int version = schema_version(); version < static_cast<int>(steps.size()); ++version) {
        Transaction tx(*this);
        if (!exec(steps[static_cast<std::size_t>(version)]) ||
            !prepare("INSERT INTO schema_version (version, applied_at) VALUES (?, datetime('now'))")
                 .bind(1, std::int64_t{version + 1})
                 .run() ||
            !tx.commit()) {
            error = "migration " + std::to_string(version + 1) + " failed: " + last_error();
            return false;
        }
    }
    return true;
}

// [SECTION] Transaction
Transaction::Transaction(Db& db) : db_(db) {
    begun_ = !db_.writes_refused() && db_.run_sql("BEGIN IMMEDIATE");
    ++db_.transactions_;
}

Transaction::~Transaction() {
    --db_.transactions_;
    if (begun_ && !done_ && sqlite3_get_autocommit(db_.handle_) == 0) db_.run_sql("ROLLBACK");
}

bool Transaction::commit() {
    done_ = begun_ && !db_.writes_refused() && db_.run_sql("COMMIT");
    return done_;
}

}  // namespace openzro
