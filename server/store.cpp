// Index of this file:
//   Account and tokens
//   Users
//   SCIM views
//   Groups
//   Sign-in through identity providers
//   Identity providers
//   Integrations

#include "server/store.h"

#include <sys/stat.h>

#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "client/text.h"
#include "server/crypto.h"
#include "server/user_name_key.h"
#include "server/user_name_rekey.h"

namespace openzro {
namespace {

using json = nlohmann::json;

std::string join_json(const std::vector<std::string>& items) {
    return json(items).dump();
}

std::vector<std::string> split_json(const std::string& text) {
    std::vector<std::string> out;
    const json parsed = json::parse(text, nullptr, false);
    if (!parsed.is_array()) return out;
    for (const auto& item : parsed)
        if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
}

constexpr const char* kUserColumns =
    "id, email, name, role, is_service_user, is_blocked, issued, last_login, "
    "COALESCE(integration_id, 0), COALESCE(external_id, ''), scim, created_at, updated_at, "
    "COALESCE(user_name_key, ''), pending_approval, COALESCE(idp_id, '')";

// A row's columns into `fields`, in order: text as it is, integers, 0/1 as bools, JSON arrays
// of strings as vectors.
void read_column(const Stmt& s, int column, std::string& out) {
    out = s.text(column);
}
void read_column(const Stmt& s, int column, std::int64_t& out) {
    out = s.integer(column);
}
void read_column(const Stmt& s, int column, bool& out) {
    out = s.integer(column) != 0;
}
void read_column(const Stmt& s, int column, std::vector<std::string>& out) {
    out = split_json(s.text(column));
}

template <class... Fields>
void read_columns(const Stmt& s, Fields&... fields) {
    int column = 0;
    (read_column(s, column++, fields), ...);
}

// Every row left in `s`, each read by `read` (read_user, ...).
template <class Read>
auto read_all(Stmt& s, Read read) {
    std::vector<decltype(read(s))> out;
    while (s.step()) out.push_back(read(s));
    return out;
}

// The next row of `s` read by `read`, if there is one.
template <class Read>
auto read_first(Stmt& s, Read read) -> std::optional<decltype(read(s))> {
    if (!s.step()) return std::nullopt;
    return read(s);
}

// Columns as in kUserColumns.
UserRecord read_user(const Stmt& s) {
    UserRecord u;
    read_columns(s, u.id, u.email, u.name, u.role, u.is_service_user, u.is_blocked, u.issued,
                 u.last_login, u.integration_id, u.external_id, u.scim, u.created_at, u.updated_at,
                 u.user_name, u.pending_approval, u.idp_id);
    return u;
}

GroupRecord read_group(const Stmt& s) {
    GroupRecord g;
    read_columns(s, g.id, g.name, g.issued, g.imported, g.integration_id, g.external_id,
                 g.created_at, g.updated_at);
    return g;
}

IntegrationRecord read_integration(const Stmt& s) {
    IntegrationRecord i;
    read_columns(s, i.id, i.connection_name, i.connector_id, i.enabled, i.group_prefixes,
                 i.user_group_prefixes, i.token_hint, i.contacted, i.last_synced_at);
    return i;
}

Stmt& bind_optional_id(Stmt& stmt, int index, std::int64_t id) {
    return id ? stmt.bind(index, id) : stmt.bind_null(index);
}

Stmt& bind_optional_text(Stmt& stmt, int index, const std::string& text) {
    return text.empty() ? stmt.bind_null(index) : stmt.bind(index, text);
}

// SCIM userName is unique by its Unicode key; management-made users have no key.
std::string user_name_key(const UserRecord& u) {
    return openzro::user_name_key(u.user_name).value_or(to_lower(u.user_name));
}

std::string mask_token(const std::string& token) {
    return token.substr(0, 7) + std::string(token.size() - 7, '*');
}

std::string new_scim_token() {
    return crypto::random_token("nbs_", 40);
}

}  // namespace

std::string new_object_id() {
    return crypto::random_hex(10);
}

std::unique_ptr<Store> Store::open(const std::string& data_dir, const std::string& database_url,
                                   std::string& error) {
    ::mkdir(data_dir.c_str(), 0700);
    auto db = Db::open(database_url.empty() ? data_dir + "/openzro.db" : database_url, error);
    if (!db) return nullptr;
    std::string notes;
    const bool rekeyed = rekey_user_names(*db, notes);
    std::fputs(notes.c_str(), stderr);
    if (!rekeyed) {
        error = "could not recompute the SCIM userName keys: " + db->last_error();
        return nullptr;
    }
    // A new key only while no secret is sealed: a lost key must not pass unnoticed.
    const std::string key_path = data_dir + "/openzro.key";
    bool sealed_secrets = false;
    {
        // SecretBox alone knows what a sealed value looks like.
        auto s = db->prepare("SELECT client_secret FROM identity_providers");
        while (!sealed_secrets && s.step()) sealed_secrets = SecretBox::is_sealed(s.text(0));
    }
    auto secrets = SecretBox::load(key_path, !sealed_secrets, error);
    if (!secrets) {
        if (sealed_secrets) error += ", but the database holds client secrets sealed with it";
        return nullptr;
    }
    std::unique_ptr<Store> store(new Store(std::move(db), std::move(secrets)));
    if (!store->seal_stored_secrets(error)) {
        error = "key file " + key_path + ": " + error;
        return nullptr;
    }
    return store;
}

// [SECTION] Account and tokens
std::string Store::owner_id() {
    auto s = db_->prepare("SELECT id FROM users WHERE role = 'owner' LIMIT 1");
    return s.step() ? s.text(0) : std::string();
}

std::string Store::ensure_owner() {
    if (!owner_id().empty()) return {};
    Transaction tx(*db_);
    UserRecord owner;
    owner.email = "owner@openzro.local";
    owner.name = "Account owner";
    owner.role = "owner";
    owner.last_login = utc_now();
    if (!insert_user(owner)) return {};
    std::string token = create_access_token(owner.id, "openzro-server first start");
    if (token.empty() || !tx.commit()) return {};
    return token;
}

std::string Store::create_access_token(const std::string& user_id, const std::string& name) {
    std::string token = crypto::random_token("nbp_", 36);
    const bool ok =
        db_->prepare(
               "INSERT INTO access_tokens (id, user_id, name, hash, created_at) VALUES (?,?,?,?,?)")
            .bind(1, new_object_id())
            .bind(2, user_id)
            .bind(3, name)
            .bind(4, crypto::sha256_hex(token))
            .bind(5, utc_now())
            .run();
    return ok ? token : std::string();
}

std::optional<std::string> Store::user_for_access_token(const std::string& token) {
    const std::string hash = crypto::sha256_hex(token);
    auto s = db_->prepare("SELECT user_id, hash FROM access_tokens WHERE hash = ?");
    s.bind(1, hash);
    if (!s.step() || !crypto::constant_time_equal(s.text(1), hash)) return std::nullopt;
    return s.text(0);
}

bool Store::seed_users(std::size_t count) {
    Transaction tx(*db_);
    const std::string now = utc_now();
    for (std::size_t i = 0; i < count; ++i) {
        const std::string n = std::to_string(i);
        const bool ok = db_->prepare(
                               "INSERT INTO users (id, email, name, role, created_at, updated_at) "
                               "VALUES (?,?,?,'user',?,?)")
                            .bind(1, new_object_id())
                            .bind(2, "seed" + n + "@example.com")
                            .bind(3, "Seed User " + n)
                            .bind(4, now)
                            .bind(5, now)
                            .run();
        if (!ok) return false;
    }
    return tx.commit();
}

// [SECTION] Users
void Store::load_auto_groups(std::vector<UserRecord>& users) {
    if (users.empty()) return;
    if (users.size() == 1) {
        auto s = db_->prepare(
            "SELECT m.group_id FROM memberships m JOIN groups g ON g.id = m.group_id "
            "WHERE m.user_id = ? AND g.imported = 1 ORDER BY g.seq");
        s.bind(1, users.front().id);
        while (s.step()) users.front().auto_groups.push_back(s.text(0));
        return;
    }
    std::unordered_map<std::string, std::vector<std::string>> by_user;
    auto s = db_->prepare(
        "SELECT m.user_id, m.group_id FROM memberships m JOIN groups g ON g.id = m.group_id "
        "WHERE g.imported = 1 ORDER BY g.seq");
    while (s.step()) by_user[s.text(0)].push_back(s.text(1));
    for (auto& u : users) {
        auto it = by_user.find(u.id);
        if (it != by_user.end()) u.auto_groups = std::move(it->second);
    }
}

std::optional<UserRecord> Store::user(const std::string& id) {
    static const std::string sql =
        std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?";
    auto s = db_->prepare(sql.c_str());
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    std::vector<UserRecord> one{read_user(s)};
    load_auto_groups(one);
    return std::move(one.front());
}

std::vector<UserRecord> Store::list_users(std::optional<bool> service_users) {
    // A SCIM user whose integration has user_group_prefixes shows only while it belongs to a
    // group whose name starts with one of them.
    static const std::string sql =
        std::string("SELECT ") + kUserColumns +
        " FROM users u WHERE (CAST(? AS INTEGER) IS NULL OR u.is_service_user = ?) AND ("
        "u.integration_id IS NULL OR NOT EXISTS (SELECT 1 FROM integrations i, "
        "json_each(i.user_group_prefixes) WHERE i.id = u.integration_id) OR EXISTS ("
        "SELECT 1 FROM memberships m JOIN groups g ON g.id = m.group_id "
        "JOIN integrations i ON i.id = u.integration_id, json_each(i.user_group_prefixes) p "
        "WHERE m.user_id = u.id AND substr(g.name, 1, length(p.value)) = p.value)) "
        "ORDER BY u.seq";
    auto s = db_->prepare(sql.c_str());
    if (service_users) {
        s.bind(1, std::int64_t{*service_users ? 1 : 0})
            .bind(2, std::int64_t{*service_users ? 1 : 0});
    }
    std::vector<UserRecord> out = read_all(s, read_user);
    load_auto_groups(out);
    return out;
}

bool Store::insert_user(UserRecord& u) {
    if (u.id.empty()) u.id = new_object_id();
    if (u.created_at.empty()) u.created_at = utc_now();
    u.updated_at = u.created_at;
    auto s = db_->prepare(
        "INSERT INTO users (id, email, name, role, is_service_user, is_blocked, issued, "
        "last_login, "
        "integration_id, user_name_key, external_id, scim, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, u.id).bind(2, u.email).bind(3, u.name).bind(4, u.role);
    s.bind(5, std::int64_t{u.is_service_user})
        .bind(6, std::int64_t{u.is_blocked})
        .bind(7, u.issued);
    s.bind(8, u.last_login);
    bind_optional_id(s, 9, u.integration_id);
    bind_optional_text(s, 10, user_name_key(u));
    bind_optional_text(s, 11, u.external_id);
    s.bind(12, u.scim).bind(13, u.created_at).bind(14, u.updated_at);
    return s.run();
}

bool Store::update_user(const UserRecord& u) {
    auto s = db_->prepare(
        "UPDATE users SET email = ?, name = ?, role = ?, is_blocked = ?, user_name_key = ?, "
        "external_id = ?, "
        "scim = ?, updated_at = ? WHERE id = ?");
    s.bind(1, u.email).bind(2, u.name).bind(3, u.role).bind(4, std::int64_t{u.is_blocked});
    bind_optional_text(s, 5, user_name_key(u));
    bind_optional_text(s, 6, u.external_id);
    s.bind(7, u.scim).bind(8, utc_now()).bind(9, u.id);
    return s.run() && db_->changes() == 1;
}

bool Store::delete_user(const std::string& id) {
    return db_->prepare("DELETE FROM users WHERE id = ?").bind(1, id).run() && db_->changes() == 1;
}

bool Store::set_user_groups(const std::string& user_id, const std::vector<std::string>& group_ids) {
    // Only imported groups are managed here; memberships of hidden SCIM groups stay as Okta set
    // them.
    if (!db_->prepare("DELETE FROM memberships WHERE user_id = ? AND group_id IN (SELECT id FROM "
                      "groups WHERE "
                      "imported = 1)")
             .bind(1, user_id)
             .run())
        return false;
    for (const auto& gid : group_ids) {
        if (!db_->prepare("INSERT OR IGNORE INTO memberships (user_id, group_id) VALUES (?, ?)")
                 .bind(1, user_id)
                 .bind(2, gid)
                 .run())
            return false;
    }
    return true;
}

bool Store::user_name_taken(const std::string& key, const std::string& except_id) {
    const auto holder = user_name_holder(key);
    return holder && holder->id != except_id;
}

std::optional<Store::UserNameHolder> Store::user_name_holder(const std::string& key) {
    auto s = db_->prepare(
        "SELECT id, integration_id IS NULL AND issued = 'integration' FROM users WHERE "
        "user_name_key = ?");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return UserNameHolder{s.text(0), s.integer(1) != 0};
}

// [SECTION] SCIM views
std::vector<UserRecord> Store::scim_users(std::int64_t integration_id) {
    return scim_user_page(integration_id, 0, std::numeric_limits<std::int64_t>::max());
}

std::int64_t Store::scim_user_count(std::int64_t integration_id) {
    auto s = db_->prepare("SELECT COUNT(*) FROM users WHERE integration_id = ?");
    s.bind(1, integration_id);
    return s.step() ? s.integer(0) : 0;
}

std::vector<UserRecord> Store::scim_user_page(std::int64_t integration_id, std::int64_t offset,
                                              std::int64_t limit) {
    static const std::string sql =
        std::string("SELECT ") + kUserColumns +
        " FROM users WHERE integration_id = ? ORDER BY seq LIMIT ? OFFSET ?";
    auto s = db_->prepare(sql.c_str());
    s.bind(1, integration_id).bind(2, limit).bind(3, offset);
    return read_all(s, read_user);
}

std::vector<UserRecord> Store::scim_users_by(std::int64_t integration_id,
                                             const std::string& column_key,
                                             const std::string& value) {
    // The column name comes from a fixed list, never from the request. `+integration_id` keeps
    // the externalId look-up on users_external_id (users_integration would walk every user).
    static const std::string by_name =
        std::string("SELECT ") + kUserColumns +
        " FROM users WHERE integration_id = ? AND user_name_key = ? ORDER BY seq";
    static const std::string by_external =
        std::string("SELECT ") + kUserColumns +
        " FROM users WHERE +integration_id = ? AND external_id = ? ORDER BY seq";
    static const std::string by_id = std::string("SELECT ") + kUserColumns +
                                     " FROM users WHERE integration_id = ? AND id = ? ORDER BY seq";
    const std::string* sql = column_key == "username"     ? &by_name
                             : column_key == "externalid" ? &by_external
                                                          : &by_id;
    auto s = db_->prepare(sql->c_str());
    s.bind(1, integration_id)
        .bind(2, column_key == "username" ? openzro::user_name_key(value).value_or("") : value);
    return read_all(s, read_user);
}

constexpr const char* kGroupColumns =
    "id, name, issued, imported, COALESCE(integration_id, 0), COALESCE(external_id, ''), "
    "created_at, updated_at";

std::optional<UserRecord> Store::orphaned_scim_user(const std::string& key) {
    static const std::string sql = std::string("SELECT ") + kUserColumns +
                                   " FROM users WHERE user_name_key = ? AND integration_id IS NULL "
                                   "AND issued = 'integration'";
    auto s = db_->prepare(sql.c_str());
    s.bind(1, key);
    return read_first(s, read_user);
}

bool Store::adopt_user(const std::string& user_id, std::int64_t integration_id) {
    return db_->prepare(
                  "UPDATE users SET integration_id = ? WHERE id = ? AND integration_id IS NULL")
               .bind(1, integration_id)
               .bind(2, user_id)
               .run() &&
           db_->changes() == 1;
}

std::vector<GroupRecord> Store::scim_groups(std::int64_t integration_id) {
    static const std::string sql = std::string("SELECT ") + kGroupColumns +
                                   " FROM groups WHERE integration_id = ? ORDER BY seq";
    auto s = db_->prepare(sql.c_str());
    s.bind(1, integration_id);
    return read_all(s, read_group);
}

std::vector<GroupRecord> Store::user_scim_groups(const std::string& user_id) {
    UserRecord user;
    user.id = user_id;
    auto groups = users_scim_groups({user});
    return groups.empty() ? std::vector<GroupRecord>{} : std::move(groups.begin()->second);
}

std::unordered_map<std::string, std::vector<GroupRecord>> Store::users_scim_groups(
    const std::vector<UserRecord>& users) {
    std::unordered_map<std::string, std::vector<GroupRecord>> out;
    if (users.empty()) return out;
    // The ids travel as one JSON array (json_each), whatever the page size.
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& u : users) ids.push_back(u.id);
    static const std::string sql =
        std::string("SELECT ") + kGroupColumns +
        ", memberships.user_id FROM memberships JOIN groups ON groups.id = memberships.group_id "
        "WHERE memberships.user_id IN (SELECT value FROM json_each(?)) AND "
        "groups.integration_id IS NOT NULL ORDER BY groups.seq";
    auto s = db_->prepare(sql.c_str());
    s.bind(1, ids.dump());
    while (s.step()) out[s.text(8)].push_back(read_group(s));
    return out;
}

// [SECTION] Groups
std::optional<GroupRecord> Store::group(const std::string& id) {
    static const std::string sql =
        std::string("SELECT ") + kGroupColumns + " FROM groups WHERE id = ?";
    auto s = db_->prepare(sql.c_str());
    s.bind(1, id);
    return read_first(s, read_group);
}

std::vector<GroupRecord> Store::list_groups() {
    static const std::string sql =
        std::string("SELECT ") + kGroupColumns + " FROM groups WHERE imported = 1 ORDER BY seq";
    auto s = db_->prepare(sql.c_str());
    return read_all(s, read_group);
}

bool Store::insert_group(GroupRecord& g) {
    if (g.id.empty()) g.id = new_object_id();
    g.created_at = g.updated_at = utc_now();
    auto s = db_->prepare(
        "INSERT INTO groups (id, name, issued, imported, integration_id, external_id, created_at, "
        "updated_at) "
        "VALUES (?,?,?,?,?,?,?,?)");
    s.bind(1, g.id).bind(2, g.name).bind(3, g.issued).bind(4, std::int64_t{g.imported});
    bind_optional_id(s, 5, g.integration_id);
    bind_optional_text(s, 6, g.external_id);
    s.bind(7, g.created_at).bind(8, g.updated_at);
    return s.run();
}

bool Store::update_group(const GroupRecord& g) {
    auto s = db_->prepare(
        "UPDATE groups SET name = ?, imported = ?, external_id = ?, updated_at = ? WHERE id = ?");
    s.bind(1, g.name).bind(2, std::int64_t{g.imported});
    bind_optional_text(s, 3, g.external_id);
    s.bind(4, utc_now()).bind(5, g.id);
    return s.run() && db_->changes() == 1;
}

bool Store::delete_group(const std::string& id) {
    return db_->prepare("DELETE FROM groups WHERE id = ?").bind(1, id).run() && db_->changes() == 1;
}

std::vector<MemberRecord> Store::members(const std::string& group_id) {
    auto s = db_->prepare(
        "SELECT u.id, u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.group_id "
        "= ? ORDER BY u.seq");
    s.bind(1, group_id);
    std::vector<MemberRecord> out;
    while (s.step()) out.push_back({s.text(0), s.text(1)});
    return out;
}

bool Store::add_member(const std::string& group_id, const std::string& user_id) {
    return db_->prepare("INSERT OR IGNORE INTO memberships (user_id, group_id) VALUES (?, ?)")
        .bind(1, user_id)
        .bind(2, group_id)
        .run();
}

bool Store::remove_member(const std::string& group_id, const std::string& user_id) {
    return db_->prepare("DELETE FROM memberships WHERE user_id = ? AND group_id = ?")
        .bind(1, user_id)
        .bind(2, group_id)
        .run();
}

bool Store::clear_members(const std::string& group_id) {
    return db_->prepare("DELETE FROM memberships WHERE group_id = ?").bind(1, group_id).run();
}

// [SECTION] Sign-in through identity providers
std::optional<UserRecord> Store::user_by_email(const std::string& email) {
    static const std::string sql = std::string("SELECT ") + kUserColumns +
                                   " FROM users WHERE is_service_user = 0 AND (lower(email) = ? "
                                   "OR user_name_key = ?) ORDER BY seq LIMIT 1";
    const std::string key = to_lower(email);
    auto s = db_->prepare(sql.c_str());
    s.bind(1, key).bind(2, openzro::user_name_key(email).value_or(key));
    return read_first(s, read_user);
}

bool Store::record_sign_in(const std::string& user_id, const std::string& idp_id) {
    return db_->prepare("UPDATE users SET idp_id = ?, last_login = ? WHERE id = ?")
               .bind(1, idp_id)
               .bind(2, utc_now())
               .bind(3, user_id)
               .run() &&
           db_->changes() == 1;
}

bool Store::set_pending_approval(const std::string& user_id, bool pending) {
    return db_->prepare("UPDATE users SET pending_approval = ?, updated_at = ? WHERE id = ?")
               .bind(1, std::int64_t{pending})
               .bind(2, utc_now())
               .bind(3, user_id)
               .run() &&
           db_->changes() == 1;
}

std::string Store::account_id() {
    auto s = db_->prepare("SELECT value FROM meta WHERE key = 'account_id'");
    return s.step() ? s.text(0) : std::string();
}

bool Store::user_approval_required() {
    auto s = db_->prepare("SELECT value FROM meta WHERE key = 'user_approval_required'");
    return s.step() && s.text(0) == "true";
}

bool Store::set_user_approval_required(bool required) {
    return db_->prepare("UPDATE meta SET value = ? WHERE key = 'user_approval_required'")
        .bind(1, required ? "true" : "false")
        .run();
}

// [SECTION] Identity providers
std::vector<IdentityProviderRecord> Store::identity_providers() {
    auto s = db_->prepare(
        "SELECT id, type, name, issuer, client_id, client_secret, email_domain FROM "
        "identity_providers ORDER BY created_at, id");
    std::vector<IdentityProviderRecord> out;
    while (s.step()) {
        out.push_back(
            {s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)});
        out.back().client_secret = open_secret(out.back().client_secret, out.back().id);
    }
    return out;
}

