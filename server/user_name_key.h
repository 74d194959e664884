// The key that makes a SCIM userName unique: two names are the same user when their keys are
// equal. Unicode-aware (NFC, full case folding), so "jäne", "JÄNE" and a decomposed "jäne" are
// one user, and names with invisible characters (controls, zero-width, format characters) are
// refused rather than allowed to look like another user.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace openzro {

// The key of `user_name`, or nullopt when it is not valid UTF-8 or holds a character a
// userName must not have (Cc, Cf, Cs, Co, Cn, Zl, Zp, default-ignorable code points).
std::optional<std::string> user_name_key(std::string_view user_name);

}  // namespace openzro
