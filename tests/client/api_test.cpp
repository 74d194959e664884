// The Api's behaviour over FakeHttpClient and ManualClock: what it sends, retries, timeouts,
// cancellation, the cache and the host callbacks.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace openzro::test {
namespace {

constexpr const char* kUsers = R"([{"id":"u1","email":"a@x.io","name":"A","role":"admin",
  "status":"active","auto_groups":[],"is_blocked":false,"pending_approval":false}])";

class ApiTest : public ::testing::Test, public ApiFixture {
  protected:
    RequestScope scope;
    std::optional<Outcome> out;
};

TEST_F(ApiTest, SendsAuthAccountAndRequestId) {
    ApiConfig c = config();
    c.account_id = "acc 1";
    Api with_account(c, http, clock);
    with_account.users(scope, capture<Api::Ref<std::vector<User>>>(out));
    const HttpRequest& r = http.last().request;
    EXPECT_EQ(r.url, "http://api.test/api/users?service_user=false&account=acc%201");
    EXPECT_EQ(r.headers.get("authorization"), "Token pat");
    EXPECT_EQ(r.headers.get("Accept"), "application/json");
    EXPECT_EQ(r.headers.get("X-Request-Id"), "req-1");
    EXPECT_EQ(r.headers.find("Content-Type"), nullptr);

    with_account.update_user(scope, "u1", UserRequest{"user", {}, false}, capture<User>(out));
    EXPECT_EQ(http.last().request.url, "http://api.test/api/users/u1?account=acc%201");
    EXPECT_EQ(http.last().request.headers.get("Content-Type"), "application/json");
    EXPECT_EQ(http.last().request.body, R"({"auto_groups":[],"is_blocked":false,"role":"user"})");
}

TEST_F(ApiTest, BearerAndSessionCookieAuth) {
    api.set_auth(Auth{Auth::Kind::kBearer, "jwt"});
    api.groups(scope, capture<Api::Ref<std::vector<Group>>>(out));
    EXPECT_EQ(http.last().request.headers.get("Authorization"), "Bearer jwt");
    api.set_auth(Auth{Auth::Kind::kSessionCookie, ""});
    api.groups(scope, capture<Api::Ref<std::vector<Group>>>(out));
    EXPECT_EQ(http.last().request.headers.find("Authorization"), nullptr);
    EXPECT_EQ(http.last().request.headers.get("X-OpenZro-Request"), "1");
    EXPECT_TRUE(http.last().request.with_credentials);
}

TEST_F(ApiTest, DeliversOnlyThroughTheTransportNeverInsideTheCall) {
    http.set_responder([](const HttpRequest&) { return answer(200, kUsers); });
    api.users(scope, capture<Api::Ref<std::vector<User>>>(out));
    EXPECT_FALSE(out);
    EXPECT_TRUE(api.busy());
    EXPECT_TRUE(scope.busy());
    http.deliver();
    ASSERT_TRUE(out && out->ok);
    EXPECT_FALSE(api.busy());
    EXPECT_EQ(wakes, 1);
}

TEST_F(ApiTest, RetriesReadsHonouringRetryAfter) {
    int calls = 0;
    http.set_responder([&](const HttpRequest&) {
        HttpResponse r = ++calls < 3 ? answer(429, "") : answer(200, kUsers);
        r.headers.set("Retry-After", "7");
        return r;
    });
    api.users(scope, capture<Api::Ref<std::vector<User>>>(out));
    http.deliver();
    clock.advance(6999);
    http.deliver();
    EXPECT_EQ(calls, 1);
    clock.advance(1);
    http.deliver();
    EXPECT_EQ(calls, 2);
    clock.advance(7000);
    http.deliver();
    ASSERT_TRUE(out);
    EXPECT_TRUE(out->ok) << out->error.summary();
    EXPECT_EQ(calls, 3);
}

