// Index of this file:
//   Errors as the UI shows them
//   Core: requests in flight, retries, timeouts, cache
//   RequestScope
//   Api: one line per endpoint over get() and write()
//   State

#include "client/api.h"

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <type_traits>

#include "client/model_json.h"
#include "client/text.h"

namespace openzro {

// [SECTION] Errors as the UI shows them

namespace {

std::string short_message(ApiError::Kind kind, int status) {
    switch (kind) {
        case ApiError::Kind::kNetwork:
            return "Cannot reach the server";
        case ApiError::Kind::kTimeout:
            return "The server did not answer in time";
        case ApiError::Kind::kUnauthorized:
            return "Session expired";
        case ApiError::Kind::kParse:
            return "Unexpected answer from the server";
        case ApiError::Kind::kTooLarge:
            return "The answer is too large";
        case ApiError::Kind::kHttp:
            break;
    }
    switch (status) {
        case 400:
            return "The server rejected the request";
        case 403:
            return "Not allowed";
        case 404:
            return "Not found";
        case 409:
            return "Conflicts with the current state";
        case 422:
            return "Invalid input";
        case 429:
            return "Too many requests; try again later";
        case 502:
        case 503:
        case 504:
            return "The server is unavailable";
        default:
            break;
    }
    return status >= 500 ? "Server error" : "Request failed (HTTP " + std::to_string(status) + ")";
}

ApiError make_error(ApiError::Kind kind, int status, std::string request_id, std::string detail) {
    ApiError e;
    e.kind = kind;
    e.status = status;
    e.message = short_message(kind, status);
    e.detail = std::move(detail);
    e.request_id = std::move(request_id);
    return e;
}

ApiError parse_error(int status, const std::string& request_id, const JsonError& error) {
    return make_error(ApiError::Kind::kParse, status, request_id, error.message());
}

constexpr std::size_t kMaxServerMessage = 300;  // a message is a line, not a page

bool retryable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
}

// Retry-After in seconds; an HTTP date is left to the backoff.
std::optional<std::int64_t> retry_after_ms(const HttpResponse& r) {
    const std::string* v = r.headers.find("Retry-After");
    const std::optional<std::int64_t> seconds = v ? parse_digits(*v, 9) : std::nullopt;
    if (!seconds) return std::nullopt;
    return *seconds * 1000;
}

std::function<std::string()> random_request_ids() {
    auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
    return [engine] {
        static const char* hex = "0123456789abcdef";
        std::uint64_t bits = (*engine)();
        std::string id = "oz-";
        for (int i = 0; i < 16; ++i, bits >>= 4) id += hex[bits & 15U];
        return id;
    };
}

}  // namespace

// [SECTION] Core: requests in flight, retries, timeouts, cache

struct ScopeState {
    std::weak_ptr<ApiCore> core;
    std::size_t in_flight = 0;
};

class ApiCore : public std::enable_shared_from_this<ApiCore> {
  public:
    // What a call does with its answer. One small class per answer type rather than three
    // std::function wrappers a call: those made a third of the client's code in the wasm.
    struct Answer {
        virtual ~Answer() = default;
        // 2xx: reads a slice of the answer, true once it is read; ok() runs then. A large
        // answer is read over several tasks (clock turns), so none holds the UI thread for long.
        virtual bool read(HttpResponse&) { return true; }
        virtual void ok(HttpResponse& r, const std::string& request_id) = 0;
        virtual void fail(ApiError e) = 0;
        // A read's cached value (the type the read caches), delivered instead of a request.
        virtual void hit(const std::shared_ptr<const void>&) {}
    };

    struct Call {
        std::string method;
        std::string path;  // from the server's root (/api/..., /auth/...), with its own query
        std::string body;
        bool idempotent = false;  // retried; a success does not invalidate the cache
        std::unique_ptr<Answer> answer;
    };

    ApiCore(ApiConfig config, HttpClient& http, Clock& clock)
        : config_(std::move(config)), http_(http), clock_(clock) {
        if (!config_.make_request_id) config_.make_request_id = random_request_ids();
        while (!config_.base_url.empty() && config_.base_url.back() == '/') {
            config_.base_url.pop_back();
        }
    }

