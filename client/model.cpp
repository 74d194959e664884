#include "client/model.h"

namespace openzro {

const SharedString& issued_api() {
    static const SharedString api("api");
    return api;
}

bool never_logged_in(const User& user) {
    return user.last_login.empty() || user.last_login == kZeroTime;
}

bool is_masked_token(std::string_view token) {
    return token.find('*') != std::string_view::npos;
}

bool can(const CurrentUser& user, std::string_view module, std::string_view operation) {
    if (!user.permissions) return user.role == "owner" || user.role == "admin";
    if (user.permissions->is_restricted && operation != "read") return false;
    const auto& modules = user.permissions->modules;
    const auto m = modules.find(std::string(module));
    if (m == modules.end()) return false;
    const auto op = m->second.find(std::string(operation));
    return op != m->second.end() && op->second;
}

}  // namespace openzro
