#include "server/user_name_rekey.h"

#include <nlohmann/json.hpp>
#include <unordered_set>
#include <vector>

#include "server/http_types.h"
#include "server/user_name_key.h"

namespace openzro {
namespace {

// Changed whenever user_name_key() changes, so stored keys are recomputed once.
constexpr const char* kKeyForm = "nfc-casefold-1";

}  // namespace

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
    return db.prepare(
                 "INSERT INTO meta (key, value) VALUES ('user_name_key_form', ?) ON CONFLICT "
                 "(key) DO UPDATE SET value = excluded.value")
               .bind(1, kKeyForm)
               .run() &&
           tx.commit();
}

}  // namespace openzro