std::optional<IdentityProviderRecord> Store::identity_provider(const std::string& id) {
    auto s = db_->prepare(
        "SELECT id, type, name, issuer, client_id, client_secret, email_domain FROM "
        "identity_providers WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    IdentityProviderRecord idp{s.text(0), s.text(1), s.text(2), s.text(3),
                               s.text(4), s.text(5), s.text(6)};
    idp.client_secret = open_secret(idp.client_secret, idp.id);
    return idp;
}

bool Store::save_identity_provider(IdentityProviderRecord& idp) {
    if (idp.id.empty()) {
        idp.id = new_object_id();
        return db_
            ->prepare(
                "INSERT INTO identity_providers (id, type, name, issuer, client_id, client_secret, "
                "created_at, email_domain) VALUES (?,?,?,?,?,?,?,?)")
            .bind_all(idp.id, idp.type, idp.name, idp.issuer, idp.client_id,
                      secrets_->seal(idp.client_secret, idp.id), utc_now(), idp.email_domain)
            .run();
    }
    return db_->prepare(
                  "UPDATE identity_providers SET type = ?, name = ?, issuer = ?, client_id = ?, "
                  "client_secret = ?, email_domain = ? WHERE id = ?")
               .bind_all(idp.type, idp.name, idp.issuer, idp.client_id,
                         secrets_->seal(idp.client_secret, idp.id), idp.email_domain, idp.id)
               .run() &&
           db_->changes() == 1;
}

