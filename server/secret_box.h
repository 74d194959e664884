// Secrets at rest (an identity provider's client_secret): AES-256-GCM with a key kept in its
// own owner-only file in the data folder, so a copy of the database alone reveals nothing.
#pragma once
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace openzro {

class SecretBox {
  public:
    // Reads the key file; with `create`, a missing one is created (0600, a fresh random key).
    // nullptr and `error`, which names the file, otherwise.
    static std::unique_ptr<SecretBox> load(const std::string& key_path, bool create,
                                           std::string& error);
    SecretBox(const SecretBox&) = delete;
    SecretBox& operator=(const SecretBox&) = delete;
    ~SecretBox();

    // Whether `text` is something seal() made (else: a secret stored before encryption).
    static bool is_sealed(std::string_view text);
    // "enc:v1:" + hex(nonce | ciphertext | tag). `context` (the row's id) is authenticated too,
    // so a sealed value copied to another row does not open.
    std::string seal(std::string_view plaintext, std::string_view context) const;
    // The plaintext, or nullopt when `sealed` is damaged or from another key or context.
    std::optional<std::string> open(std::string_view sealed, std::string_view context) const;

  private:
    using Key = std::array<unsigned char, 32>;
    explicit SecretBox(const Key& key) : key_(key) {}
    Key key_;
};

}  // namespace openzro