    void start(RequestScope& scope, Call call) {
        const std::uint64_t id = add(scope);
        Pending& p = pending_.at(id);
        p.request_id = config_.make_request_id();
        p.call = std::move(call);
        attempt(id);
    }

    // Delivers a cached answer asynchronously, like any other, so cancellation still holds.
    void start_cached(RequestScope& scope, std::unique_ptr<Answer> answer,
                      std::shared_ptr<const void> value) {
        const std::uint64_t id = add(scope);
        Pending& p = pending_.at(id);
        p.call.answer = std::move(answer);
        p.timer = clock_.schedule(0, [self = weak_from_this(), id, value = std::move(value)] {
            auto core = self.lock();
            if (!core) return;
            core->finish(id, [answer = std::move(core->pending_.at(id).call.answer), value] {
                answer->hit(value);
            });
        });
    }

    void cancel_scope(const ScopeState* scope) {
        for (auto it = pending_.begin(); it != pending_.end();) {
            if (it->second.scope.get() == scope) {
                stop(it->second);
                it = pending_.erase(it);
            } else {
                ++it;
            }
        }
    }

    void cancel_all() {
        for (auto& [id, p] : pending_) stop(p);
        pending_.clear();
    }

    std::shared_ptr<ScopeState> scope_state(RequestScope& scope) {
        if (scope.state_ && scope.state_->core.lock().get() != this) scope.cancel();
        if (!scope.state_) {
            scope.state_ = std::make_shared<ScopeState>();
            scope.state_->core = weak_from_this();
        }
        return scope.state_;
    }

    std::shared_ptr<const void> cached(const std::string& path) const {
        const auto it = cache_.find(path);
        return it == cache_.end() ? nullptr : it->second;
    }
    // Keeps a read unless a write succeeded since it started.
    void cache(const std::string& path, std::shared_ptr<const void> value, std::uint64_t version) {
        if (version == version_) cache_[path] = std::move(value);
    }

    ApiConfig config_;
    std::uint64_t version_ = 0;
    std::map<std::string, std::shared_ptr<const void>> cache_;
    bool busy() const { return !pending_.empty(); }

  private:
    struct Pending {
        std::shared_ptr<ScopeState> scope;
        Call call;
        std::string request_id;
        HttpClient::RequestId http = 0;  // 0: not on the wire
        Clock::TimerId timer = 0;        // timeout, backoff, cached delivery or the next slice
        int attempts = 0;
        HttpResponse answer;  // 2xx, while call.read reads it
    };

    std::uint64_t add(RequestScope& scope) {
        const std::uint64_t id = next_id_++;
        Pending p;
        p.scope = scope_state(scope);
        ++p.scope->in_flight;
        pending_.emplace(id, std::move(p));
        return id;
    }

    void stop(Pending& p) {
        if (p.http) http_.cancel(p.http);
        if (p.timer) clock_.cancel(p.timer);
        --p.scope->in_flight;
    }

    HttpRequest build(const Pending& p) const {
        HttpRequest r;
        r.method = p.call.method;
        r.url = config_.base_url + p.call.path;
        if (!config_.account_id.empty() && p.call.path.rfind("/api/", 0) == 0) {
            r.url += p.call.path.find('?') == std::string::npos ? "?" : "&";
            r.url += "account=" + percent_encode(config_.account_id);
        }
        r.headers.set("Accept", "application/json");
        if (!p.call.body.empty()) r.headers.set("Content-Type", "application/json");
        r.headers.set("X-Request-Id", p.request_id);
        switch (config_.auth.kind) {
            case Auth::Kind::kNone:
                break;
            case Auth::Kind::kBearer:
                r.headers.set("Authorization", "Bearer " + config_.auth.secret);
                break;
            case Auth::Kind::kToken:
                r.headers.set("Authorization", "Token " + config_.auth.secret);
                break;
            case Auth::Kind::kSessionCookie:
                r.headers.set("X-OpenZro-Request", "1");
                r.with_credentials = true;
                break;
        }
        r.body = p.call.body;
        r.timeout_ms = static_cast<int>(std::min<std::int64_t>(config_.timeout_ms, 1 << 30));
        return r;
    }

