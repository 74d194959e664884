#include "server/jwt_bearer.h"

#include <utility>

#include "server/bounded_json.h"

namespace openzro {

JwtBearer::JwtBearer(Store& store, OidcIssuers* issuers, JwtBearerOptions options)
    : store_(store), issuers_(issuers), options_(std::move(options)) {}

void JwtBearer::authenticate(std::string token, std::function<void(ApiCaller)> done) {
    if (!issuers_) return done({503, "JWT authentication is unavailable: no outbound HTTPS", {}});
    JwtExpectations expect;
    expect.issuer = options_.issuer;
    expect.audience = options_.audience;
    issuers_->verify(
        options_.issuer, std::move(token), expect,
        [this, done = std::move(done)](const JwtCheck& check) { done(caller_for(check)); });
}

ApiCaller JwtBearer::caller_for(const JwtCheck& check) {
    if (check.unavailable) return {503, check.error, {}};
    if (!check.ok) return {401, "invalid token: " + check.error, {}};
    const std::string email = string_member(check.claims, options_.email_claim);
    if (email.empty())
        return {401, "invalid token: it has no \"" + options_.email_claim + "\" claim", {}};
    const auto user = store_.user_by_email(email);
    if (!user) return {403, "no openZro user has the email " + email, {}};
    if (user->is_blocked) return {403, "the user " + email + " is blocked", {}};
    if (user->pending_approval)
        return {403, "the user " + email + " waits for an administrator's approval", {}};
    return {0, {}, user->id};
}

}  // namespace openzro
