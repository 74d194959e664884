#include "server/schema.h"

namespace openzro {
namespace {

// In the shared texts: {SERIAL} an auto-numbered 64-bit key, {BIGINT} a 64-bit integer.
struct Spelling {
    const char* serial;
    const char* bigint;
};

std::string spelled(std::string text, const Spelling& spelling) {
    for (const auto& [name, value] :
         {std::pair{"{SERIAL}", spelling.serial}, std::pair{"{BIGINT}", spelling.bigint}}) {
        for (auto at = text.find(name); at != std::string::npos; at = text.find(name, at))
            text.replace(at, std::string(name).size(), value);
    }
    return text;
}

// [SECTION] Shared steps
constexpr const char* kAccount = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE integrations (
  id {SERIAL},
  connection_name TEXT NOT NULL,
  connector_id TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 1,
  group_prefixes TEXT NOT NULL DEFAULT '[]',
  user_group_prefixes TEXT NOT NULL DEFAULT '[]',
  token_hash TEXT NOT NULL UNIQUE,
  token_hint TEXT NOT NULL,
  contacted INTEGER NOT NULL DEFAULT 0,
  last_synced_at TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE users (
  seq {SERIAL},
  id TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  is_service_user INTEGER NOT NULL DEFAULT 0,
  is_blocked INTEGER NOT NULL DEFAULT 0,
  issued TEXT NOT NULL DEFAULT 'api',
  last_login TEXT NOT NULL DEFAULT '0001-01-01T00:00:00Z',
  integration_id {BIGINT} REFERENCES integrations(id) ON DELETE SET NULL,
  user_name_key TEXT,
  external_id TEXT,
  scim TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE UNIQUE INDEX users_user_name_key ON users(user_name_key) WHERE user_name_key IS NOT NULL;
CREATE INDEX users_external_id ON users(external_id);
CREATE TABLE groups (
  seq {SERIAL},
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  issued TEXT NOT NULL DEFAULT 'api',
  imported INTEGER NOT NULL DEFAULT 1,
  integration_id {BIGINT} REFERENCES integrations(id) ON DELETE SET NULL,
  external_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE TABLE memberships (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, group_id));
CREATE INDEX memberships_group ON memberships(group_id);
CREATE TABLE access_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL);
CREATE TABLE identity_providers (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  issuer TEXT NOT NULL,
  client_id TEXT NOT NULL,
  client_secret TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE sync_logs (
  id {SERIAL},
  integration_id {BIGINT} NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
  level TEXT NOT NULL,
  timestamp TEXT NOT NULL,
  message TEXT NOT NULL);
CREATE INDEX sync_logs_integration ON sync_logs(integration_id, id);
)sql";

// Sign-in through identity providers (issue 13): lasting sessions (only their hash), user
// approval, the provider's email domain; the trigger that ends sessions and the account's
// settings follow per engine.
constexpr const char* kSignIn = R"sql(
ALTER TABLE users ADD COLUMN pending_approval INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN idp_id TEXT;
ALTER TABLE identity_providers ADD COLUMN email_domain TEXT NOT NULL DEFAULT '';
CREATE TABLE sessions (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at {BIGINT} NOT NULL,
  created_at TEXT NOT NULL);
CREATE INDEX sessions_user ON sessions(user_id);
)sql";

// The users listing's version, bumped (by triggers, per engine) on every change a listing
// shows (users, their groups): a cached listing is checked with one read, unrelated writes
// (sessions, sync logs) keep it, and processes sharing the database agree on it.
constexpr const char* kListingVersion = R"sql(
INSERT INTO meta (key, value) VALUES ('listing_version', '0');
)sql";

// An integration's users through a small index: SCIM's totalResults (COUNT) and its pages
// (ORDER BY seq LIMIT/OFFSET) read the index, not every users row.
constexpr const char* kIntegrationIndex = R"sql(
CREATE INDEX users_integration ON users(integration_id);
)sql";

