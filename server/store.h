// The account's durable state: users, groups, memberships, access tokens, identity providers,
// SCIM integrations and their sync logs. Plain records in, plain records out.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/clock.h"
#include "server/db.h"
#include "server/secret_box.h"

namespace openzro {

struct UserRecord {
    std::string id;
    std::string email;
    std::string name;
    std::string role = "user";
    bool is_service_user = false;
    bool is_blocked = false;
    std::string issued = "api";
    std::string last_login = "0001-01-01T00:00:00Z";
    std::int64_t integration_id = 0;  // 0: not from a SCIM integration
    std::string external_id;
    std::string user_name;    // SCIM userName (unique case-insensitively); empty for others
    std::string scim = "{}";  // the SCIM attributes (no id, meta, groups or password)
    std::vector<std::string> auto_groups;
    std::string created_at;
    std::string updated_at;
    bool pending_approval = false;  // joined by email domain; waits for an admin
    std::string idp_id;             // the identity provider the user last signed in through
};

struct GroupRecord {
    std::string id;
    std::string name;
    std::string issued = "api";
    bool imported = true;  // false: pushed by SCIM but outside the integration's group prefixes
    std::int64_t integration_id = 0;
    std::string external_id;
    std::string created_at;
    std::string updated_at;
};

struct MemberRecord {
    std::string user_id;
    std::string display;
};

struct IdentityProviderRecord {
    std::string id;
    std::string type;
    std::string name;
    std::string issuer;
    std::string client_id;
    std::string client_secret;
    std::string email_domain;  // openZro extension: unknown users of this domain may join
};

struct IntegrationRecord {
    std::int64_t id = 0;
    std::string connection_name;
    std::string connector_id;
    bool enabled = true;
    std::vector<std::string> group_prefixes;
    std::vector<std::string> user_group_prefixes;
    std::string token_hint;  // "nbs_abc" + stars: what reads show
    bool contacted = false;  // Okta's first authenticated request has been logged
    std::string last_synced_at;
};

struct SyncLogRecord {
    std::int64_t id = 0;
    std::string level;
    std::string timestamp;
    std::string message;
};

std::string new_object_id();

class Store {
  public:
    // The key file lives in `data_dir`; the database there too (openzro.db) unless
    // `database_url` names a PostgreSQL database (postgresql://...).
    static std::unique_ptr<Store> open(const std::string& data_dir, const std::string& database_url,
                                       std::string& error);
    Db& db() { return *db_; }

    // [SECTION] Account and tokens
    // Creates the owner and its access token on the first start; returns the token then, else "".
    std::string ensure_owner();
    std::string owner_id();
    // The user an access token belongs to, or nullopt.
    std::optional<std::string> user_for_access_token(const std::string& token);
    std::string create_access_token(const std::string& user_id, const std::string& name);
    // Bulk dev/test users: `count` users in one transaction.
    bool seed_users(std::size_t count);

    // [SECTION] Users
    std::optional<UserRecord> user(const std::string& id);
    // Management listing: service users or not; users hidden by prefix filters are left out.
    std::vector<UserRecord> list_users(std::optional<bool> service_users);
    bool insert_user(UserRecord& user);  // fills id and timestamps when empty
    bool update_user(const UserRecord& user);
    bool delete_user(const std::string& id);
    bool set_user_groups(const std::string& user_id, const std::vector<std::string>& group_ids);
    bool user_name_taken(const std::string& user_name_key, const std::string& except_id);
    // The user holding a userName key (unique), in one indexed look-up; `orphaned` when it is
    // a SCIM user whose integration was deleted (what orphaned_scim_user finds).
    struct UserNameHolder {
        std::string id;
        bool orphaned = false;
    };
    std::optional<UserNameHolder> user_name_holder(const std::string& user_name_key);