TEST_F(ApiTest, BacksOffExponentiallyThenGivesUp) {
    http.set_responder([](const HttpRequest&) { return answer(503, ""); });
    api.groups(scope, capture<Api::Ref<std::vector<Group>>>(out));
    http.deliver();
    clock.advance(499);
    EXPECT_EQ(http.sent().size(), 1u);
    clock.advance(1);
    http.deliver();
    EXPECT_EQ(http.sent().size(), 2u);
    clock.advance(1000);
    http.deliver();
    EXPECT_EQ(http.sent().size(), 3u);
    ASSERT_TRUE(out);
    EXPECT_EQ(out->error.status, 503);
}

TEST_F(ApiTest, TooLongRetryAfterFailsAtOnce) {
    http.set_responder([](const HttpRequest&) {
        HttpResponse r = answer(429, R"({"message":"slow down"})");
        r.headers.set("retry-after", "3600");
        return r;
    });
    api.users(scope, capture<Api::Ref<std::vector<User>>>(out));
    http.deliver();
    ASSERT_TRUE(out);
    EXPECT_EQ(out->error.server_message, "slow down");
    EXPECT_EQ(out->error.detail, "retry after 3600 s");
    EXPECT_EQ(http.sent().size(), 1u);
}

TEST_F(ApiTest, WritesAreNeverRetried) {
    http.set_responder([](const HttpRequest&) { return answer(503, ""); });
    api.delete_user(scope, "u1", capture<Done>(out));
    http.deliver();
    ASSERT_TRUE(out);
    EXPECT_EQ(http.sent().size(), 1u);
    EXPECT_EQ(out->error.message, "The server is unavailable");
}

TEST_F(ApiTest, TimeoutCancelsTheTransportRequest) {
    api.delete_user(scope, "u1", capture<Done>(out));
    clock.advance(30000);
    ASSERT_TRUE(out);
    EXPECT_EQ(out->error.kind, ApiError::Kind::kTimeout);
    EXPECT_TRUE(http.last().cancelled);
    EXPECT_EQ(http.in_flight(), 0u);
}

TEST_F(ApiTest, CancelledScopeNeverDeliversEvenALateAnswer) {
    api.users(scope, capture<Api::Ref<std::vector<User>>>(out));
    const auto id = http.last().id;
    scope.cancel();
    EXPECT_FALSE(api.busy());
    EXPECT_TRUE(http.last().cancelled);
    http.respond(id, answer(200, kUsers));
    http.deliver();
    clock.advance(100000);
    EXPECT_FALSE(out);
    // The scope is usable again.
    http.set_responder([](const HttpRequest&) { return answer(200, kUsers); });
    api.users(scope, capture<Api::Ref<std::vector<User>>>(out));
    http.deliver();
    EXPECT_TRUE(out && out->ok);
}

TEST_F(ApiTest, DestroyedScopeCancelsDuringBackoff) {
    http.set_responder([](const HttpRequest&) { return answer(502, "<html>"); });
    {
        RequestScope page;
        api.users(page, capture<Api::Ref<std::vector<User>>>(out));
        http.deliver();  // first attempt failed: now waiting to retry
    }
    clock.advance(100000);
    http.deliver();
    EXPECT_FALSE(out);
    EXPECT_EQ(http.sent().size(), 1u);
}

TEST_F(ApiTest, OtherScopesAreUntouched) {
    RequestScope other;
    std::optional<Outcome> other_out;
    api.users(scope, capture<Api::Ref<std::vector<User>>>(out));
    api.groups(other, capture<Api::Ref<std::vector<Group>>>(other_out));
    scope.cancel();
    http.respond(http.last().id, answer(200, "[]"));
    http.deliver();
    EXPECT_FALSE(out);
    EXPECT_TRUE(other_out && other_out->ok);
}

// A clock that counts the turns asked of it (ManualClock runs a turn asked by a turn at once).
struct TurnCountingClock : ManualClock {
    int turns = 0;
    TimerId schedule(std::int64_t delay_ms, std::function<void()> fn) override {
        turns += delay_ms == 0 ? 1 : 0;
        return ManualClock::schedule(delay_ms, std::move(fn));
    }
};

// A long answer read a slice per clock turn: no single task reads all of it.
class SlicedApiTest : public ApiTest {
  protected:
    TurnCountingClock turns;
    Api sliced{[this] {
                   ApiConfig c = config();
                   c.read_slice_bytes = 100;
                   return c;
               }(),
               http, turns};
    Api::Ref<std::vector<User>> users;

