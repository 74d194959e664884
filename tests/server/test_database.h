// The database a test's store opens. SQLite in the test's folder by default; with
// OPENZRO_TEST_ENGINE=postgres (CTest's "/postgres" copies of the server suites), a fresh
// schema in the database OPENZRO_TEST_POSTGRES names (scripts/test starts a throwaway cluster),
// dropped at the end. Without that URL the test process exits with 77 (CTest: skipped), or
// fails when OPENZRO_REQUIRE_POSTGRES=1 (scripts/test), so no run passes without its engine.
#pragma once
#include <string>
#include <utility>

namespace openzro::testing {

class TestDatabase {
  public:
    TestDatabase();
    // Joins the database of another TestDatabase (`url`), which stays its owner's to drop.
    explicit TestDatabase(std::string url) : url_(std::move(url)) {}
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;
    ~TestDatabase();

    static bool postgres();
    // What Store::open takes: "" for SQLite, else a postgresql:// URL.
    const std::string& url() const { return url_; }

  private:
    std::string schema_;
    std::string url_;
};

// Skip the calling test unless it runs on that engine (what it checks is the engine's own).
#define OPENZRO_SQLITE_ONLY() \
    if (::openzro::testing::TestDatabase::postgres()) GTEST_SKIP() << "SQLite only"
#define OPENZRO_POSTGRES_ONLY() \
    if (!::openzro::testing::TestDatabase::postgres()) GTEST_SKIP() << "PostgreSQL only"

}  // namespace openzro::testing
