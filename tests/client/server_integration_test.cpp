// The Api over BeastHttpClient against the real reference server (openzro-server), started on
// a free port with a fresh data directory. Skipped when the build has no server target.
#include <chrono>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "api_fixture.h"
#include "client/beast_http_client.h"
#include "support/server_process.h"

namespace openzro::test {
namespace {

// One openzro-server process for the lifetime of the object.
class Server : public test_support::ServerProcess {
  public:
    explicit Server(const std::vector<std::string>& extra = {})
        : ServerProcess(OPENZRO_SERVER_BINARY, extra) {}
    bool up() const { return ready() && test_support::port_accepts(port()); }
    const std::string& url() const { return origin(); }
    const std::string& token() const { return owner_token(); }

  private:
    int port() const { return std::stoi(origin().substr(origin().rfind(':') + 1)); }
};

// The Api as a native host runs it: Beast transport, loop clock, polled from "the UI thread".
struct Client {
    BeastHttpClient http;
    LoopClock clock;
    int unauthorized = 0;
    Api api;

    Client(const std::string& url, const std::string& token)
        : api(config(url, token), http, clock) {}

    ApiConfig config(const std::string& url, const std::string& token) {
        ApiConfig c;
        c.base_url = url;
        c.auth = Auth{Auth::Kind::kToken, token};
        c.timeout_ms = 20000;
        c.on_unauthorized = [this] { ++unauthorized; };
        return c;
    }

    template <class T>
    Result<T> wait(const std::function<void(Api::Callback<T>)>& call) {
        std::optional<Result<T>> out;
        call([&](Result<T> r) { out.emplace(std::move(r)); });
        for (int i = 0; i < 30000 && !out; ++i) {
            http.poll();
            clock.poll();
            if (!out) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        if (!out) return ApiError{ApiError::Kind::kTimeout, 0, "test gave up", "", "", ""};
        return std::move(*out);
    }
};

class ServerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        if (std::string(OPENZRO_SERVER_BINARY).empty()) GTEST_SKIP() << "no openzro-server target";
        ASSERT_TRUE(server.up()) << "openzro-server did not start";
    }
    Server server{{"--seed-users", "3"}};
    Client c{server.url(), server.token()};
    RequestScope scope;
};

TEST_F(ServerTest, CurrentUserUsersAndGroups) {
    auto me = c.wait<Api::Ref<CurrentUser>>([&](auto cb) { c.api.current_user(scope, cb); });
    ASSERT_TRUE(me.ok()) << me.error().summary();
    EXPECT_EQ(me.value()->role, "owner");
    EXPECT_TRUE(me.value()->is_current);
    EXPECT_TRUE(can(*me.value(), "users", "read"));

    auto users = c.wait<Api::Ref<std::vector<User>>>([&](auto cb) { c.api.users(scope, cb); });
    ASSERT_TRUE(users.ok()) << users.error().summary();
    EXPECT_GE(users.value()->size(), 4u);
    EXPECT_EQ(c.api.cached_users(), users.value());

    auto groups = c.wait<Api::Ref<std::vector<Group>>>([&](auto cb) { c.api.groups(scope, cb); });
    ASSERT_TRUE(groups.ok()) << groups.error().summary();
}

TEST_F(ServerTest, UpdateAndDeleteUserInvalidateTheCache) {
    auto users = c.wait<Api::Ref<std::vector<User>>>([&](auto cb) { c.api.users(scope, cb); });
    ASSERT_TRUE(users.ok()) << users.error().summary();
    const auto other = std::find_if(users.value()->begin(), users.value()->end(),
                                    [](const User& u) { return u.role != "owner"; });
    ASSERT_NE(other, users.value()->end());
    const std::uint64_t version = c.api.data_version();

    auto updated = c.wait<User>([&](auto cb) {
        c.api.update_user(scope, other->id, UserRequest{"admin", {}, true}, cb);
    });
    ASSERT_TRUE(updated.ok()) << updated.error().summary();
    EXPECT_EQ(updated.value().role, "admin");
    EXPECT_TRUE(updated.value().is_blocked);
    EXPECT_GT(c.api.data_version(), version);
    EXPECT_EQ(c.api.cached_users(), nullptr);

    auto deleted = c.wait<Done>([&](auto cb) { c.api.delete_user(scope, other->id, cb); });
    ASSERT_TRUE(deleted.ok()) << deleted.error().summary();
    auto again = c.wait<Api::Ref<std::vector<User>>>([&](auto cb) { c.api.users(scope, cb); });
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value()->size(), users.value()->size() - 1);
}

