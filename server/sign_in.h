// Signing in to the app through a configured identity provider (OIDC authorization code flow
// with PKCE, issue 13) and signing out:
//   GET  /auth/providers        public: [{"id","name","type"}] for the sign-in screen
//   GET  /auth/config           public: the URIs to register in the provider's app
//   GET  /auth/oidc/login       ?idp=<id>&return_to=<#/app route>: 302 to the provider
//   GET  /auth/oidc/callback    ?code&state (or ?error): a session cookie and 302 to the app,
//                               or 302 to /#/sign-in?error=<code> and no session
//   POST /auth/logout           session cookie + X-OpenZro-Request: 1; 204, session revoked
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "server/auth.h"
#include "server/clock.h"
#include "server/http_types.h"
#include "server/oidc_issuer.h"
#include "server/outbound_http.h"
#include "server/pending_logins.h"
#include "server/store.h"

namespace openzro {

// The cookie that ties a callback to the browser that started the sign-in (login CSRF).
inline constexpr const char* kLoginCookie = "openzro_login";

struct SignInDeps {
    Store& store;
    AuthGate& auth;
    OidcIssuers* issuers;    // null: no outbound calls, so no provider sign-in
    OutboundHttp* outbound;  // for the token exchange
    const Clock& clock;
    std::string public_url;  // no trailing slash
};

class SignIn {
  public:
    explicit SignIn(SignInDeps deps);
    SignIn(const SignIn&) = delete;
    SignIn& operator=(const SignIn&) = delete;

    // The answer for one of the paths above, or nullopt for any other path.
    std::optional<Response> handle(const Request& request);
    PendingLogins& pending() { return pending_; }

  private:
    struct Flow;  // one callback on its way through discovery, token exchange and checks

    Response providers();
    Response config();
    Response logout(const Request& request);
    Response login(const Request& request);
    Response callback(const Request& request);
    void exchange(const std::shared_ptr<Flow>& flow, const OidcDiscovery& discovery);
    void check_id_token(const std::shared_ptr<Flow>& flow, const OidcDiscovery& discovery,
                        std::string id_token);
    Response signed_in(const Flow& flow, const nlohmann::json& claims);
    bool https() const;

    SignInDeps deps_;
    PendingLogins pending_;
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // outlives nothing: see callbacks
};

// `return_to` if it is an app hash route ("#/team/users?x=1"), else "#/integrations".
std::string safe_return_to(const std::optional<std::string>& return_to);

}  // namespace openzro
