#include "server/oidc_issuer.h"

#include <map>
#include <vector>

#include "server/bounded_json.h"

namespace openzro {
namespace {

using json = nlohmann::json;

DiscoveryResult failure(const char* reason, std::string message) {
    DiscoveryResult r;
    r.reason = reason;
    r.message = std::move(message);
    return r;
}

// Reads a discovery document answered for `issuer` (RFC 8414 / OpenID Connect Discovery 1.0).
DiscoveryResult read_discovery(const std::string& issuer, const std::string& url,
                               const OutboundResponse& response) {
    if (!response.error.empty())
        return failure("unreachable", "could not reach " + url + ": " + response.error);
    if (response.status != 200)
        return failure("not_oidc", url + " answered HTTP " + std::to_string(response.status) +
                                       ", not an OpenID Connect discovery document");
    const auto doc = parse_bounded_json(response.body);
    if (!doc || !doc->is_object())
        return failure("not_oidc", url + " did not answer a JSON discovery document");
    DiscoveryResult r;
    OidcDiscovery& d = r.discovery;
    d.issuer = string_member(*doc, "issuer");
    d.authorization_endpoint = string_member(*doc, "authorization_endpoint");
    d.token_endpoint = string_member(*doc, "token_endpoint");
    d.jwks_uri = string_member(*doc, "jwks_uri");
    d.end_session_endpoint = string_member(*doc, "end_session_endpoint");
    d.userinfo_endpoint = string_member(*doc, "userinfo_endpoint");
    if (d.issuer.empty() || d.authorization_endpoint.empty() || d.token_endpoint.empty() ||
        d.jwks_uri.empty())
        return failure("not_oidc", url +
                                       " lacks issuer, authorization_endpoint, token_endpoint or "
                                       "jwks_uri: not an OpenID Connect provider");
    if (normalize_issuer(d.issuer) != normalize_issuer(issuer))
        return failure("issuer_mismatch", "the discovery document names the issuer " + d.issuer +
                                              ", not " + issuer +
                                              ": check the domain (custom authorization "
                                              "servers have their own issuer URL)");
    for (const std::string* endpoint : {&d.authorization_endpoint, &d.token_endpoint, &d.jwks_uri,
                                        &d.end_session_endpoint, &d.userinfo_endpoint}) {
        if (endpoint->empty()) continue;
        if (const std::string why = outbound_url_error(*endpoint); !why.empty())
            return failure("insecure",
                           "the provider's endpoint " + *endpoint + " is refused: " + why);
    }
    r.ok = true;
    return r;
}

}  // namespace

struct OidcIssuers::State : std::enable_shared_from_this<State> {
    using KeysDone = std::function<void(std::shared_ptr<const Jwks>, std::string error)>;

    struct Entry {
        std::optional<OidcDiscovery> discovery;
        std::int64_t discovery_at = 0;
        std::vector<DiscoveryDone> discovery_waiters;  // non-empty: a fetch is under way
        std::shared_ptr<const Jwks> jwks;
        std::int64_t jwks_at = 0;
        std::int64_t last_refresh = 0;  // of an unknown-kid refresh
        bool refreshed_once = false;
        std::vector<KeysDone> jwks_waiters;
    };

    State(OutboundHttp& h, const Clock& c, OidcIssuerOptions o) : http(h), clock(c), options(o) {}

    OutboundHttp& http;
    const Clock& clock;
    OidcIssuerOptions options;
    std::map<std::string, Entry> entries;  // by normalized issuer (configured ones only)

    void fetch_discovery(const std::string& issuer, DiscoveryDone done) {
        if (const std::string why = outbound_url_error(issuer); !why.empty()) {
            const bool http_scheme = issuer.rfind("http://", 0) == 0;
            return done(failure(http_scheme ? "insecure" : "not_oidc",
                                "the issuer " + issuer + " is refused: " + why));
        }
        OutboundRequest request;
        request.url = normalize_issuer(issuer) + "/.well-known/openid-configuration";
        request.headers = {{"Accept", "application/json"}};
        request.timeout_ms = options.timeout_ms;
        request.max_body = options.max_document;
        const std::string url = request.url;
        http.send(std::move(request),
                  [issuer, url, done = std::move(done)](const OutboundResponse& response) {
                      done(read_discovery(issuer, url, response));
                  });
    }

    void discovery(const std::string& issuer, DiscoveryDone done) {
        Entry& entry = entries[normalize_issuer(issuer)];
        const std::int64_t now = clock.now_s();
        if (entry.discovery && now - entry.discovery_at < options.cache_s) {
            DiscoveryResult r;
            r.ok = true;
            r.discovery = *entry.discovery;
            return done(std::move(r));
        }
        entry.discovery_waiters.push_back(std::move(done));
        if (entry.discovery_waiters.size() > 1) return;
        fetch_discovery(issuer, [weak = weak_from_this(),
                                 key = normalize_issuer(issuer)](const DiscoveryResult& result) {
            const auto self = weak.lock();
            if (!self) return;
            Entry& e = self->entries[key];
            if (result.ok) {
                if (e.discovery && e.discovery->jwks_uri != result.discovery.jwks_uri)
                    e.jwks.reset();
                e.discovery = result.discovery;
                e.discovery_at = self->clock.now_s();
            }
            for (auto& waiter : std::exchange(e.discovery_waiters, {})) waiter(result);
        });
    }

