// Sign-ins on their way through an identity provider: what the callback needs to finish one
// (the PKCE verifier, the nonce, where to return), found by the `state` parameter. Each is
// used once and lives ten minutes; the store is bounded, so a flood of started sign-ins
// costs a fixed amount of memory (the oldest are dropped first).
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>

#include "server/clock.h"

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

    explicit PendingLogins(const Clock& clock) : clock_(clock) {}

    // Keeps `login` (its expiry is set here); returns its new random state.
    std::string add(PendingLogin login);
    // The login of `state`, removed: a state works once. nullopt if unknown or expired.
    std::optional<PendingLogin> take(const std::string& state);
    std::size_t size() const { return by_state_.size(); }

  private:
    void trim(std::int64_t now_s);

    const Clock& clock_;
    std::unordered_map<std::string, PendingLogin> by_state_;
    std::deque<std::string> order_;  // states in the order they were added (= expiry order)
};

}  // namespace openzro
