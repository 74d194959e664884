// The database layer is honest and exclusive (issue 12, points 12-15 and 20): a transaction that
// did not begin writes nothing, storage failures answer 503 with Retry-After and leave nothing
// half-written, start-up refuses empty or corrupt databases, and secrets are encrypted at rest.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>

#include "tests/server/test_server.h"

namespace openzro::testing {
namespace {

namespace fs = std::filesystem;

// A second connection to the same database file, as another process would hold it.
class OtherConnection {
  public:
    explicit OtherConnection(const fs::path& db_path) {
        sqlite3_open_v2(db_path.c_str(), &handle_, SQLITE_OPEN_READWRITE, nullptr);
    }
    OtherConnection(const OtherConnection&) = delete;
    OtherConnection& operator=(const OtherConnection&) = delete;
    ~OtherConnection() { sqlite3_close(handle_); }

    bool exec(const std::string& sql) {
        return sqlite3_exec(handle_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    // The first column of the first row as text, or "".
    std::string text(const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        std::string out;
        sqlite3_prepare_v2(handle_, sql.c_str(), -1, &stmt, nullptr);
        if (stmt && sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
            out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
        return out;
    }

  private:
    sqlite3* handle_ = nullptr;
};

// A temporary folder removed when the test ends, also when an ASSERT ends it early.
struct TempDir {
    TempDir() = default;
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() { fs::remove_all(path); }
    fs::path path = make_temp_dir();
};

fs::path db_path(const TestServer& server) {
    return server.dir() / "openzro.db";
}

unsigned mode_of(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
    return st.st_mode & 0777U;
}

void expect_unavailable(const Response& r) {
    EXPECT_EQ(r.status, 503) << r.body;
    EXPECT_FALSE(r.header("Retry-After").empty());
}

// Every test gets a folder of its own (those through a TestServer use the server's) and the
// error of the last open there.
class Storage : public ::testing::Test {
  protected:
    std::unique_ptr<Store> open_store() { return Store::open(dir.string(), {}, error); }

    const TempDir temp{};  // before the Db or Store a test opens in it, so it goes after them
    const fs::path& dir = temp.path;
    std::string error;
};

const json kIdp = {{"type", "okta"},
                   {"name", "Okta"},
                   {"issuer", "https://acme.okta.com"},
                   {"client_id", "0oa123"},
                   {"client_secret", "super-secret-value"}};

// [SECTION] Transactions (point 12)
TEST_F(Storage, WritesAfterAFailedBeginAreRefusedNotAutocommitted) {
    auto db = Db::open((dir / "t.db").string(), error);
    ASSERT_TRUE(db) << error;
    ASSERT_TRUE(db->exec("CREATE TABLE t (v INTEGER)"));
    {
        OtherConnection other(dir / "t.db");
        ASSERT_TRUE(other.exec("BEGIN IMMEDIATE"));
        Transaction tx(*db);
        ASSERT_TRUE(other.exec("COMMIT"));  // the lock is free again before the write
        EXPECT_FALSE(db->prepare("INSERT INTO t (v) VALUES (1)").run());
        EXPECT_FALSE(tx.commit());
    }
    {
        auto count = db->prepare("SELECT COUNT(*) FROM t");
        ASSERT_TRUE(count.step());
        EXPECT_EQ(count.integer(0), 0);
    }
}

TEST_F(Storage, ScimCreateWhileTheDatabaseIsLockedAnswers503AndStoresNothing) {
    TestServer server;
    {
        OtherConnection other(db_path(server));
        ASSERT_TRUE(other.exec("BEGIN IMMEDIATE"));
        expect_unavailable(server.scim("POST", "/Users", okta_user("locked@example.com")));
        ASSERT_TRUE(other.exec("COMMIT"));
    }
    const Response found =
        server.scim("GET", "/Users?filter=userName%20eq%20%22locked@example.com%22");
    ASSERT_EQ(found.status, 200) << found.body;
    EXPECT_EQ(body_of(found)["totalResults"], 0);
    // The lock is gone: the same request succeeds now.
    EXPECT_EQ(server.scim("POST", "/Users", okta_user("locked@example.com")).status, 201);
}

// [SECTION] Storage failures (point 15)
TEST_F(Storage, ReadOnlyDatabaseAnswers503AndLogsCodeAndPathButNoValues) {
    TestServer server;
    ASSERT_TRUE(server.store().db().exec("PRAGMA query_only = 1"));
    ::testing::internal::CaptureStderr();
    const Response r = server.api("POST", "/api/groups", {{"name", "group-name-value"}});
    const std::string log = ::testing::internal::GetCapturedStderr();
    expect_unavailable(r);
    EXPECT_NE(log.find(db_path(server).string()), std::string::npos) << log;
    EXPECT_NE(log.find("SQLITE_READONLY"), std::string::npos) << log;
    EXPECT_EQ(log.find("group-name-value"), std::string::npos) << log;
    server.store().db().begin_request();
    ASSERT_TRUE(server.store().db().exec("PRAGMA query_only = 0"));
    EXPECT_EQ(server.api("GET", "/api/groups").body.find("group-name-value"), std::string::npos);
}

TEST_F(Storage, FullDiskAnswers503AndLeavesNothingHalfWritten) {
    TestServer server;
    OtherConnection other(db_path(server));
    const std::string pages = other.text("PRAGMA page_count");
    ASSERT_FALSE(pages.empty());
    ASSERT_TRUE(server.store().db().exec(("PRAGMA max_page_count = " + pages).c_str()));
    json user = okta_user("full@example.com");
    user["nickName"] = std::string(8000, 'n');  // over a page: needs new pages
    ::testing::internal::CaptureStderr();
    const Response r = server.scim("POST", "/Users", user);
    const std::string log = ::testing::internal::GetCapturedStderr();
    expect_unavailable(r);
    EXPECT_NE(log.find("SQLITE_FULL"), std::string::npos) << log;
    server.store().db().begin_request();  // as the next request does
    ASSERT_TRUE(server.store().db().exec("PRAGMA max_page_count = 1073741823"));
    EXPECT_EQ(other.text("SELECT COUNT(*) FROM users WHERE email = 'full@example.com'"), "0");
    EXPECT_EQ(other.text("SELECT COUNT(*) FROM sync_logs WHERE message LIKE '%full@example.com%'"),
              "0");
}

// [SECTION] Start-up checks (point 14)
TEST_F(Storage, AnEmptyDatabaseFileIsAnErrorNotANewAccount) {
    std::ofstream(dir / "openzro.db").close();
    EXPECT_FALSE(open_store());
    EXPECT_NE(error.find((dir / "openzro.db").string()), std::string::npos) << error;
    EXPECT_EQ(fs::file_size(dir / "openzro.db"), 0U);
}

TEST_F(Storage, ACorruptDatabaseIsReportedWithItsPathAndRefused) {
    {
        auto store = open_store();
        ASSERT_TRUE(store) << error;
        ASSERT_TRUE(store->seed_users(2000));
    }
    const fs::path path = dir / "openzro.db";
    const auto size = fs::file_size(path);
    ASSERT_GT(size, 16U * 4096U);
    {
        // Scribble over a page in the middle of the users table.
        std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(static_cast<std::streamoff>(size / 2 / 4096 * 4096 + 8));
        const std::string junk(3000, '\x5a');
        file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    EXPECT_FALSE(open_store());
    EXPECT_NE(error.find(path.string()), std::string::npos) << error;
    EXPECT_NE(error.find("corrupt"), std::string::npos) << error;
}

// [SECTION] Secrets and files at rest (point 20)
TEST_F(Storage, ClientSecretIsEncryptedAtRestAndReadBackInTheClear) {
    TestServer server;
    const Response created = server.api("POST", "/api/identity-providers", kIdp);
    ASSERT_EQ(created.status, 200) << created.body;
    const std::string id = body_of(created)["id"];
    OtherConnection other(db_path(server));
    const std::string stored =
        other.text("SELECT client_secret FROM identity_providers WHERE id = '" + id + "'");
    EXPECT_FALSE(stored.empty());
    EXPECT_EQ(stored.find("super-secret-value"), std::string::npos) << stored;
    EXPECT_EQ(server.store().identity_provider(id)->client_secret, "super-secret-value");
    EXPECT_EQ(server.store().identity_providers().front().client_secret, "super-secret-value");
}

TEST_F(Storage, DatabaseAndKeyFilesAreOwnerOnly) {
    TestServer server;
    EXPECT_EQ(mode_of(db_path(server)), 0600U);
    EXPECT_EQ(mode_of(server.dir() / "openzro.key"), 0600U);
}

TEST_F(Storage, APlaintextSecretIsEncryptedOnTheNextStart) {
    ASSERT_TRUE(open_store()) << error;
    {
        OtherConnection other(dir / "openzro.db");
        ASSERT_TRUE(other.exec(
            "INSERT INTO identity_providers (id, type, name, issuer, client_id, client_secret, "
            "created_at) VALUES ('old', 'okta', 'Okta', 'https://a', 'c', 'plain-old-secret', "
            "'2026-01-01T00:00:00Z')"));
    }
    auto store = open_store();
    ASSERT_TRUE(store) << error;
    EXPECT_EQ(store->identity_provider("old")->client_secret, "plain-old-secret");
    OtherConnection other(dir / "openzro.db");
    EXPECT_EQ(
        other.text("SELECT client_secret FROM identity_providers WHERE id = 'old'").find("plain"),
        std::string::npos);
}

TEST_F(Storage, AMissingKeyWithEncryptedSecretsIsAStartUpError) {
    {
        auto store = open_store();
        ASSERT_TRUE(store) << error;
        IdentityProviderRecord idp{"", "okta", "Okta", "https://a", "c", "secret-value", ""};
        ASSERT_TRUE(store->save_identity_provider(idp));
    }
    fs::remove(dir / "openzro.key");
    EXPECT_FALSE(open_store());
    EXPECT_NE(error.find((dir / "openzro.key").string()), std::string::npos) << error;
}

TEST_F(Storage, SyncLogsKeepABoundedNumberOfEntriesPerIntegration) {
    TestServer server;
    for (int i = 0; i < 1200; ++i)
        ASSERT_TRUE(server.store().add_sync_log(server.integration_id(), "info",
                                                "entry " + std::to_string(i)));
    OtherConnection other(db_path(server));
    const int kept = std::stoi(other.text("SELECT COUNT(*) FROM sync_logs WHERE integration_id = " +
                                          std::to_string(server.integration_id())));
    EXPECT_GE(kept, Store::kSyncLogsKept);
    EXPECT_LT(kept, Store::kSyncLogsKept + Store::kSyncLogTrimEvery);
    EXPECT_EQ(server.store().sync_logs(server.integration_id()).front().message, "entry 1199");
}

}  // namespace
}  // namespace openzro::testing