    // The issuer's keys: cached, or fetched anew when `refresh` or stale.
    void keys(const std::string& key, const std::string& jwks_uri, bool refresh, KeysDone done) {
        Entry& entry = entries[key];
        const std::int64_t now = clock.now_s();
        if (!refresh && entry.jwks && now - entry.jwks_at < options.cache_s)
            return done(entry.jwks, {});
        entry.jwks_waiters.push_back(std::move(done));
        if (entry.jwks_waiters.size() > 1) return;
        OutboundRequest request;
        request.url = jwks_uri;
        request.headers = {{"Accept", "application/json"}};
        request.timeout_ms = options.timeout_ms;
        request.max_body = options.max_document;
        http.send(std::move(request),
                  [weak = weak_from_this(), key, jwks_uri](const OutboundResponse& response) {
                      const auto self = weak.lock();
                      if (!self) return;
                      std::string error;
                      std::shared_ptr<const Jwks> jwks;
                      if (!response.error.empty()) {
                          error = "could not reach " + jwks_uri + ": " + response.error;
                      } else if (response.status != 200) {
                          error = jwks_uri + " answered HTTP " + std::to_string(response.status);
                      } else if (auto parsed = Jwks::parse(response.body, error)) {
                          jwks = std::make_shared<const Jwks>(std::move(*parsed));
                      } else {
                          error = jwks_uri + ": " + error;
                      }
                      Entry& e = self->entries[key];
                      if (jwks) {
                          e.jwks = jwks;
                          e.jwks_at = self->clock.now_s();
                      }
                      for (auto& waiter : std::exchange(e.jwks_waiters, {})) waiter(jwks, error);
                  });
    }

    // Verifies with the cached keys; an unknown kid refreshes them once per interval.
    void verify_with_keys(const std::string& key, const std::string& jwks_uri,
                          const std::string& token, const JwtExpectations& expect, bool refresh,
                          VerifyDone done) {
        keys(key, jwks_uri, refresh,
             [weak = weak_from_this(), key, jwks_uri, token, expect, refresh,
              done = std::move(done)](const std::shared_ptr<const Jwks>& jwks,
                                      const std::string& error) mutable {
                 const auto self = weak.lock();
                 if (!self) return;
                 if (!jwks) {
                     JwtCheck check;
                     check.unavailable = true;
                     check.error =
                         "the identity provider's signing keys are unavailable (" + error + ")";
                     return done(std::move(check));
                 }
                 const std::int64_t now = self->clock.now_s();
                 JwtCheck check = verify_jwt(token, *jwks, expect, now);
                 Entry& e = self->entries[key];
                 const bool may_refresh =
                     !e.refreshed_once || now - e.last_refresh >= self->options.refresh_interval_s;
                 if (check.unknown_kid && !refresh && may_refresh) {
                     e.refreshed_once = true;
                     e.last_refresh = now;
                     return self->verify_with_keys(key, jwks_uri, token, expect, true,
                                                   std::move(done));
                 }
                 done(std::move(check));
             });
    }
};

OidcIssuers::OidcIssuers(OutboundHttp& http, const Clock& clock, OidcIssuerOptions options)
    : state_(std::make_shared<State>(http, clock, options)) {}

OidcIssuers::~OidcIssuers() = default;

void OidcIssuers::discovery(const std::string& issuer, DiscoveryDone done) {
    state_->discovery(issuer, std::move(done));
}

void OidcIssuers::probe(const std::string& issuer, DiscoveryDone done) {
    state_->fetch_discovery(issuer, std::move(done));
}

void OidcIssuers::verify(const std::string& issuer, std::string token, JwtExpectations expect,
                         VerifyDone done) {
    // Shape and size first: a malformed or oversized token costs no outbound call.
    JwtCheck early;
    if (!decode_jwt(token, expect.max_token_size, early.error)) return done(std::move(early));
    state_->discovery(issuer, [weak = std::weak_ptr<State>(state_), issuer,
                               token = std::move(token), expect = std::move(expect),
                               done = std::move(done)](const DiscoveryResult& d) mutable {
        const auto self = weak.lock();
        if (!self) return;
        if (!d.ok) {
            JwtCheck check;
            check.unavailable = true;
            check.error = "the identity provider is unavailable: " + d.message;
            return done(std::move(check));
        }
        if (expect.issuer.empty()) expect.issuer = d.discovery.issuer;
        self->verify_with_keys(normalize_issuer(issuer), d.discovery.jwks_uri, token, expect, false,
                               std::move(done));
    });
}

std::string normalize_issuer(std::string_view issuer) {
    while (!issuer.empty() && issuer.back() == '/') issuer.remove_suffix(1);
    return std::string(issuer);
}

}  // namespace openzro