bool Store::delete_identity_provider(const std::string& id) {
    return db_->prepare("DELETE FROM identity_providers WHERE id = ?").bind(1, id).run() &&
           db_->changes() == 1;
}

std::string Store::open_secret(const std::string& stored, const std::string& idp_id) const {
    return secrets_->open(stored, idp_id).value_or(std::string());
}

bool Store::seal_stored_secrets(std::string& error) {
    std::vector<std::pair<std::string, std::string>> plaintext;  // id, secret
    {
        auto s = db_->prepare("SELECT id, client_secret FROM identity_providers");
        while (s.step()) {
            const std::string id = s.text(0);
            const std::string stored = s.text(1);
            if (!SecretBox::is_sealed(stored)) {
                plaintext.emplace_back(id, stored);
            } else if (!secrets_->open(stored, id)) {
                error = "it does not open the client secret of identity provider " + id;
                return false;
            }
        }
    }
    if (plaintext.empty()) return true;
    Transaction tx(*db_);
    bool ok = true;
    for (const auto& [id, secret] : plaintext) {
        ok = ok && db_->prepare("UPDATE identity_providers SET client_secret = ? WHERE id = ?")
                       .bind(1, secrets_->seal(secret, id))
                       .bind(2, id)
                       .run();
    }
    if (ok && tx.commit()) return true;
    error = "could not encrypt the stored client secrets: " + db_->last_error();
    return false;
}