    static std::string many_users(int n) {
        std::string list = "[";
        for (int i = 0; i < n; ++i)
            list += std::string(i ? "," : "") + R"({"id":"u)" + std::to_string(i) +
                    R"(","email":"a@x.io","name":"A","role":"user","status":"active",)"
                    R"("auto_groups":[],"is_blocked":false,"pending_approval":false})";
        return list + "]";
    }
};

TEST_F(SlicedApiTest, ALongAnswerIsReadOverSeveralClockTurns) {
    http.set_responder([](const HttpRequest&) { return answer(200, many_users(40)); });
    sliced.users(scope, capture(out, &users));
    http.deliver();
    EXPECT_FALSE(out);  // the first slice only
    EXPECT_TRUE(sliced.busy());
    turns.advance(0);
    ASSERT_TRUE(out && out->ok);
    EXPECT_GT(turns.turns, 40);  // 40 users of ~150 bytes, 100 bytes a turn
    ASSERT_EQ(users->size(), 40u);
    EXPECT_EQ(users->back().id, "u39");
    EXPECT_FALSE(sliced.busy());
    // Cached once read: the next cache-first read is the same list.
    std::optional<Outcome> again;
    Api::Ref<std::vector<User>> cached;
    sliced.users(scope, capture(again, &cached), Api::Freshness::kCacheFirst);
    turns.advance(0);
    EXPECT_EQ(cached, users);
}

TEST_F(SlicedApiTest, CancellingWhileReadingDeliversNothing) {
    http.set_responder([](const HttpRequest&) { return answer(200, many_users(40)); });
    sliced.users(scope, capture(out, &users));
    http.deliver();
    EXPECT_TRUE(scope.busy());
    scope.cancel();
    EXPECT_FALSE(sliced.busy());
    turns.advance(100000);
    EXPECT_FALSE(out);
}

TEST_F(SlicedApiTest, AnErrorFoundInALaterSliceIsAParseError) {
    std::string list = many_users(30);
    list.replace(list.rfind(R"("id":"u29")"), 10, R"("id":29)");
    http.set_responder([&](const HttpRequest&) { return answer(200, list); });
    sliced.users(scope, capture(out, &users));
    http.deliver();
    turns.advance(0);
    ASSERT_TRUE(out);
    EXPECT_EQ(out->error.kind, ApiError::Kind::kParse);
    EXPECT_EQ(out->error.detail, "[29].id: expected string, got number");
}

TEST(ApiLifetime, DestroyingTheApiCancelsEverything) {
    FakeHttpClient http;
    ManualClock clock;
    RequestScope scope;  // outlives the Api
    std::optional<Outcome> out;
    {
        Api api(ApiConfig{}, http, clock);
        api.users(scope, capture<Api::Ref<std::vector<User>>>(out));
    }
    EXPECT_EQ(http.in_flight(), 0u);
    clock.advance(100000);
    EXPECT_FALSE(out);
    scope.cancel();  // no Api any more: harmless
}

TEST_F(ApiTest, CallbackMayStartAndCancelRequests) {
    http.set_responder([](const HttpRequest&) { return answer(200, "[]"); });
    std::optional<Outcome> second;
    api.groups(scope, [&](const Result<Api::Ref<std::vector<Group>>>&) {
        scope.cancel();
        api.users(scope, capture<Api::Ref<std::vector<User>>>(second));
    });
    http.deliver();
    EXPECT_TRUE(second && second->ok);
}

TEST_F(ApiTest, UnauthorizedIsReportedOnceUntilASuccess) {
    int status = 401;
    http.set_responder([&](const HttpRequest&) { return answer(status, ""); });
    for (int i = 0; i < 3; ++i) api.users(scope, capture<Api::Ref<std::vector<User>>>(out));
    http.deliver();
    EXPECT_EQ(unauthorized, 1);
    EXPECT_EQ(out->error.message, "Session expired");
    status = 200;
    api.groups(scope, capture<Api::Ref<std::vector<Group>>>(out));
    http.deliver();
    status = 401;
    api.groups(scope, capture<Api::Ref<std::vector<Group>>>(out));
    http.deliver();
    EXPECT_EQ(unauthorized, 2);
}

