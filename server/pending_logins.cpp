#include "server/pending_logins.h"

#include "server/crypto.h"

namespace openzro {

std::string PendingLogins::add(PendingLogin login) {
    const std::int64_t now = clock_.now_s();
    trim(now);
    // Taken states stay in order_ until they reach its front: bound it too.
    while (!order_.empty() &&
           (by_state_.size() >= kMaxPending || order_.size() >= 2 * kMaxPending)) {
        by_state_.erase(order_.front());
        order_.pop_front();
    }
    std::string state = crypto::random_token("", 43);
    login.expires_s = now + kLifetimeS;
    by_state_.emplace(state, std::move(login));
    order_.push_back(state);
    return state;
}

std::optional<PendingLogin> PendingLogins::take(const std::string& state) {
    trim(clock_.now_s());
    auto it = by_state_.find(state);
    if (it == by_state_.end()) return std::nullopt;
    PendingLogin login = std::move(it->second);
    by_state_.erase(it);  // its entry in order_ goes when trim reaches it
    return login;
}

void PendingLogins::trim(std::int64_t now_s) {
    while (!order_.empty()) {
        auto it = by_state_.find(order_.front());
        if (it != by_state_.end() && it->second.expires_s > now_s) break;
        if (it != by_state_.end()) by_state_.erase(it);
        order_.pop_front();
    }
}

}  // namespace openzro