// [SECTION] Integrations
constexpr const char* kIntegrationColumns =
    "id, connection_name, connector_id, enabled, group_prefixes, user_group_prefixes, token_hint, "
    "contacted, "
    "last_synced_at";

std::vector<IntegrationRecord> Store::integrations() {
    static const std::string sql =
        std::string("SELECT ") + kIntegrationColumns + " FROM integrations ORDER BY id";
    auto s = db_->prepare(sql.c_str());
    return read_all(s, read_integration);
}

std::optional<IntegrationRecord> Store::integration(std::int64_t id) {
    static const std::string sql =
        std::string("SELECT ") + kIntegrationColumns + " FROM integrations WHERE id = ?";
    auto s = db_->prepare(sql.c_str());
    s.bind(1, id);
    return read_first(s, read_integration);
}

std::optional<IntegrationRecord> Store::integration_for_token(const std::string& token) {
    static const std::string sql = std::string("SELECT ") + kIntegrationColumns +
                                   ", token_hash FROM integrations WHERE token_hash = ?";
    const std::string hash = crypto::sha256_hex(token);
    auto s = db_->prepare(sql.c_str());
    s.bind(1, hash);
    if (!s.step() || !crypto::constant_time_equal(s.text(9), hash)) return std::nullopt;
    return read_integration(s);
}

