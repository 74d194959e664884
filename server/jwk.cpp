#include "server/jwk.h"

namespace openzro {

std::optional<Jwks> Jwks::parse(std::string_view /*json_text*/, std::string& error) {
    error = "JWKS parsing is not implemented yet";
    return std::nullopt;
}

const Jwk* Jwks::find(std::string_view kid) const {
    if (kid.empty()) return keys_.size() == 1 ? &keys_.front() : nullptr;
    for (const Jwk& k : keys_)
        if (k.kid == kid) return &k;
    return nullptr;
}

}  // namespace openzro