TEST_F(ServerTest, OwnerCannotBeDeleted) {
    auto me = c.wait<Api::Ref<CurrentUser>>([&](auto cb) { c.api.current_user(scope, cb); });
    ASSERT_TRUE(me.ok());
    auto r = c.wait<Done>([&](auto cb) { c.api.delete_user(scope, me.value()->id, cb); });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ApiError::Kind::kHttp);
    EXPECT_GE(r.error().status, 400);
    EXPECT_FALSE(r.error().server_message.empty());
    EXPECT_FALSE(r.error().request_id.empty());
}

TEST_F(ServerTest, IdentityProviderLifecycle) {
    const IdentityProviderRequest req{"okta", "Okta", "https://acme.okta.com", "cid", "secret", ""};
    auto created =
        c.wait<IdentityProvider>([&](auto cb) { c.api.create_identity_provider(scope, req, cb); });
    ASSERT_TRUE(created.ok()) << created.error().summary();
    const std::string id = created.value().id;
    ASSERT_FALSE(id.empty());
    EXPECT_EQ(created.value().type, "okta");

    auto one = c.wait<Api::Ref<IdentityProvider>>(
        [&](auto cb) { c.api.identity_provider(scope, id, cb); });
    ASSERT_TRUE(one.ok()) << one.error().summary();
    EXPECT_EQ(one.value()->issuer, "https://acme.okta.com");

    IdentityProviderRequest renamed = req;
    renamed.name = "Okta SSO";
    auto updated = c.wait<IdentityProvider>(
        [&](auto cb) { c.api.update_identity_provider(scope, id, renamed, cb); });
    ASSERT_TRUE(updated.ok()) << updated.error().summary();
    EXPECT_EQ(updated.value().name, "Okta SSO");

    auto list = c.wait<Api::Ref<std::vector<IdentityProvider>>>(
        [&](auto cb) { c.api.identity_providers(scope, cb); });
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list.value()->size(), 1u);

    ASSERT_TRUE(c.wait<Done>([&](auto cb) { c.api.delete_identity_provider(scope, id, cb); }).ok());
    auto gone = c.wait<Api::Ref<IdentityProvider>>(
        [&](auto cb) { c.api.identity_provider(scope, id, cb); });
    ASSERT_FALSE(gone.ok());
    EXPECT_EQ(gone.error().status, 404);
}

TEST_F(ServerTest, ScimIntegrationLifecycle) {
    CreateOktaScimIntegrationRequest req;
    req.connection_name = "okta";
    req.group_prefixes = {"Eng"};
    auto created = c.wait<OktaScimIntegration>(
        [&](auto cb) { c.api.create_scim_integration(scope, req, cb); });
    ASSERT_TRUE(created.ok()) << created.error().summary();
    const std::int64_t id = created.value().id;
    EXPECT_FALSE(is_masked_token(created.value().auth_token));

    auto read = c.wait<Api::Ref<OktaScimIntegration>>(
        [&](auto cb) { c.api.scim_integration(scope, id, cb); });
    ASSERT_TRUE(read.ok()) << read.error().summary();
    EXPECT_TRUE(is_masked_token(read.value()->auth_token));
    EXPECT_EQ(read.value()->group_prefixes, std::vector<std::string>{"Eng"});

    auto token =
        c.wait<ScimTokenResponse>([&](auto cb) { c.api.regenerate_scim_token(scope, id, cb); });
    ASSERT_TRUE(token.ok()) << token.error().summary();
    EXPECT_NE(token.value().auth_token, created.value().auth_token);

    UpdateOktaScimIntegrationRequest off;
    off.enabled = false;
    auto updated = c.wait<OktaScimIntegration>(
        [&](auto cb) { c.api.update_scim_integration(scope, id, off, cb); });
    ASSERT_TRUE(updated.ok()) << updated.error().summary();
    EXPECT_FALSE(updated.value().enabled);
    EXPECT_EQ(updated.value().group_prefixes, std::vector<std::string>{"Eng"});  // untouched

    auto logs = c.wait<Api::Ref<std::vector<IdpIntegrationSyncLog>>>(
        [&](auto cb) { c.api.scim_logs(scope, id, cb); });
    ASSERT_TRUE(logs.ok()) << logs.error().summary();

    auto list = c.wait<Api::Ref<std::vector<OktaScimIntegration>>>(
        [&](auto cb) { c.api.scim_integrations(scope, cb); });
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list.value()->size(), 1u);
    ASSERT_TRUE(c.wait<Done>([&](auto cb) { c.api.delete_scim_integration(scope, id, cb); }).ok());
}