    void attempt(std::uint64_t id) {
        Pending& p = pending_.at(id);
        ++p.attempts;
        auto self = weak_from_this();
        p.http = http_.send(build(p), [self, id](HttpResponse r) {
            if (auto core = self.lock()) core->on_response(id, std::move(r));
        });
        p.timer = clock_.schedule(config_.timeout_ms, [self, id] {
            if (auto core = self.lock()) core->on_timer(id);
        });
    }

    void on_timer(std::uint64_t id) {
        const auto it = pending_.find(id);
        if (it == pending_.end()) return;
        Pending& p = it->second;
        p.timer = 0;
        if (p.http == 0) return attempt(id);  // the backoff is over
        http_.cancel(p.http);
        p.http = 0;
        retry_or_fail(id, make_error(ApiError::Kind::kTimeout, 0, p.request_id, ""), nullptr);
    }

    void on_response(std::uint64_t id, HttpResponse r) {
        const auto it = pending_.find(id);
        if (it == pending_.end()) return;
        Pending& p = it->second;
        clock_.cancel(p.timer);
        p.timer = 0;
        p.http = 0;
        std::string request_id = r.headers.get("X-Request-Id");
        if (request_id.empty()) request_id = p.request_id;

        if (r.status == 0) {
            return retry_or_fail(
                id, make_error(ApiError::Kind::kNetwork, 0, std::move(request_id), r.error), &r);
        }
        if (r.body.size() > config_.max_body_bytes) {
            return fail(id, make_error(ApiError::Kind::kTooLarge, r.status, std::move(request_id),
                                       std::to_string(r.body.size()) + " bytes"));
        }
        if (r.status >= 200 && r.status < 300) {
            if (!p.call.idempotent) {
                cache_.clear();
                ++version_;
            }
            unauthorized_reported_ = false;
            p.request_id = std::move(request_id);
            p.answer = std::move(r);
            return read_answer(id);
        }
        ApiError e = http_error(r, std::move(request_id));
        if (r.status == 401) {
            const bool first = !unauthorized_reported_;
            unauthorized_reported_ = true;
            if (first && config_.on_unauthorized) config_.on_unauthorized();
            return fail(id, std::move(e));
        }
        if (retryable(r.status)) return retry_or_fail(id, std::move(e), &r);
        fail(id, std::move(e));
    }

    void read_answer(std::uint64_t id) {
        Pending& p = pending_.at(id);
        p.timer = 0;
        if (!p.call.answer->read(p.answer)) {
            p.timer = clock_.schedule(0, [self = weak_from_this(), id] {
                if (auto core = self.lock()) core->read_answer(id);
            });
            return;
        }
        finish(id, [answer = std::move(p.call.answer), r = std::move(p.answer),
                    request_id = p.request_id]() mutable { answer->ok(r, request_id); });
    }

    static ApiError http_error(const HttpResponse& r, std::string request_id) {
        const auto kind = r.status == 401 ? ApiError::Kind::kUnauthorized : ApiError::Kind::kHttp;
        ApiError e = make_error(kind, r.status, std::move(request_id), "");
        ErrorBody body;
        if (!read_json(r.body, body)) {
            e.server_message = body.message.substr(0, kMaxServerMessage);
        } else if (!r.body.empty()) {
            e.detail = "non-JSON body";
            const std::string type = r.headers.get("Content-Type");
            if (!type.empty()) e.detail += " (" + type.substr(0, 64) + ")";
        }
        return e;
    }

    void retry_or_fail(std::uint64_t id, ApiError error, const HttpResponse* r) {
        Pending& p = pending_.at(id);
        const RetryPolicy& policy = config_.retry;
        if (!p.call.idempotent || p.attempts >= policy.max_attempts)
            return fail(id, std::move(error));
        std::int64_t delay = policy.base_delay_ms << std::min(p.attempts - 1, 20);
        delay = std::min(delay, policy.max_delay_ms);
        if (const auto after = r ? retry_after_ms(*r) : std::nullopt) {
            if (*after > policy.max_retry_after_ms) {
                error.detail = "retry after " + std::to_string(*after / 1000) + " s";
                return fail(id, std::move(error));
            }
            delay = *after;
        }
        p.timer = clock_.schedule(delay, [self = weak_from_this(), id] {
            if (auto core = self.lock()) core->on_timer(id);
        });
    }

