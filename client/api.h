// The management API as the admin UI uses it (../shared/docs/API.md): one asynchronous call per
// endpoint, results delivered on the UI thread through the HttpClient and Clock given, typed
// errors, per-page cancellation, timeouts, retries of reads, and a small cache of reads.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "client/api_error.h"
#include "client/clock.h"
#include "client/http.h"
#include "client/model.h"

namespace openzro {

struct Auth {
    enum class Kind {
        kNone,
        kBearer,         // Authorization: Bearer <OIDC access token>
        kToken,          // Authorization: Token <personal access token>
        kSessionCookie,  // same-origin cookie + X-OpenZro-Request: 1 (CSRF guard)
    };
    Kind kind = Kind::kNone;
    std::string secret;  // the token; unused for kNone and kSessionCookie
};

struct RetryPolicy {
    int max_attempts = 3;              // of an idempotent read, first one included
    std::int64_t base_delay_ms = 500;  // doubled each retry
    std::int64_t max_delay_ms = 8000;
    std::int64_t max_retry_after_ms = 60000;  // a longer Retry-After fails the call instead
};

struct ApiConfig {
    std::string base_url;  // "" for same origin, or "http://127.0.0.1:8080"
    Auth auth;
    std::string account_id;           // adds ?account=<id> when not empty
    std::int64_t timeout_ms = 30000;  // per attempt
    RetryPolicy retry;
    std::size_t max_body_bytes = std::size_t{64} << 20;
    // A longer answer is read a slice of this many bytes per clock turn (Clock::schedule(0)),
    // so that no task holds the UI thread for long.
    std::size_t read_slice_bytes = std::size_t{2} << 20;
    std::function<void()> wake;                    // a result was delivered: schedule a frame
    std::function<void()> on_unauthorized;         // the first 401 since the last success
    std::function<std::string()> make_request_id;  // default: "oz-" + 16 random hex digits
};

class ApiCore;
struct ScopeState;

// The requests of one page. Cancelling or destroying it guarantees that none of their
// callbacks runs afterwards; the scope stays usable for new requests. May outlive the Api.
class RequestScope {
  public:
    RequestScope() = default;
    ~RequestScope() { cancel(); }
    RequestScope(RequestScope&&) noexcept = default;
    RequestScope& operator=(RequestScope&& other) noexcept;
    RequestScope(const RequestScope&) = delete;
    RequestScope& operator=(const RequestScope&) = delete;

    void cancel();
    bool busy() const;  // requests of this scope in flight

  private:
    friend class ApiCore;
    std::shared_ptr<ScopeState> state_;
};

class Api {
  public:
    template <class T>
    using Ref = std::shared_ptr<const T>;  // reads are shared with the cache, never copied
    template <class T>
    using Callback = std::function<void(Result<T>)>;
    enum class Freshness { kNetwork, kCacheFirst };

    // http and clock must outlive the Api.
    Api(ApiConfig config, HttpClient& http, Clock& clock);
    ~Api();  // cancels everything: no callback runs afterwards
    Api(const Api&) = delete;
    Api& operator=(const Api&) = delete;

    // [SECTION] Users
    void current_user(RequestScope& scope, Callback<Ref<CurrentUser>> done,
                      Freshness freshness = Freshness::kNetwork);
    void users(RequestScope& scope, Callback<Ref<std::vector<User>>> done,
               Freshness freshness = Freshness::kNetwork);  // GET /users?service_user=false
    void update_user(RequestScope& scope, const std::string& id, const UserRequest& request,
                     Callback<User> done);
    void delete_user(RequestScope& scope, const std::string& id, Callback<Done> done);
    // A user who joined by email domain while the account requires approval.
    void approve_user(RequestScope& scope, const std::string& id, Callback<User> done);
    void reject_user(RequestScope& scope, const std::string& id, Callback<Done> done);

    // [SECTION] Accounts (always a list of one)
    void accounts(RequestScope& scope, Callback<Ref<std::vector<Account>>> done,
                  Freshness freshness = Freshness::kNetwork);
    void update_account(RequestScope& scope, const std::string& id, const AccountRequest& request,
                        Callback<Account> done);

    // [SECTION] Groups
    void groups(RequestScope& scope, Callback<Ref<std::vector<Group>>> done,
                Freshness freshness = Freshness::kNetwork);

    // [SECTION] Identity providers
    void identity_providers(RequestScope& scope, Callback<Ref<std::vector<IdentityProvider>>> done,
                            Freshness freshness = Freshness::kNetwork);
    void identity_provider(RequestScope& scope, const std::string& id,
                           Callback<Ref<IdentityProvider>> done,
                           Freshness freshness = Freshness::kNetwork);
    void create_identity_provider(RequestScope& scope, const IdentityProviderRequest& request,
                                  Callback<IdentityProvider> done);
    void update_identity_provider(RequestScope& scope, const std::string& id,
                                  const IdentityProviderRequest& request,
                                  Callback<IdentityProvider> done);
    void delete_identity_provider(RequestScope& scope, const std::string& id, Callback<Done> done);
    // Discovery at the issuer, before anything is saved: changes nothing, so retried like a read.
    void test_identity_provider(RequestScope& scope, const IdentityProviderTestRequest& request,
                                Callback<IdentityProviderTestResult> done);

    // [SECTION] Sign-in (/auth, outside /api)
    void auth_providers(RequestScope& scope, Callback<Ref<std::vector<AuthProvider>>> done);
    void auth_config(RequestScope& scope, Callback<Ref<AuthConfig>> done);
    void logout(RequestScope& scope, Callback<Done> done);  // the session cookie is revoked

    // [SECTION] Okta SCIM integrations
    void scim_integrations(RequestScope& scope,
                           Callback<Ref<std::vector<OktaScimIntegration>>> done,
                           Freshness freshness = Freshness::kNetwork);
    void scim_integration(RequestScope& scope, std::int64_t id,
                          Callback<Ref<OktaScimIntegration>> done,
                          Freshness freshness = Freshness::kNetwork);
    void create_scim_integration(RequestScope& scope,
                                 const CreateOktaScimIntegrationRequest& request,
                                 Callback<OktaScimIntegration> done);
    void update_scim_integration(RequestScope& scope, std::int64_t id,
                                 const UpdateOktaScimIntegrationRequest& request,
                                 Callback<OktaScimIntegration> done);
    void delete_scim_integration(RequestScope& scope, std::int64_t id, Callback<Done> done);
    // Breaks the token pasted into Okta: only when the admin asks.
    void regenerate_scim_token(RequestScope& scope, std::int64_t id,
                               Callback<ScimTokenResponse> done);
    void scim_logs(RequestScope& scope, std::int64_t id,
                   Callback<Ref<std::vector<IdpIntegrationSyncLog>>> done);  // never cached

    // [SECTION] State, for tests that check the client's bookkeeping from outside: nothing left
    // in flight, the cache dropped after a write, one Api's headers under each kind of auth.
    bool busy() const;                   // requests in flight
    std::uint64_t data_version() const;  // grows after every successful write: refetch then
    void set_auth(Auth auth);
    // The last successful users list still valid (nullptr after a write or before any read).
    Ref<std::vector<User>> cached_users() const;

  private:
    template <class T>
    void get(RequestScope& scope, const std::string& path, Callback<Ref<T>> done,
             Freshness freshness, bool cacheable = true);
    template <class T>
    void write(RequestScope& scope, const char* method, std::string path, std::string body,
               Callback<T> done, bool idempotent = false);

    std::shared_ptr<ApiCore> core_;
};

}  // namespace openzro
