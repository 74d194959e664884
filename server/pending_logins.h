// Sign-ins on their way through an identity provider: what the callback needs to finish one
// (the PKCE verifier, the nonce, where to return), found by the `state` parameter. Each is
// used once and lives ten minutes. They live in the database, so a callback may reach another
// replica than the one that started the sign-in; only the state's SHA-256 is stored. The table
// is bounded, so a flood of started sign-ins costs a fixed amount of space (the oldest are
// dropped first).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "server/clock.h"
#include "server/db.h"

namespace openzro {

struct PendingLogin {
    std::string idp_id;
    std::string nonce;
    std::string code_verifier;
    std::string return_to;     // an app route, already checked
    std::string browser_hash;  // SHA-256 of the browser's login cookie: binds the callback
    std::int64_t expires_s = 0;
};

class PendingLogins {
  public:
    static constexpr std::int64_t kLifetimeS = 600;
    static constexpr std::size_t kMaxPending = 10000;

    PendingLogins(Db& db, const Clock& clock, std::size_t max_pending = kMaxPending)
        : db_(db), clock_(clock), max_pending_(static_cast<std::int64_t>(max_pending)) {}

    // Keeps `login` (its expiry is set here); returns its new random state, "" if it could not
    // be stored.
    std::string add(PendingLogin login);
    // The login of `state`, removed: a state works once. nullopt if unknown or expired.
    std::optional<PendingLogin> take(const std::string& state);
    std::size_t size();

  private:
    Db& db_;
    const Clock& clock_;
    std::int64_t max_pending_;
};

}  // namespace openzro
