// An in-process server for tests: a fresh data folder, the owner's access token, one Okta
// SCIM integration, and calls that go through the same App the binary serves.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "server/app.h"
#include "server/clock.h"
#include "server/http_types.h"
#include "server/store.h"
#include "tests/server/fake_outbound.h"
#include "tests/server/test_database.h"

namespace openzro::testing {

using json = nlohmann::json;

// Outbound calls go to `outbound()` and time is `clock()`, unless `options` names others.
class TestServer {
  public:
    explicit TestServer(const AppOptions& options = {}, bool with_integration = true);
    // Another replica of `first`: its own Store and App on the same database and data folder
    // (the key file), with the same tokens. The folder and the database stay `first`'s.
    struct ReplicaOf {
        const TestServer& first;
    };
    explicit TestServer(ReplicaOf replica);
    ~TestServer();

    // An answer given `later` is waited for: the fake outbound delivers its answers, and a
    // request to a hanging route times out (FakeOutbound::fire_timeouts).
    Response call(const std::string& method, const std::string& target,
                  const std::string& body = "",
                  const std::map<std::string, std::string>& headers = {});
    // Management API with the owner's access token.
    Response api(const std::string& method, const std::string& target, const json& body = nullptr);
    // SCIM as Okta sends it (Bearer token, scim+json body, Okta's User-Agent).
    Response scim(const std::string& method, const std::string& target, const json& body = nullptr);

    Store& store() { return *store_; }
    FakeOutbound& outbound() { return outbound_; }
    ManualClock& clock() { return clock_; }
    App& app() { return *app_; }
    const std::string& pat() const { return pat_; }
    const std::string& scim_token() const { return scim_token_; }
    std::int64_t integration_id() const { return integration_id_; }
    const std::filesystem::path& dir() const { return dir_; }
    const std::string& database_url() const { return database_.url(); }

  private:
    Response wait_for_later(const Response& pending);

    FakeOutbound outbound_;
    ManualClock clock_;
    std::filesystem::path dir_;
    bool owns_dir_ = true;
    TestDatabase database_;
    std::unique_ptr<Store> store_;
    std::unique_ptr<App> app_;
    std::string pat_;
    std::string scim_token_;
    std::int64_t integration_id_ = 0;
};

json body_of(const Response& response);
// A string member of a JSON object, or "".
std::string string_field(const json& object, const char* key);

// An Okta-shaped user creation body.
json okta_user(const std::string& user_name, const std::string& given = "Jane",
               const std::string& family = "Doe", const std::string& external_id = "00u1abcd");

std::filesystem::path make_temp_dir();

// The value of the cookie an answer sets (its first Set-Cookie).
std::string session_from(const Response& r);

}  // namespace openzro::testing