    void fail(std::uint64_t id, ApiError error) {
        finish(id, [answer = std::move(pending_.at(id).call.answer),
                    error = std::move(error)]() mutable { answer->fail(std::move(error)); });
    }

    // Forgets the request, then delivers: the callback may start, cancel or destroy anything.
    // By value on purpose: the caller may move it out of the very entry erased here.
    // NOLINTNEXTLINE(performance-unnecessary-value-param)
    template <class Deliver>
    void finish(std::uint64_t id, Deliver deliver) {
        const auto it = pending_.find(id);
        --it->second.scope->in_flight;
        pending_.erase(it);
        auto keep_alive = shared_from_this();
        deliver();
        if (config_.wake) config_.wake();
    }

    HttpClient& http_;
    Clock& clock_;
    std::map<std::uint64_t, Pending> pending_;
    std::uint64_t next_id_ = 1;
    bool unauthorized_reported_ = false;
};

// [SECTION] RequestScope

RequestScope& RequestScope::operator=(RequestScope&& other) noexcept {
    if (this != &other) {
        cancel();
        state_ = std::move(other.state_);
    }
    return *this;
}

void RequestScope::cancel() {
    if (!state_) return;
    if (auto core = state_->core.lock()) core->cancel_scope(state_.get());
    state_.reset();
}

bool RequestScope::busy() const {
    return state_ && state_->in_flight > 0;
}

// [SECTION] Api: one line per endpoint over get() and write()

namespace {
constexpr const char* kUsersPath = "/api/users?service_user=false";
constexpr const char* kUserPath = "/api/users";
constexpr const char* kCurrentUserPath = "/api/users/current";
constexpr const char* kAccountsPath = "/api/accounts";
constexpr const char* kGroupsPath = "/api/groups";
constexpr const char* kIdpPath = "/api/identity-providers";
constexpr const char* kScimPath = "/api/integrations/okta-scim-idp";

std::string under(const char* base, std::string_view id) {
    return std::string(base) + "/" + percent_encode(id);
}
std::string under(const char* base, std::int64_t id) {
    return std::string(base) + "/" + std::to_string(id);
}
}  // namespace

Api::Api(ApiConfig config, HttpClient& http, Clock& clock)
    : core_(std::make_shared<ApiCore>(std::move(config), http, clock)) {}

Api::~Api() {
    core_->cancel_all();
}

namespace {

// A read's answer: read a slice at a time into the model, cached, handed to the caller.
template <class T>
class ReadAnswer final : public ApiCore::Answer {
  public:
    ReadAnswer(ApiCore& core, std::string path, bool cacheable, Api::Callback<Api::Ref<T>> done)
        : core_(core),
          path_(std::move(path)),
          cacheable_(cacheable),
          version_(core.version_),
          done_(std::move(done)) {}

    bool read(HttpResponse& r) override {
        if (!slices_) slices_.emplace(read_json_slices(r.body, *value_));
        return slices_->step(core_.config_.read_slice_bytes);
    }
    void ok(HttpResponse& r, const std::string& request_id) override {
        const std::optional<JsonError> error = slices_->error();
        slices_.reset();
        if (error) return done_(parse_error(r.status, request_id, *error));
        std::string().swap(r.body);  // the models replace the text before the UI gets them
        if (cacheable_) core_.cache(path_, value_, version_);
        done_(Api::Ref<T>(std::move(value_)));
    }
    void fail(ApiError e) override { done_(std::move(e)); }
    void hit(const std::shared_ptr<const void>& value) override {
        done_(std::static_pointer_cast<const T>(value));
    }