std::string Store::insert_integration(IntegrationRecord& i) {
    std::string token = new_scim_token();
    i.token_hint = mask_token(token);
    i.last_synced_at = utc_now();
    auto s = db_->prepare(
        "INSERT INTO integrations (connection_name, connector_id, enabled, group_prefixes, "
        "user_group_prefixes, "
        "token_hash, token_hint, last_synced_at, created_at) VALUES (?,?,?,?,?,?,?,?,?) "
        "RETURNING id");
    s.bind(1, i.connection_name).bind(2, i.connector_id).bind(3, std::int64_t{i.enabled});
    s.bind(4, join_json(i.group_prefixes)).bind(5, join_json(i.user_group_prefixes));
    s.bind(6, crypto::sha256_hex(token))
        .bind(7, i.token_hint)
        .bind(8, i.last_synced_at)
        .bind(9, i.last_synced_at);
    if (!s.step()) return {};
    i.id = s.integer(0);
    return s.run() ? token : std::string();
}

bool Store::update_integration(const IntegrationRecord& i) {
    auto s = db_->prepare(
        "UPDATE integrations SET connection_name = ?, connector_id = ?, enabled = ?, "
        "group_prefixes = ?, "
        "user_group_prefixes = ? WHERE id = ?");
    s.bind(1, i.connection_name).bind(2, i.connector_id).bind(3, std::int64_t{i.enabled});
    s.bind(4, join_json(i.group_prefixes)).bind(5, join_json(i.user_group_prefixes)).bind(6, i.id);
    return s.run() && db_->changes() == 1;
}

