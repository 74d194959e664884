#include "server/secret_box.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "server/crypto.h"

namespace openzro {
namespace {

constexpr std::string_view kPrefix = "enc:v1:";
constexpr std::size_t kNonceSize = 12;
constexpr std::size_t kTagSize = 16;

using Bytes = std::vector<unsigned char>;

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// Lower-case hex to bytes; nullopt on anything else.
std::optional<Bytes> from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    Bytes out(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = hex_digit(hex[2 * i]);
        const int lo = hex_digit(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out[i] = static_cast<unsigned char>(hi * 16 + lo);
    }
    return out;
}

std::string to_hex(const Bytes& bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

bool create_key_file(const std::string& path, std::string& error) {
    const std::string text = crypto::random_hex(32) + "\n";
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    const bool ok = fd >= 0 &&
                    ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                    ::fsync(fd) == 0;
    if (!ok) error = "cannot create key file " + path + ": " + std::strerror(errno);
    if (fd >= 0) ::close(fd);
    if (!ok && fd >= 0) ::unlink(path.c_str());
    return ok;
}

struct CipherContext {
    CipherContext() : ctx(EVP_CIPHER_CTX_new()) {}
    CipherContext(const CipherContext&) = delete;
    CipherContext& operator=(const CipherContext&) = delete;
    ~CipherContext() { EVP_CIPHER_CTX_free(ctx); }
    EVP_CIPHER_CTX* ctx;
};

}  // namespace

std::unique_ptr<SecretBox> SecretBox::load(const std::string& key_path, bool create,
                                           std::string& error) {
    struct stat st {};
    if (::stat(key_path.c_str(), &st) != 0) {
        if (!create) {
            error = "key file " + key_path + " is missing";
            return nullptr;
        }
        if (!create_key_file(key_path, error)) return nullptr;
    }
    std::string text;
    std::getline(std::ifstream(key_path), text);
    const auto bytes = from_hex(text);
    if (!bytes || bytes->size() != Key().size() || ::chmod(key_path.c_str(), 0600) != 0) {
        error = "key file " + key_path + " is unreadable or not a key (64 hex digits)";
        return nullptr;
    }
    Key key{};
    std::memcpy(key.data(), bytes->data(), key.size());
    std::unique_ptr<SecretBox> box(new SecretBox(key));
    OPENSSL_cleanse(key.data(), key.size());
    return box;
}

SecretBox::~SecretBox() {
    OPENSSL_cleanse(key_.data(), key_.size());
}

bool SecretBox::is_sealed(std::string_view text) {
    return text.substr(0, kPrefix.size()) == kPrefix;
}

std::string SecretBox::seal(std::string_view plaintext, std::string_view context) const {
    Bytes out(kNonceSize + plaintext.size() + kTagSize);
    if (RAND_bytes(out.data(), static_cast<int>(kNonceSize)) != 1) std::abort();
    CipherContext c;
    int len = 0;
    const bool ok =
        c.ctx && EVP_EncryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, key_.data(), out.data()) &&
        EVP_EncryptUpdate(c.ctx, nullptr, &len,
                          reinterpret_cast<const unsigned char*>(context.data()),
                          static_cast<int>(context.size())) &&
        EVP_EncryptUpdate(c.ctx, out.data() + kNonceSize, &len,
                          reinterpret_cast<const unsigned char*>(plaintext.data()),
                          static_cast<int>(plaintext.size())) &&
        EVP_EncryptFinal_ex(c.ctx, out.data() + kNonceSize + len, &len) &&
        EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagSize),
                            out.data() + kNonceSize + plaintext.size());
    if (!ok)
        std::abort();  // AES-GCM with a valid key does not fail: never store a secret in the clear
    return std::string(kPrefix) + to_hex(out);
}

std::optional<std::string> SecretBox::open(std::string_view sealed,
                                           std::string_view context) const {
    if (!is_sealed(sealed)) return std::nullopt;
    const auto in = from_hex(sealed.substr(kPrefix.size()));
    if (!in || in->size() < kNonceSize + kTagSize) return std::nullopt;
    const std::size_t size = in->size() - kNonceSize - kTagSize;
    std::string plain(size, '\0');
    Bytes tag(in->end() - static_cast<std::ptrdiff_t>(kTagSize), in->end());
    CipherContext c;
    int len = 0;
    const bool ok =
        c.ctx && EVP_DecryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, key_.data(), in->data()) &&
        EVP_DecryptUpdate(c.ctx, nullptr, &len,
                          reinterpret_cast<const unsigned char*>(context.data()),
                          static_cast<int>(context.size())) &&
        EVP_DecryptUpdate(c.ctx, reinterpret_cast<unsigned char*>(plain.data()), &len,
                          in->data() + kNonceSize, static_cast<int>(size)) &&
        EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagSize), tag.data()) &&
        EVP_DecryptFinal_ex(c.ctx, reinterpret_cast<unsigned char*>(plain.data()) + len, &len) > 0;
    if (!ok) return std::nullopt;
    return plain;
}

}  // namespace openzro