  private:
    ApiCore& core_;  // outlives its calls: they end before it does
    std::string path_;
    bool cacheable_;
    std::uint64_t version_;  // the cache's when the read started
    Api::Callback<Api::Ref<T>> done_;
    std::shared_ptr<T> value_ = std::make_shared<T>();
    std::optional<JsonSlices> slices_;  // over the answer's text, kept across slices
};

// A write's answer: the model the server sends back (none for Done).
template <class T>
class WriteAnswer final : public ApiCore::Answer {
  public:
    explicit WriteAnswer(Api::Callback<T> done) : done_(std::move(done)) {}

    void ok(HttpResponse& r, const std::string& request_id) override {
        if constexpr (std::is_same_v<T, Done>) {
            done_(Done{});
        } else {
            T value;
            if (auto error = read_json(r.body, value))
                return done_(parse_error(r.status, request_id, *error));
            done_(std::move(value));
        }
    }
    void fail(ApiError e) override { done_(std::move(e)); }

  private:
    Api::Callback<T> done_;
};

}  // namespace

template <class T>
void Api::get(RequestScope& scope, const std::string& path, Callback<Ref<T>> done,
              Freshness freshness, bool cacheable) {
    auto answer = std::make_unique<ReadAnswer<T>>(*core_, path, cacheable, std::move(done));
    if (freshness == Freshness::kCacheFirst) {
        if (auto hit = core_->cached(path)) {
            core_->start_cached(scope, std::move(answer), std::move(hit));
            return;
        }
    }
    ApiCore::Call call;
    call.method = "GET";
    call.path = path;
    call.idempotent = true;
    call.answer = std::move(answer);
    core_->start(scope, std::move(call));
}

template <class T>
void Api::write(RequestScope& scope, const char* method, std::string path, std::string body,
                Callback<T> done, bool idempotent) {
    ApiCore::Call call;
    call.method = method;
    call.idempotent = idempotent;
    call.path = std::move(path);
    call.body = std::move(body);
    call.answer = std::make_unique<WriteAnswer<T>>(std::move(done));
    core_->start(scope, std::move(call));
}

