#include "server/app.h"

#include <algorithm>

#include "server/crypto.h"

namespace openzro {
namespace {

constexpr const char* kScimPrefix = "/api/scim/v2";

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

Response plain(int status, const std::string& text) {
    Response r;
    r.status = status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = text;
    return r;
}

const Clock& clock_of(const AppOptions& options) {
    return options.clock ? *options.clock : SystemClock::instance();
}

// The database could not serve this request (busy, full, read-only, I/O): nothing was stored,
// and the client may retry.
Response storage_unavailable(const Request& request) {
    const std::string detail = "the server cannot reach its storage right now; retry later";
    Response r = request.path.rfind(kScimPrefix, 0) == 0 ? scim::error_response(503, "", detail)
                                                         : api_error(503, detail);
    r.set_header("Retry-After", "1");
    r.set_header("Cache-Control", "no-store");
    return r;
}

}  // namespace

App::App(Store& store, AppOptions options)
    : store_(store),
      options_(std::move(options)),
      auth_(store, clock_of(options_)),
      issuers_(options_.outbound
                   ? std::make_unique<OidcIssuers>(*options_.outbound, clock_of(options_))
                   : nullptr),
      jwt_bearer_(store, issuers_.get(), options_.jwt),
      provider_sign_in_({store, auth_, issuers_.get(), options_.outbound, clock_of(options_),
                         options_.public_url}),
      management_(store, issuers_.get()),
      scim_(store, options_.public_url + kScimPrefix),
      static_files_(options_.web_root, options_.frame_ancestors) {
    management_.warm_listing();
}

Response App::handle(const Request& request) {
    store_.db().begin_request();
    Response response = route(request);
    if (!response.later && store_.db().unavailable()) response = storage_unavailable(request);
    if (response.later) {
        response.later = [this, request,
                          inner = std::move(response.later)](Response::Answer answer) {
            inner([this, request, answer = std::move(answer)](Response final_response) {
                finish(request, final_response);
                answer(std::move(final_response));
            });
        };
        return response;
    }
    finish(request, response);
    return response;
}

void App::finish(const Request& request, Response& response) const {
    // A page sets its own policy (static_files); nothing else is a document to run or frame.
    if (response.header("Content-Security-Policy").empty())
        response.set_header("Content-Security-Policy",
                            "default-src 'none'; frame-ancestors " + options_.frame_ancestors);
    response.set_header("X-Content-Type-Options", "nosniff");
    apply_cors(request, response);
    response.set_header("X-Request-Id", crypto::random_hex(8));
}

Response App::route(const Request& request) {
    if (request.method == "OPTIONS") {
        Response r;
        r.status = 204;
        return r;
    }
    if (request.path == "/auth/one-time") return sign_in(request);
    if (auto answer = provider_sign_in_.handle(request)) return std::move(*answer);
    if (request.path == kScimPrefix || starts_with(request.path, std::string(kScimPrefix) + "/"))
        return scim(request);
    if (request.path == "/api" || starts_with(request.path, "/api/")) return management(request);
    if (static_files_.enabled()) return static_files_.serve(request);
    if (request.path == "/")
        return plain(200, "openZro management server: no --web-root given, so no app to serve.\n");
    return plain(404, "not found\n");
}

Response App::sign_in(const Request& request) {
    const auto code = request.param("code");
    const auto session = code ? auth_.redeem_sign_in_code(*code) : std::nullopt;
    if (!session) {
        Response r = plain(401,
                           "This sign-in link is invalid, expired or used already. Restart the "
                           "server for a new one.\n");
        r.delay_ms = auth_.note_failure(request.remote);
        return r;
    }
    Response r;
    r.status = 302;
    r.set_header("Location", "/");
    const bool https = starts_with(options_.public_url, "https://");
    r.set_header("Set-Cookie", session_cookie(*session, https));
    r.set_header("Cache-Control", "no-store");
    return r;
}

Response App::scim(const Request& request) {
    auto integration = auth_.authenticate_scim(request);
    if (!integration) {
        Response r = scim::error_response(401, "", "a valid SCIM bearer token is required");
        r.set_header("WWW-Authenticate", "Bearer realm=\"openzro-scim\"");
        r.delay_ms = auth_.note_failure(request.remote);
        return r;
    }
    Response r = scim_.handle(request, request.path.substr(std::string(kScimPrefix).size()),
                              std::move(*integration));
    r.set_header("Cache-Control", "no-store");
    return r;
}

Response App::management(const Request& request) {
    // A Bearer JWT needs the issuer's keys, which may have to be fetched: answer later.
    if (auto token = credential(request.header("authorization"), "Bearer");
        token && jwt_bearer_.configured()) {
        Response pending;
        pending.later = [this, request, token = std::move(*token)](Response::Answer answer) {
            jwt_bearer_.authenticate(
                token, [this, request, answer = std::move(answer)](const ApiCaller& caller) {
                    answer(management_as(request, caller));
                });
        };
        return pending;
    }
    return management_as(request, auth_.authenticate_api(request));
}

Response App::management_as(const Request& request, const ApiCaller& caller) {
    Response r;
    if (caller.status != 0) {
        r = api_error(caller.status, caller.message);
        if (caller.status == 401) r.delay_ms = auth_.note_failure(request.remote);
    } else {
        r = management_.handle(request, caller.user_id);
    }
    if (r.later) {  // the answer waits on an outbound call: it gets the header when it comes
        r.later = [inner = std::move(r.later)](Response::Answer answer) {
            inner([answer = std::move(answer)](Response final_response) {
                final_response.set_header("Cache-Control", "no-store");
                answer(std::move(final_response));
            });
        };
        return r;
    }
    r.set_header("Cache-Control", "no-store");
    return r;
}

void App::apply_cors(const Request& request, Response& response) const {
    const std::string origin = request.header("origin");
    if (origin.empty() || std::find(options_.cors_origins.begin(), options_.cors_origins.end(),
                                    origin) == options_.cors_origins.end())
        return;
    response.set_header("Access-Control-Allow-Origin", origin);
    response.set_header("Vary", "Origin");
    response.set_header("Access-Control-Expose-Headers", "X-Request-Id");
    if (request.method == "OPTIONS") {
        response.set_header("Access-Control-Allow-Methods",
                            "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        response.set_header("Access-Control-Allow-Headers",
                            "Authorization, Content-Type, Accept, X-OpenZro-Request");
        response.set_header("Access-Control-Max-Age", "600");
    }
}

}  // namespace openzro