bool Store::delete_integration(std::int64_t id) {
    return db_->prepare("DELETE FROM integrations WHERE id = ?").bind(1, id).run() &&
           db_->changes() == 1;
}

std::string Store::regenerate_integration_token(std::int64_t id) {
    std::string token = new_scim_token();
    const bool ok =
        db_->prepare("UPDATE integrations SET token_hash = ?, token_hint = ? WHERE id = ?")
            .bind(1, crypto::sha256_hex(token))
            .bind(2, mask_token(token))
            .bind(3, id)
            .run() &&
        db_->changes() == 1;
    return ok ? token : std::string();
}

bool Store::mark_contacted(std::int64_t id) {
    return db_->prepare("UPDATE integrations SET contacted = 1 WHERE id = ?").bind(1, id).run();
}

bool Store::add_sync_log(std::int64_t integration_id, const std::string& level,
                         const std::string& message) {
    const std::string now = utc_now();
    std::int64_t id = 0;
    {
        auto s = db_->prepare(
            "INSERT INTO sync_logs (integration_id, level, timestamp, message) VALUES (?,?,?,?) "
            "RETURNING id");
        s.bind_all(integration_id, level, now, message);
        if (!s.step()) return false;
        id = s.integer(0);
        if (!s.run()) return false;
    }
    return db_->prepare("UPDATE integrations SET last_synced_at = ? WHERE id = ?")
               .bind(1, now)
               .bind(2, integration_id)
               .run() &&
           (id % kSyncLogTrimEvery != 0 || trim_sync_logs());
}

bool Store::trim_sync_logs() {
    std::vector<std::int64_t> integration_ids;
    {
        auto s = db_->prepare("SELECT id FROM integrations");
        while (s.step()) integration_ids.push_back(s.integer(0));
    }
    for (const std::int64_t id : integration_ids) {
        if (!db_->prepare("DELETE FROM sync_logs WHERE integration_id = ?1 AND id <= (SELECT id "
                          "FROM sync_logs WHERE integration_id = ?1 ORDER BY id DESC LIMIT 1 "
                          "OFFSET ?2)")
                 .bind(1, id)
                 .bind(2, kSyncLogsKept)
                 .run())
            return false;
    }
    return true;
}

std::vector<SyncLogRecord> Store::sync_logs(std::int64_t integration_id) {
    auto s = db_->prepare(
        "SELECT id, level, timestamp, message FROM sync_logs WHERE integration_id = ? ORDER BY id "
        "DESC LIMIT ?");
    s.bind(1, integration_id).bind(2, kSyncLogsKept);
    std::vector<SyncLogRecord> out;
    while (s.step()) out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3)});
    return out;
}

}  // namespace openzro
