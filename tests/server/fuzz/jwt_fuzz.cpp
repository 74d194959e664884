// libFuzzer target for JWT/JWS and JWKS parsing (server/jwt.cpp, server/jwk.cpp): the first
// byte picks the mode, the rest is a token checked against fixed keys, or a JWKS document
// whose keys then check a fixed token. The corpus holds valid tokens signed by these keys.
#include <cstddef>
#include <cstdint>
#include <string>

#include "server/jwt.h"

namespace {

// The public keys the corpus tokens were signed with (tests/server/fuzz/corpus/jwt).
constexpr const char* kJwks =
    R"({"keys":[{"kty":"EC","x":"6rQZRfAV-mGG33BXLr9y4wWyCSffz9Rk7w0t6k4yqvQ","y":"osiGS-Lv7jsxE6O1FbLu_dpPGCrOm-LjXoX-GsTnu6Q","crv":"P-256","kid":"ec-1","use":"sig"},{"kty":"RSA","n":"rNbAloEdnx95LkNQiF4IEoAOIqa0BO4Ngk-ElPeQVhyTl_rp2KT1pX32Hgxc8rr6-w3YhAslyreBeDwkntwkVjRCyIUdDmuuXdX8cwRG_LAvKR06ISCurUdrmHwpliDx9p2zmWp39_BifkJ318x2Mezdtt5Qj5RhShKg15CrZ6yI0iOFo_GnHO6AYa6Y3ADt81dEqJVuCRGbooFOWQNfTXOynk00BzAsh7XSkMmWTMg0TQb0FQfLNGoORZO2GBHaYYW2ZS0c-DJxYmwplgE7lxs66Ue1g9jG40vMn7-gLrkSUyoyYCA-0t1VJTUQSa1Q50AnYsBdD8ZZFVIcNXs6_w","e":"AQAB","kid":"rsa-1","alg":"RS256"}]})";
constexpr std::int64_t kNow = 1'800'000'100;

const openzro::Jwks& fixed_keys() {
    static const openzro::Jwks keys = [] {
        std::string error;
        return *openzro::Jwks::parse(kJwks, error);
    }();
    return keys;
}

openzro::JwtExpectations expectations() {
    openzro::JwtExpectations e;
    e.issuer = "https://idp.example.com";
    e.audience = "openzro";
    e.nonce = "n-1";
    return e;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] % 2 == 0) {
        const openzro::JwtCheck check =
            openzro::verify_jwt(text, fixed_keys(), expectations(), kNow);
        if (check.ok && check.error.empty() && check.claims.is_null()) __builtin_trap();
        return 0;
    }
    std::string error;
    if (const auto jwks = openzro::Jwks::parse(text, error)) {
        const openzro::Jwk* any = jwks->find("");
        (void)any;
        (void)openzro::verify_jwt("e30.e30.AAAA", *jwks, expectations(), kNow);
    }
    return 0;
}
