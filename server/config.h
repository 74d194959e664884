// Server configuration: flags override environment variables, which override defaults.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace openzro {

struct Config {
    std::string listen = "127.0.0.1:8080";  // OPENZRO_LISTEN, --listen
    std::string data_dir = "./data";        // OPENZRO_DATA_DIR, --data-dir
    // OPENZRO_DATABASE_URL, --database: a postgresql:// URL (empty: SQLite in data_dir). The
    // key file stays in data_dir: replicas of one database share it.
    std::string database_url;
    std::string web_root;                   // OPENZRO_WEB_ROOT, --web-root (empty: no static files)
    std::vector<std::string> cors_origins;  // --cors-origin (repeatable)
    std::string public_url;                 // --public-url (empty: http://<listen>)
    std::string frame_ancestors = "'self'";  // --frame-ancestors: CSP sources that may frame us
    std::string token_file;                // --token-file: the owner's PAT, written once, mode 0600
    std::size_t seed_users = 0;            // --seed-users N: dev/test only, bulk users
    std::size_t body_limit = 1024 * 1024;  // --body-limit BYTES
    std::size_t max_connections = 512;     // --max-connections
    std::size_t max_connections_per_address = 128;  // --max-connections-per-address
    int header_timeout_s = 10;                      // --header-timeout SECONDS
    int idle_timeout_s = 60;                        // --idle-timeout SECONDS
    bool check_db = false;          // --check-db: check the database (SQLite: integrity_check)
    bool quiet_access_log = false;  // --no-access-log
    // --sign-in-link: print a one-time sign-in link for the owner on start. Off by default, so
    // a link good for a session is not in every start's console output or service log.
    bool print_sign_in_link = false;
    // Bearer JWTs of a host dashboard's OIDC provider (NetBird's AUTH_AUTHORITY, AUTH_AUDIENCE).
    std::string jwt_issuer;                 // --jwt-issuer URL (empty: Bearer JWTs refused)
    std::string jwt_audience;               // --jwt-audience AUD (required with --jwt-issuer)
    std::string jwt_email_claim = "email";  // --jwt-email-claim NAME
};

struct ConfigResult {
    Config config;
    std::string error;  // non-empty: bad flags
    bool help = false;
};

ConfigResult parse_config(int argc, const char* const* argv);
std::string config_usage();

// "127.0.0.1:8080" -> host and port; false if malformed.
bool split_host_port(const std::string& listen, std::string& host, unsigned short& port);

}  // namespace openzro
