#include "server/admission.h"

#include "server/http_types.h"

namespace openzro {

std::string email_domain_of(const std::string& email) {
    const auto at = email.rfind('@');
    if (at == std::string::npos || at == 0 || at + 1 == email.size()) return {};
    return to_lower(email.substr(at + 1));
}

Admission admit(Store& store, const IdentityProviderRecord& idp, const std::string& email,
                const std::string& name) {
    if (auto user = store.user_by_email(email)) {
        if (user->is_blocked) return {{}, "blocked"};
        if (user->pending_approval) return {{}, "pending_approval"};
        if (!store.record_sign_in(user->id, idp.id)) return {{}, "server_error"};
        return {user->id, {}};
    }
    const std::string domain = email_domain_of(email);
    if (domain.empty() || idp.email_domain.empty() || domain != idp.email_domain)
        return {{}, "not_in_domain"};
    UserRecord joined;
    joined.email = email;
    joined.name = name.empty() ? email : name;
    joined.role = "user";
    const bool pending = store.user_approval_required();
    Transaction tx(store.db());
    if (!store.insert_user(joined) || !store.record_sign_in(joined.id, idp.id) ||
        (pending && !store.set_pending_approval(joined.id, true)) || !tx.commit())
        return {{}, "server_error"};
    if (pending) return {{}, "pending_approval"};
    return {joined.id, {}};
}

}  // namespace openzro
