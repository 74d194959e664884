#include "server/pending_logins.h"

#include "server/crypto.h"

namespace openzro {

std::string PendingLogins::add(PendingLogin login) {
    const std::int64_t now = clock_.now_s();
    std::string state = crypto::random_token("", 43);
    login.expires_s = now + kLifetimeS;
    auto s = db_.prepare(
        "INSERT INTO pending_logins (state_hash, idp_id, nonce, code_verifier, return_to, "
        "browser_hash, expires_at) VALUES (?,?,?,?,?,?,?) RETURNING seq");
    s.bind_all(crypto::sha256_hex(state), login.idp_id, login.nonce, login.code_verifier,
               login.return_to, login.browser_hash, login.expires_s);
    if (!s.step()) return {};
    const std::int64_t seq = s.integer(0);
    if (!s.run()) return {};
    // The oldest beyond the bound, then the expired: two range scans on indexes.
    const bool trimmed =
        db_.prepare("DELETE FROM pending_logins WHERE seq <= ?")
            .bind(1, seq - max_pending_)
            .run() &&
        db_.prepare("DELETE FROM pending_logins WHERE expires_at <= ?").bind(1, now).run();
    return trimmed ? state : std::string();
}

std::optional<PendingLogin> PendingLogins::take(const std::string& state) {
    // Deleted and read in one statement: of two replicas given the same state, one gets it.
    auto s = db_.prepare(
        "DELETE FROM pending_logins WHERE state_hash = ? RETURNING idp_id, nonce, code_verifier, "
        "return_to, browser_hash, expires_at");
    s.bind(1, crypto::sha256_hex(state));
    if (!s.step()) return std::nullopt;
    PendingLogin login{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.integer(5)};
    if (!s.run() || login.expires_s <= clock_.now_s()) return std::nullopt;
    return login;
}

std::size_t PendingLogins::size() {
    auto s = db_.prepare("SELECT COUNT(*) FROM pending_logins");
    return s.step() ? static_cast<std::size_t>(s.integer(0)) : 0;
}

}  // namespace openzro