TEST_F(ApiTest, CacheServesReadsUntilAWriteSucceeds) {
    http.set_responder([](const HttpRequest& r) {
        return r.method == "GET" ? answer(200, kUsers) : answer(200, "");
    });
    Api::Ref<std::vector<User>> first;
    api.users(scope, capture<Api::Ref<std::vector<User>>>(out, &first));
    http.deliver();
    ASSERT_TRUE(first);
    EXPECT_EQ(api.cached_users(), first);

    // Cache first: no request, delivered asynchronously, the same shared value.
    Api::Ref<std::vector<User>> second;
    out.reset();
    api.users(scope, capture<Api::Ref<std::vector<User>>>(out, &second),
              Api::Freshness::kCacheFirst);
    EXPECT_FALSE(out);
    clock.advance(0);
    EXPECT_EQ(second, first);
    EXPECT_EQ(http.sent().size(), 1u);

    const auto version = api.data_version();
    api.delete_user(scope, "u1", capture<Done>(out));
    http.deliver();
    EXPECT_EQ(api.data_version(), version + 1);
    EXPECT_EQ(api.cached_users(), nullptr);
    api.users(scope, capture<Api::Ref<std::vector<User>>>(out), Api::Freshness::kCacheFirst);
    EXPECT_EQ(http.sent().size(), 3u);  // refetched
}

TEST_F(ApiTest, AReadThatRacesAWriteIsNotCached) {
    api.users(scope, capture<Api::Ref<std::vector<User>>>(out));
    const auto read = http.last().id;
    std::optional<Outcome> w;
    api.delete_user(scope, "u1", capture<Done>(w));
    http.respond(http.last().id, answer(200, ""));
    http.deliver();
    http.respond(read, answer(200, kUsers));
    http.deliver();
    EXPECT_TRUE(out && out->ok);
    EXPECT_EQ(api.cached_users(), nullptr);
}

TEST_F(ApiTest, LogsAreNeverCached) {
    http.set_responder([](const HttpRequest&) { return answer(200, "[]"); });
    api.scim_logs(scope, 9007199254740993,
                  capture<Api::Ref<std::vector<IdpIntegrationSyncLog>>>(out));
    http.deliver();
    EXPECT_EQ(http.last().request.url,
              "http://api.test/api/integrations/okta-scim-idp/9007199254740993/logs");
    api.scim_logs(scope, 1, capture<Api::Ref<std::vector<IdpIntegrationSyncLog>>>(out));
    EXPECT_EQ(http.sent().size(), 2u);
}

TEST_F(ApiTest, ErrorSummaryHasEverything) {
    http.set_responder([](const HttpRequest&) {
        HttpResponse r = answer(
            403, R"({"message":"only integration service user can delete this user","code":403})");
        r.headers.set("X-Request-Id", "srv-42");
        return r;
    });
    api.delete_user(scope, "u1", capture<Done>(out));
    http.deliver();
    ASSERT_TRUE(out);
    EXPECT_EQ(out->error.summary(),
              "Not allowed: only integration service user can delete this user (HTTP 403, request "
              "srv-42)");
}

TEST_F(ApiTest, RequestIdsAreRandomByDefault) {
    ApiConfig c;
    Api plain(c, http, clock);
    plain.groups(scope, capture<Api::Ref<std::vector<Group>>>(out));
    plain.groups(scope, capture<Api::Ref<std::vector<Group>>>(out));
    const std::string a = http.sent()[0].request.headers.get("X-Request-Id");
    const std::string b = http.sent()[1].request.headers.get("X-Request-Id");
    EXPECT_EQ(a.size(), 19u);
    EXPECT_EQ(a.rfind("oz-", 0), 0u);
    EXPECT_NE(a, b);
    EXPECT_EQ(http.sent()[0].request.url, "/api/groups");  // same origin
}

}  // namespace
}  // namespace openzro::test
