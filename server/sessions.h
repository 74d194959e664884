// Browser sessions, kept in SQLite so a restart signs nobody out. Only the SHA-256 of a
// session token is stored; the token itself lives in the user's cookie. A session ends when
// it expires, on sign-out, or (by a trigger in the schema) when its user is deleted, blocked,
// put back to pending approval or given another role.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "server/clock.h"
#include "server/db.h"

namespace openzro {

class Sessions {
  public:
    static constexpr std::int64_t kLifetimeS = 12 * 3600;

    Sessions(Db& db, const Clock& clock) : db_(db), clock_(clock) {}

    // A new session for `user_id`; returns its token (the cookie value), "" on failure.
    std::string create(const std::string& user_id);
    // The user of a live session, or nullopt if the token is unknown, revoked or expired.
    std::optional<std::string> user_for(const std::string& token);
    // Ends the session; false if there was none.
    bool revoke(const std::string& token);
    // Ends every session of `user_id`.
    bool revoke_user(const std::string& user_id);

  private:
    void drop_expired(std::int64_t now_s);

    Db& db_;
    const Clock& clock_;
};

}  // namespace openzro
