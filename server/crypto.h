// Random tokens and their hashes: tokens are shown once and stored only as SHA-256.
#pragma once
#include <string>
#include <string_view>

namespace openzro::crypto {

// `bytes` random bytes from OpenSSL, as lower-case hex.
std::string random_hex(std::size_t bytes);
// A random URL-safe token (base62) of `length` characters, with an optional prefix.
std::string random_token(std::string_view prefix, std::size_t length);
// SHA-256 of `text`, as lower-case hex.
std::string sha256_hex(std::string_view text);
// Compares without an early exit, so timing does not reveal where two secrets differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace openzro::crypto
