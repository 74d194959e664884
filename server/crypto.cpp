#include "server/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdlib>
#include <vector>

namespace openzro::crypto {
namespace {

std::vector<unsigned char> random_bytes(std::size_t n) {
    std::vector<unsigned char> out(n);
    if (RAND_bytes(out.data(), static_cast<int>(n)) != 1) std::abort();  // no entropy: never go on
    return out;
}

std::string to_hex(const unsigned char* data, std::size_t n) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(digits[data[i] >> 4]);
        out.push_back(digits[data[i] & 0x0f]);
    }
    return out;
}

}  // namespace

std::string random_hex(std::size_t bytes) {
    const auto raw = random_bytes(bytes);
    return to_hex(raw.data(), raw.size());
}

std::string random_token(std::string_view prefix, std::size_t length) {
    static constexpr char alphabet[] =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    std::string out(prefix);
    while (out.size() < prefix.size() + length) {
        for (unsigned char b : random_bytes(length)) {
            if (b >= 248) continue;  // 248 = 4 * 62: rejecting the rest keeps the choice uniform
            out.push_back(alphabet[b % 62]);
            if (out.size() == prefix.size() + length) break;
        }
    }
    return out;
}

std::string sha256_hex(std::string_view text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(text.data(), text.size(), digest, &len, EVP_sha256(), nullptr);
    return to_hex(digest, len);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace openzro::crypto
