#include "server/auth.h"

#include <algorithm>

#include "server/crypto.h"

namespace openzro {
namespace {

constexpr std::int64_t kCodeLifetimeS = 10 * 60;
constexpr auto kFailureMemory = std::chrono::minutes(5);
constexpr int kFreeFailures = 5;
constexpr int kMaxDelayMs = 5000;
constexpr std::size_t kMaxTracked = 10000;

}  // namespace

std::string session_cookie(const std::string& token, bool https) {
    return std::string(kSessionCookie) + "=" + token +
           "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(Sessions::kLifetimeS) +
           (https ? "; Secure" : "");
}

std::string cleared_session_cookie(bool https) {
    return std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" +
           (https ? "; Secure" : "");
}

std::string cookie_value(const std::string& header, const std::string& name) {
    std::size_t pos = 0;
    while (pos < header.size()) {
        const auto end = std::min(header.find(';', pos), header.size());
        auto start = header.find_first_not_of(' ', pos);
        if (start < end) {
            const std::string_view pair(header.data() + start, end - start);
            const auto eq = pair.find('=');
            if (eq != std::string_view::npos && pair.substr(0, eq) == name)
                return std::string(pair.substr(eq + 1));
        }
        pos = end + 1;
    }
    return {};
}

std::optional<std::string> credential(const std::string& header, const std::string& scheme) {
    if (header.size() <= scheme.size() + 1 || !iequals(header.substr(0, scheme.size()), scheme) ||
        header[scheme.size()] != ' ')
        return std::nullopt;
    const auto start = header.find_first_not_of(' ', scheme.size());
    if (start == std::string::npos) return std::nullopt;
    return header.substr(start);
}

std::string AuthGate::issue_sign_in_code() {
    const std::int64_t now = clock_.now_s();
    std::string code = crypto::random_token("", 32);
    const bool stored =
        store_.db().prepare("DELETE FROM sign_in_codes WHERE expires_at <= ?").bind(1, now).run() &&
        store_.db()
            .prepare("INSERT INTO sign_in_codes (hash, user_id, expires_at) VALUES (?,?,?)")
            .bind_all(crypto::sha256_hex(code), store_.owner_id(), now + kCodeLifetimeS)
            .run();
    return stored ? code : std::string();
}

std::optional<std::string> AuthGate::redeem_sign_in_code(const std::string& code) {
    // Deleted and read in one statement: single use, also across replicas.
    auto s = store_.db().prepare(
        "DELETE FROM sign_in_codes WHERE hash = ? RETURNING user_id, expires_at");
    s.bind(1, crypto::sha256_hex(code));
    if (!s.step()) return std::nullopt;
    const std::string user_id = s.text(0);
    const bool live = s.integer(1) > clock_.now_s();
    if (!s.run() || !live) return std::nullopt;
    std::string session = sessions_.create(user_id);
    if (session.empty()) return std::nullopt;
    return session;
}

ApiCaller AuthGate::authenticate_api(const Request& request) {
    const std::string authorization = request.header("authorization");
    if (auto token = credential(authorization, "Token")) {
        if (auto user = store_.user_for_access_token(*token)) return {0, {}, *user};
        return {401, "invalid access token", {}};
    }
    if (credential(authorization, "Bearer"))
        return {401, "JWT authentication is not configured on this server", {}};
    const std::string session = cookie_value(request.header("cookie"), kSessionCookie);
    if (session.empty()) return {401, "authentication required", {}};
    auto user_id = sessions_.user_for(session);
    if (!user_id) return {401, "session expired: sign in again", {}};
    // A cookie rides along on cross-site requests; this header cannot be set by a plain form.
    if (request.header(kCsrfHeader) != "1") return {403, "missing X-OpenZro-Request header", {}};
    return {0, {}, std::move(*user_id)};
}

std::optional<IntegrationRecord> AuthGate::authenticate_scim(const Request& request) {
    auto token = credential(request.header("authorization"), "Bearer");
    if (!token) return std::nullopt;
    auto integration = store_.integration_for_token(*token);
    if (!integration || !integration->enabled) return std::nullopt;
    return integration;
}

int AuthGate::note_failure(const std::string& remote) {
    const auto now = Clock::now();
    if (failures_.size() >= kMaxTracked) failures_.clear();
    Failures& f = failures_[remote];
    if (now - f.last > kFailureMemory) f.count = 0;
    f.last = now;
    ++f.count;
    if (f.count <= kFreeFailures) return 0;
    const int doublings = std::min(f.count - kFreeFailures, 6);
    return std::min(100 << doublings, kMaxDelayMs);
}

}  // namespace openzro
