// Index of this file:
//   Stmt
//   Db
//   Transaction

#include "server/db.h"

#include <cstdio>
#include <cstdlib>

#include "server/clock.h"
#include "server/db_engine.h"

namespace openzro {
// [SECTION] Stmt
Stmt::~Stmt() {
    stmt_->reset();
}

Stmt& Stmt::bind(int index, std::string_view text) {
    stmt_->bind_text(index, text);
    return *this;
}

Stmt& Stmt::bind(int index, std::int64_t value) {
    stmt_->bind_integer(index, value);
    return *this;
}

Stmt& Stmt::bind_null(int index) {
    stmt_->bind_null(index);
    return *this;
}

bool Stmt::step() {
    if (failed_) return false;
    if (db_.writes_refused() && stmt_->writes()) {
        failed_ = true;
        return false;
    }
    EngineFailure failure;
    const StepResult result = stmt_->step(failure);
    if (result == StepResult::Row) return true;
    if (result == StepResult::Failed) {
        failed_ = true;
        db_.note_failure(failure);
    }
    return false;
}

bool Stmt::run() {
    while (step()) {
    }
    return !failed_;
}

std::string Stmt::text(int column) const {
    return stmt_->text(column);
}

std::int64_t Stmt::integer(int column) const {
    return stmt_->integer(column);
}

bool Stmt::is_null(int column) const {
    return stmt_->is_null(column);
}

// [SECTION] Db
bool Db::is_postgres_url(std::string_view location) {
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Db> Db::open(const std::string& location, std::string& error) {
    auto engine = is_postgres_url(location) ? open_postgres_engine(location, error)
                                            : open_sqlite_engine(location, error);
    if (!engine) return nullptr;
    std::unique_ptr<Db> db(new Db(std::move(engine)));
    if (!db->migrate(error)) {
        error = "database " + db->name() + ": " + error;
        db->engine_->abandon();
        return nullptr;
    }
    return db;
}

Db::Db(std::unique_ptr<DbEngine> engine) : engine_(std::move(engine)) {}

Db::~Db() = default;

const std::string& Db::name() const {
    return engine_->name();
}

Stmt Db::prepare(const char* sql) {
    std::string error;
    EngineStatement* stmt = engine_->prepare(sql, error);
    if (!stmt) {
        // A statement that does not compile is a programming error: fail loudly in every build.
        std::fprintf(stderr, "prepare failed: %s\n%s\n", error.c_str(), sql);
        std::abort();
    }
    return Stmt(*this, stmt);
}

bool Db::exec(const char* sql) {
    return !writes_refused() && run_sql(sql);
}

bool Db::run_sql(const char* sql) {
    EngineFailure failure;
    const bool ok = engine_->exec(sql, failure);
    if (!ok) note_failure(failure);
    return ok;
}

bool Db::writes_refused() const {
    return unavailable_ ||
           (transactions_ > 0 && (!engine_->in_transaction() || engine_->transaction_failed()));
}

void Db::note_failure(const EngineFailure& failure) {
    if (!failure.storage || unavailable_) return;
    unavailable_ = true;
    // Code and location only: messages could carry values bound to the statement.
    std::fprintf(stderr, "openzro-server: database %s: %s (%s)\n", name().c_str(), failure.storage,
                 failure.detail.c_str());
}

void Db::begin_request() {
    unavailable_ = false;
    engine_->recover();
}

std::int64_t Db::changes() const {
    return engine_->changes();
}

std::string Db::last_error() const {
    return engine_->last_error();
}

int Db::schema_version() {
    auto stmt = prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    return stmt.step() ? static_cast<int>(stmt.integer(0)) : 0;
}

std::string Db::integrity_check() {
    return engine_->integrity_check();
}

bool Db::migrate(std::string& error) {
    const auto& steps = schema_steps(engine_->dialect());
    // Replicas starting at once: the write transaction serialises them, and each step reads
    // the version inside it.
    while (true) {
        Transaction tx(*this);
        if (!tx.ok() || !exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY "
                              "KEY, applied_at TEXT NOT NULL)")) {
            error = last_error();
            return false;
        }
        const int version = schema_version();
        if (version >= static_cast<int>(steps.size())) {
            if (tx.commit()) return true;
            error = last_error();
            return false;
        }
        if (!exec(steps[static_cast<std::size_t>(version)].c_str()) ||
            !prepare("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")
                 .bind(1, std::int64_t{version + 1})
                 .bind(2, utc_now())
                 .run() ||
            !tx.commit()) {
            error = "migration " + std::to_string(version + 1) + " failed: " + last_error();
            return false;
        }
    }
}

// [SECTION] Transaction
Transaction::Transaction(Db& db) : db_(db) {
    begun_ = !db_.writes_refused() && db_.run_sql(db_.engine_->begin_sql());
    ++db_.transactions_;
}

Transaction::~Transaction() {
    --db_.transactions_;
    if (begun_ && !done_ && db_.engine_->in_transaction()) db_.run_sql("ROLLBACK");
}

bool Transaction::commit() {
    done_ = begun_ && !db_.writes_refused() && db_.run_sql("COMMIT");
    return done_;
}

}  // namespace openzro