// What replicas of one database share (issue 16): sign-ins on their way through a provider
// and one-time sign-in codes, both by the SHA-256 of their secret.
constexpr const char* kSharedSignIns = R"sql(
CREATE TABLE pending_logins (
  seq {SERIAL},
  state_hash TEXT NOT NULL UNIQUE,
  idp_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  return_to TEXT NOT NULL,
  browser_hash TEXT NOT NULL,
  expires_at {BIGINT} NOT NULL);
CREATE INDEX pending_logins_expiry ON pending_logins(expires_at);
CREATE TABLE sign_in_codes (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at {BIGINT} NOT NULL);
)sql";

// [SECTION] SQLite's spelling
std::vector<std::string> sqlite_steps() {
    const Spelling spelling{"INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER"};
    std::string listing_triggers;
    // SQLite's triggers take one event each.
    for (const char* table : {"users", "memberships", "groups"})
        for (const char* event : {"insert", "update", "delete"})
            listing_triggers += std::string("CREATE TRIGGER ") + table + "_listing_" + event +
                                " AFTER " + event + " ON " + table +
                                " BEGIN UPDATE meta SET value = value + 1 WHERE key = "
                                "'listing_version'; END;\n";
    return {spelled(kAccount, spelling), spelled(kSignIn, spelling) + R"sql(
CREATE TRIGGER users_end_sessions AFTER UPDATE OF role, is_blocked, pending_approval ON users
  WHEN NEW.role IS NOT OLD.role OR (NEW.is_blocked AND NOT OLD.is_blocked)
    OR (NEW.pending_approval AND NOT OLD.pending_approval)
  BEGIN DELETE FROM sessions WHERE user_id = NEW.id; END;
INSERT OR IGNORE INTO meta (key, value) VALUES ('account_id', lower(hex(randomblob(10))));
INSERT OR IGNORE INTO meta (key, value) VALUES ('user_approval_required', 'false');
)sql",
            kListingVersion + listing_triggers, kIntegrationIndex,
            spelled(kSharedSignIns, spelling)};
}

// [SECTION] PostgreSQL's spelling
std::vector<std::string> postgres_steps() {
    const Spelling spelling{"BIGSERIAL PRIMARY KEY", "BIGINT"};
    return {spelled(kAccount, spelling), spelled(kSignIn, spelling) + R"sql(
CREATE FUNCTION users_end_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.role IS DISTINCT FROM OLD.role OR (NEW.is_blocked <> 0 AND OLD.is_blocked = 0)
     OR (NEW.pending_approval <> 0 AND OLD.pending_approval = 0) THEN
    DELETE FROM sessions WHERE user_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER users_end_sessions AFTER UPDATE OF role, is_blocked, pending_approval ON users
  FOR EACH ROW EXECUTE FUNCTION users_end_sessions();
INSERT INTO meta (key, value)
  VALUES ('account_id', substr(md5(random()::text || clock_timestamp()::text), 1, 20))
  ON CONFLICT DO NOTHING;
INSERT INTO meta (key, value) VALUES ('user_approval_required', 'false') ON CONFLICT DO NOTHING;
)sql",
            // Once a statement, not once a row.
            std::string(kListingVersion) + R"sql(
CREATE FUNCTION bump_listing_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE meta SET value = (CAST(value AS BIGINT) + 1)::text WHERE key = 'listing_version';
  RETURN NULL;
END $$;
CREATE TRIGGER users_listing AFTER INSERT OR UPDATE OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION bump_listing_version();
CREATE TRIGGER memberships_listing AFTER INSERT OR UPDATE OR DELETE ON memberships
  FOR EACH STATEMENT EXECUTE FUNCTION bump_listing_version();
CREATE TRIGGER groups_listing AFTER INSERT OR UPDATE OR DELETE ON groups
  FOR EACH STATEMENT EXECUTE FUNCTION bump_listing_version();
)sql",
            kIntegrationIndex, spelled(kSharedSignIns, spelling)};
}

}  // namespace

const std::vector<std::string>& schema_steps(SqlDialect dialect) {
    static const std::vector<std::string> sqlite = sqlite_steps();
    static const std::vector<std::string> postgres = postgres_steps();
    return dialect == SqlDialect::Sqlite ? sqlite : postgres;
}

}  // namespace openzro