    // [SECTION] SCIM views (scoped to one integration, in creation order)
    std::vector<UserRecord> scim_users(std::int64_t integration_id);
    std::int64_t scim_user_count(std::int64_t integration_id);
    std::vector<UserRecord> scim_user_page(std::int64_t integration_id, std::int64_t offset,
                                           std::int64_t limit);
    std::vector<UserRecord> scim_users_by(std::int64_t integration_id,
                                          const std::string& column_key, const std::string& value);
    std::vector<GroupRecord> scim_groups(std::int64_t integration_id);
    // A SCIM user whose integration was deleted, by userName key; a new integration adopts it.
    std::optional<UserRecord> orphaned_scim_user(const std::string& user_name_key);
    bool adopt_user(const std::string& user_id, std::int64_t integration_id);
    std::vector<GroupRecord> user_scim_groups(const std::string& user_id);
    // user_scim_groups of every user in `users`, in one query (a SCIM page is one look-up, not
    // one a user): user id -> its groups; a user in no SCIM group has no entry.
    std::unordered_map<std::string, std::vector<GroupRecord>> users_scim_groups(
        const std::vector<UserRecord>& users);

    // [SECTION] Groups
    std::optional<GroupRecord> group(const std::string& id);
    std::vector<GroupRecord> list_groups();  // imported groups only
    bool insert_group(GroupRecord& group);
    bool update_group(const GroupRecord& group);
    bool delete_group(const std::string& id);
    std::vector<MemberRecord> members(const std::string& group_id);
    bool add_member(const std::string& group_id, const std::string& user_id);
    bool remove_member(const std::string& group_id, const std::string& user_id);
    bool clear_members(const std::string& group_id);

    // [SECTION] Sign-in through identity providers
    // The person (not a service user) whose email or SCIM userName is `email`, any case.
    std::optional<UserRecord> user_by_email(const std::string& email);
    bool record_sign_in(const std::string& user_id, const std::string& idp_id);
    bool set_pending_approval(const std::string& user_id, bool pending);
    std::string account_id();
    bool user_approval_required();
    bool set_user_approval_required(bool required);

    // [SECTION] Identity providers
    std::vector<IdentityProviderRecord> identity_providers();
    std::optional<IdentityProviderRecord> identity_provider(const std::string& id);
    bool save_identity_provider(IdentityProviderRecord& idp);  // insert when id is empty
    bool delete_identity_provider(const std::string& id);

    // [SECTION] Integrations
    std::vector<IntegrationRecord> integrations();
    std::optional<IntegrationRecord> integration(std::int64_t id);
    std::optional<IntegrationRecord> integration_for_token(const std::string& token);
    // Creates the integration with a fresh token; returns the full token once.
    std::string insert_integration(IntegrationRecord& integration);
    bool update_integration(const IntegrationRecord& integration);
    bool delete_integration(std::int64_t id);
    std::string regenerate_integration_token(std::int64_t id);
    bool mark_contacted(std::int64_t id);
    // Appends a log entry and moves last_synced_at; old entries go (kSyncLogsKept).
    bool add_sync_log(std::int64_t integration_id, const std::string& level,
                      const std::string& message);
    // The newest first.
    std::vector<SyncLogRecord> sync_logs(std::int64_t integration_id);
    // Retention: every kSyncLogTrimEvery-th entry (of all) trims each integration to its newest
    // kSyncLogsKept, so none holds more than kSyncLogsKept + kSyncLogTrimEvery - 1; trimming
    // on every entry would walk 1000 index entries each time.
    static constexpr std::int64_t kSyncLogsKept = 1000;
    static constexpr std::int64_t kSyncLogTrimEvery = 64;

  private:
    Store(std::unique_ptr<Db> db, std::unique_ptr<SecretBox> secrets)
        : db_(std::move(db)), secrets_(std::move(secrets)) {}
    void load_auto_groups(std::vector<UserRecord>& users);
    // Start-up: every stored client_secret opens with the key; plaintext ones get sealed.
    bool seal_stored_secrets(std::string& error);
    bool trim_sync_logs();
    // The stored (sealed) client_secret in the clear; "" if it does not open.
    std::string open_secret(const std::string& stored, const std::string& idp_id) const;
    std::unique_ptr<Db> db_;
    std::unique_ptr<SecretBox> secrets_;  // client_secret at rest
};

}  // namespace openzro
