// Who is calling: access tokens and browser sessions for the management API, integration
// tokens for SCIM, one-time sign-in codes, and slowing down addresses that keep failing.
// One middleware for every scheme: `Bearer` JWTs from an OIDC issuer can join here later.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/clock.h"
#include "server/http_types.h"
#include "server/sessions.h"
#include "server/store.h"

namespace openzro {

inline constexpr const char* kSessionCookie = "openzro_session";
inline constexpr const char* kCsrfHeader = "x-openzro-request";

// Bearer JWTs from a host dashboard's own OIDC issuer (NetBird's AUTH_AUTHORITY and
// AUTH_AUDIENCE): the user is the one whose email equals `email_claim`. Empty issuer: off.
struct JwtBearerOptions {
    std::string issuer;                 // --jwt-issuer
    std::string audience;               // --jwt-audience
    std::string email_claim = "email";  // --jwt-email-claim
};

struct ApiCaller {
    int status = 0;  // 0: authenticated; else 401 or 403 with `message`
    std::string message;
    std::string user_id;
};

class AuthGate {
  public:
    using Clock = std::chrono::steady_clock;
    explicit AuthGate(Store& store, const openzro::Clock& clock = SystemClock::instance())
        : store_(store), clock_(clock), sessions_(store.db(), clock) {}

    // A single-use sign-in code, valid for ten minutes, in the database (only its SHA-256), so
    // any replica redeems it; "" if it could not be stored.
    std::string issue_sign_in_code();
    // Trades a code for a session token (the cookie value); nullopt if unknown, used or expired.
    std::optional<std::string> redeem_sign_in_code(const std::string& code);

    ApiCaller authenticate_api(const Request& request);
    // Browser sessions (the `openzro_session` cookie), in SQLite.
    Sessions& sessions() { return sessions_; }
    std::optional<IntegrationRecord> authenticate_scim(const Request& request);

    // Records a failed attempt from `remote`; returns how long to hold the answer back (ms).
    int note_failure(const std::string& remote);

  private:
    struct Failures {
        int count = 0;
        Clock::time_point last;
    };

    Store& store_;
    const openzro::Clock& clock_;
    Sessions sessions_;
    // By remote address, in this process: each replica slows down the addresses failing at it.
    std::unordered_map<std::string, Failures> failures_;
};

// Set-Cookie values for the session cookie: HttpOnly, SameSite=Lax (the provider's redirect
// back to the callback is a cross-site navigation), Secure when the server is behind https.
std::string session_cookie(const std::string& token, bool https);
std::string cleared_session_cookie(bool https);

// The value of `name` in a Cookie header, or "".
std::string cookie_value(const std::string& header, const std::string& name);
// The credential after `scheme` ("Bearer", "Token") in an Authorization header, any case.
std::optional<std::string> credential(const std::string& header, const std::string& scheme);

}  // namespace openzro
