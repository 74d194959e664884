#include "server/sessions.h"

#include "server/crypto.h"
#include "server/store.h"

namespace openzro {
namespace {

constexpr std::size_t kTokenLength = 43;  // base62: about 256 bits

}  // namespace

std::string Sessions::create(const std::string& user_id) {
    const std::int64_t now = clock_.now_s();
    drop_expired(now);
    std::string token = crypto::random_token("", kTokenLength);
    const bool ok =
        db_.prepare("INSERT INTO sessions (hash, user_id, expires_at, created_at) VALUES (?,?,?,?)")
            .bind(1, crypto::sha256_hex(token))
            .bind(2, user_id)
            .bind(3, now + kLifetimeS)
            .bind(4, utc_now())
            .run();
    return ok ? token : std::string();
}

std::optional<std::string> Sessions::user_for(const std::string& token) {
    if (token.empty() || token.size() > 256) return std::nullopt;
    const std::string hash = crypto::sha256_hex(token);
    auto s = db_.prepare("SELECT user_id, hash FROM sessions WHERE hash = ? AND expires_at > ?");
    s.bind(1, hash).bind(2, clock_.now_s());
    if (!s.step() || !crypto::constant_time_equal(s.text(1), hash)) return std::nullopt;
    return s.text(0);
}

bool Sessions::revoke(const std::string& token) {
    return db_.prepare("DELETE FROM sessions WHERE hash = ?")
               .bind(1, crypto::sha256_hex(token))
               .run() &&
           db_.changes() == 1;
}

bool Sessions::revoke_user(const std::string& user_id) {
    return db_.prepare("DELETE FROM sessions WHERE user_id = ?").bind(1, user_id).run();
}

void Sessions::drop_expired(std::int64_t now_s) {
    db_.prepare("DELETE FROM sessions WHERE expires_at <= ?").bind(1, now_s).run();
}

}  // namespace openzro
