#include "server/user_name_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <unordered_set>
#include <vector>

#include "server/http_types.h"

namespace openzro {
namespace {

// Bumped when user_name_key() changes, so stored keys are recomputed once at start-up.
constexpr const char* kKeyForm = "nfc-casefold-1";

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

}  // namespace

std::optional<std::string> user_name_key(std::string_view user_name) {
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

bool rekey_user_names(Db& db, std::string& notes) {
    {
        auto form = db.prepare("SELECT value FROM meta WHERE key = 'user_name_key_form'");
        if (form.step() && form.text(0) == kKeyForm) return true;
    }
    struct Row {
        std::int64_t seq;
        std::string user_name;
    };
    std::vector<Row> rows;
    {
        auto s = db.prepare(
            "SELECT seq, scim, user_name_key FROM users WHERE user_name_key IS NOT NULL ORDER BY "
            "seq");
        while (s.step()) {
            // The userName as sent is in the stored attributes; the old key is the fallback.
            const nlohmann::json scim = nlohmann::json::parse(s.text(1), nullptr, false);
            std::string name = s.text(2);
            if (scim.is_object())
                for (auto it = scim.begin(); it != scim.end(); ++it)
                    if (iequals(it.key(), "userName") && it.value().is_string())
                        name = it.value().get<std::string>();
            rows.push_back({s.integer(0), std::move(name)});
        }
    }
    Transaction tx(db);
    if (!db.prepare("UPDATE users SET user_name_key = NULL WHERE user_name_key IS NOT NULL").run())
        return false;
    std::unordered_set<std::string> taken;
    for (const auto& row : rows) {
        const auto key = user_name_key(row.user_name);
        if (!key || !taken.insert(*key).second) {
            notes += "openzro-server: userName '" + row.user_name + "' (row " +
                     std::to_string(row.seq) + ") " +
                     (key ? "is the same user as an earlier one" : "has characters not allowed") +
                     ": left without a SCIM userName key\n";
            continue;
        }
        if (!db.prepare("UPDATE users SET user_name_key = ? WHERE seq = ?")
                 .bind(1, *key)
                 .bind(2, row.seq)
                 .run())
            return false;
    }
    return db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('user_name_key_form', ?)")
               .bind(1, kKeyForm)
               .run() &&
           tx.commit();
}

}  // namespace openzro