TEST_F(ServerTest, WrongTokenIsReportedOnceAsSessionExpired) {
    c.api.set_auth(Auth{Auth::Kind::kToken, "nbp_wrong"});
    for (int i = 0; i < 2; ++i) {
        auto me = c.wait<Api::Ref<CurrentUser>>([&](auto cb) { c.api.current_user(scope, cb); });
        ASSERT_FALSE(me.ok());
        EXPECT_EQ(me.error().kind, ApiError::Kind::kUnauthorized);
        EXPECT_EQ(me.error().status, 401);
        EXPECT_FALSE(me.error().request_id.empty());
    }
    EXPECT_EQ(c.unauthorized, 1);
}

TEST_F(ServerTest, CancelledScopeNeverDelivers) {
    int delivered = 0;
    {
        RequestScope page;
        c.api.users(page, [&](auto) { ++delivered; });
        c.api.groups(page, [&](auto) { ++delivered; });
    }
    EXPECT_FALSE(c.api.busy());
    for (int i = 0; i < 300; ++i) {
        c.http.poll();
        c.clock.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    EXPECT_EQ(delivered, 0);
}

TEST(ServerDown, ConnectionRefusedIsANetworkError) {
    Client c("http://127.0.0.1:" + std::to_string(test_support::free_port()), "x");
    RequestScope scope;
    auto me = c.wait<Api::Ref<CurrentUser>>([&](auto cb) { c.api.current_user(scope, cb); });
    ASSERT_FALSE(me.ok());
    EXPECT_EQ(me.error().kind, ApiError::Kind::kNetwork);
    EXPECT_EQ(me.error().status, 0);
    EXPECT_FALSE(me.error().detail.empty());
}

TEST(BeastHttpClient, HttpsAndRelativeUrlsFailAsNetworkErrorsOnPoll) {
    BeastHttpClient http;
    std::vector<HttpResponse> got;
    for (const char* url : {"https://example.com/api/users", "/api/users", "http://"}) {
        HttpRequest r;
        r.url = url;
        http.send(r, [&](HttpResponse response) { got.push_back(std::move(response)); });
    }
    EXPECT_TRUE(got.empty());  // never inside send()
    http.poll();
    ASSERT_EQ(got.size(), 3u);
    for (const auto& r : got) {
        EXPECT_EQ(r.status, 0);
        EXPECT_NE(r.error.find("unsupported URL"), std::string::npos);
    }
}

TEST(ServerLarge, HundredThousandUsersOverHttp) {
    if (std::string(OPENZRO_SERVER_BINARY).empty()) GTEST_SKIP() << "no openzro-server target";
    Server server({"--seed-users", "100000"});
    ASSERT_TRUE(server.up());
    Client c(server.url(), server.token());
    RequestScope scope;
    const auto start = std::chrono::steady_clock::now();
    auto users = c.wait<Api::Ref<std::vector<User>>>([&](auto cb) { c.api.users(scope, cb); });
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    ASSERT_TRUE(users.ok()) << users.error().summary();
    EXPECT_GE(users.value()->size(), 100000u);
    std::printf("100,000 users over HTTP into models: %lld ms\n", static_cast<long long>(ms));
}

}  // namespace
}  // namespace openzro::test