void Api::current_user(RequestScope& scope, Callback<Ref<CurrentUser>> done, Freshness freshness) {
    get<CurrentUser>(scope, kCurrentUserPath, std::move(done), freshness);
}
void Api::users(RequestScope& scope, Callback<Ref<std::vector<User>>> done, Freshness freshness) {
    get<std::vector<User>>(scope, kUsersPath, std::move(done), freshness);
}
void Api::update_user(RequestScope& scope, const std::string& id, const UserRequest& request,
                      Callback<User> done) {
    write<User>(scope, "PUT", under(kUserPath, id), write_json(request), std::move(done));
}
void Api::delete_user(RequestScope& scope, const std::string& id, Callback<Done> done) {
    write<Done>(scope, "DELETE", under(kUserPath, id), "", std::move(done));
}
void Api::approve_user(RequestScope& scope, const std::string& id, Callback<User> done) {
    write<User>(scope, "PUT", under(kUserPath, id) + "/approve", "", std::move(done));
}
void Api::reject_user(RequestScope& scope, const std::string& id, Callback<Done> done) {
    write<Done>(scope, "DELETE", under(kUserPath, id) + "/reject", "", std::move(done));
}
void Api::accounts(RequestScope& scope, Callback<Ref<std::vector<Account>>> done,
                   Freshness freshness) {
    get<std::vector<Account>>(scope, kAccountsPath, std::move(done), freshness);
}
void Api::update_account(RequestScope& scope, const std::string& id, const AccountRequest& request,
                         Callback<Account> done) {
    write<Account>(scope, "PUT", under(kAccountsPath, id), write_json(request), std::move(done));
}
void Api::groups(RequestScope& scope, Callback<Ref<std::vector<Group>>> done, Freshness freshness) {
    get<std::vector<Group>>(scope, kGroupsPath, std::move(done), freshness);
}
void Api::identity_providers(RequestScope& scope, Callback<Ref<std::vector<IdentityProvider>>> done,
                             Freshness freshness) {
    get<std::vector<IdentityProvider>>(scope, kIdpPath, std::move(done), freshness);
}
void Api::identity_provider(RequestScope& scope, const std::string& id,
                            Callback<Ref<IdentityProvider>> done, Freshness freshness) {
    get<IdentityProvider>(scope, under(kIdpPath, id), std::move(done), freshness);
}
void Api::create_identity_provider(RequestScope& scope, const IdentityProviderRequest& request,
                                   Callback<IdentityProvider> done) {
    write<IdentityProvider>(scope, "POST", kIdpPath, write_json(request), std::move(done));
}
void Api::update_identity_provider(RequestScope& scope, const std::string& id,
                                   const IdentityProviderRequest& request,
                                   Callback<IdentityProvider> done) {
    write<IdentityProvider>(scope, "PUT", under(kIdpPath, id), write_json(request),
                            std::move(done));
}
void Api::delete_identity_provider(RequestScope& scope, const std::string& id,
                                   Callback<Done> done) {
    write<Done>(scope, "DELETE", under(kIdpPath, id), "", std::move(done));
}
void Api::test_identity_provider(RequestScope& scope, const IdentityProviderTestRequest& request,
                                 Callback<IdentityProviderTestResult> done) {
    write<IdentityProviderTestResult>(scope, "POST", std::string(kIdpPath) + "/test",
                                      write_json(request), std::move(done), true);
}
void Api::auth_providers(RequestScope& scope, Callback<Ref<std::vector<AuthProvider>>> done) {
    get<std::vector<AuthProvider>>(scope, "/auth/providers", std::move(done), Freshness::kNetwork,
                                   false);
}
void Api::auth_config(RequestScope& scope, Callback<Ref<AuthConfig>> done) {
    get<AuthConfig>(scope, "/auth/config", std::move(done), Freshness::kNetwork, false);
}
void Api::logout(RequestScope& scope, Callback<Done> done) {
    write<Done>(scope, "POST", "/auth/logout", "", std::move(done));
}
void Api::scim_integrations(RequestScope& scope,
                            Callback<Ref<std::vector<OktaScimIntegration>>> done,
                            Freshness freshness) {
    get<std::vector<OktaScimIntegration>>(scope, kScimPath, std::move(done), freshness);
}
void Api::scim_integration(RequestScope& scope, std::int64_t id,
                           Callback<Ref<OktaScimIntegration>> done, Freshness freshness) {
    get<OktaScimIntegration>(scope, under(kScimPath, id), std::move(done), freshness);
}
void Api::create_scim_integration(RequestScope& scope,
                                  const CreateOktaScimIntegrationRequest& request,
                                  Callback<OktaScimIntegration> done) {
    write<OktaScimIntegration>(scope, "POST", kScimPath, write_json(request), std::move(done));
}
void Api::update_scim_integration(RequestScope& scope, std::int64_t id,
                                  const UpdateOktaScimIntegrationRequest& request,
                                  Callback<OktaScimIntegration> done) {
    write<OktaScimIntegration>(scope, "PUT", under(kScimPath, id), write_json(request),
                               std::move(done));
}
void Api::delete_scim_integration(RequestScope& scope, std::int64_t id, Callback<Done> done) {
    write<Done>(scope, "DELETE", under(kScimPath, id), "", std::move(done));
}
void Api::regenerate_scim_token(RequestScope& scope, std::int64_t id,
                                Callback<ScimTokenResponse> done) {
    write<ScimTokenResponse>(scope, "POST", under(kScimPath, id) + "/token", "", std::move(done));
}
void Api::scim_logs(RequestScope& scope, std::int64_t id,
                    Callback<Ref<std::vector<IdpIntegrationSyncLog>>> done) {
    get<std::vector<IdpIntegrationSyncLog>>(scope, under(kScimPath, id) + "/logs", std::move(done),
                                            Freshness::kNetwork, false);
}

// [SECTION] State

bool Api::busy() const {
    return core_->busy();
}
std::uint64_t Api::data_version() const {
    return core_->version_;
}
void Api::set_auth(Auth auth) {
    core_->config_.auth = std::move(auth);
}
Api::Ref<std::vector<User>> Api::cached_users() const {
    return std::static_pointer_cast<const std::vector<User>>(core_->cached(kUsersPath));
}

}  // namespace openzro
