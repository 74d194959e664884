// Routes one request to sign-in, the management API, SCIM or the static app, and adds what
// every answer carries (X-Request-Id, CORS for configured origins).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "server/auth.h"
#include "server/clock.h"
#include "server/http_types.h"
#include "server/jwt_bearer.h"
#include "server/management_api.h"
#include "server/oidc_issuer.h"
#include "server/outbound_http.h"
#include "server/scim_api.h"
#include "server/sign_in.h"
#include "server/static_files.h"
#include "server/store.h"

namespace openzro {

struct AppOptions {
    std::string public_url = "http://127.0.0.1:8080";  // no trailing slash
    std::vector<std::string> cors_origins;
    std::string web_root;
    std::string frame_ancestors = "'self'";  // CSP source list: who may frame our pages
    JwtBearerOptions jwt;
    // Outbound calls (OIDC discovery, JWKS, token exchange); null: none, such answers say so.
    OutboundHttp* outbound = nullptr;
    const Clock* clock = nullptr;  // null: the system clock
};

class App {
  public:
    App(Store& store, AppOptions options);
    Response handle(const Request& request);
    AuthGate& auth() { return auth_; }

  private:
    Response route(const Request& request);
    // What every answer carries, also one given later: CORS, X-Request-Id.
    void finish(const Request& request, Response& response) const;
    Response sign_in(const Request& request);
    Response scim(const Request& request);
    Response management(const Request& request);
    Response management_as(const Request& request, const ApiCaller& caller);
    void apply_cors(const Request& request, Response& response) const;

    Store& store_;
    AppOptions options_;
    AuthGate auth_;
    std::unique_ptr<OidcIssuers> issuers_;  // null without outbound calls
    JwtBearer jwt_bearer_;                  // Bearer JWTs of --jwt-issuer
    SignIn provider_sign_in_;               // /auth/*: providers, OIDC flow, sign-out
    ManagementApi management_;
    scim::ScimApi scim_;
    StaticFiles static_files_;
};

}  // namespace openzro
