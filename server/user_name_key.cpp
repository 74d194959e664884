#include "server/user_name_key.h"

#include <cstdint>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace openzro {
namespace {

bool allowed(UChar32 c) {
    switch (u_charType(c)) {
        case U_CONTROL_CHAR:
        case U_FORMAT_CHAR:
        case U_SURROGATE:
        case U_PRIVATE_USE_CHAR:
        case U_UNASSIGNED:
        case U_LINE_SEPARATOR:
        case U_PARAGRAPH_SEPARATOR:
            return false;
        default:
            return !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
    }
}

// Decodes strict UTF-8 (no overlongs, surrogates or truncation); nullopt if invalid or a
// character is not allowed.
std::optional<icu::UnicodeString> decode(std::string_view text) {
    if (text.size() > static_cast<std::size_t>(INT32_MAX)) return std::nullopt;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    icu::UnicodeString out;
    for (std::int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || !allowed(c)) return std::nullopt;
        out.append(c);
    }
    return out;
}

// Printable ASCII (U+0020..U+007E) only: every such character is allowed, is its own NFD and
// NFC, and full case folding maps just A-Z to a-z, so the key is the ASCII lower case. This is
// the same key the ICU path computes, without opening a UnicodeString (most userNames are
// emails). nullopt when another byte occurs: controls, DEL and non-ASCII take the ICU path.
std::optional<std::string> printable_ascii_key(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c < 0x20 || c > 0x7e) return std::nullopt;  // non-ASCII: < 0 if char is signed
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

}  // namespace

std::optional<std::string> user_name_key(std::string_view user_name) {
    if (auto ascii = printable_ascii_key(user_name)) return ascii;
    auto text = decode(user_name);
    if (!text) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return std::nullopt;
    // Canonical caseless matching (Unicode 3.13): fold the decomposed form, then compose.
    icu::UnicodeString folded = nfd->normalize(*text, status).foldCase();
    const icu::UnicodeString key = nfc->normalize(folded, status);
    if (U_FAILURE(status)) return std::nullopt;
    std::string out;
    key.toUTF8String(out);
    return out;
}

}  // namespace openzro
