#include "server/config.h"

#include <cstdlib>
#include <string_view>
#include <utility>

#include "client/text.h"
#include "server/db.h"
#include "server/outbound_http.h"

namespace openzro {
namespace {

bool parse_size(std::string_view text, std::size_t& out) {
    const std::optional<std::int64_t> value = parse_digits(text, 12);
    if (!value) return false;
    out = static_cast<std::size_t>(*value);
    return true;
}

// Flags without a value.
constexpr std::pair<std::string_view, bool Config::*> kSwitches[] = {
    {"--check-db", &Config::check_db},
    {"--no-access-log", &Config::quiet_access_log},
    {"--sign-in-link", &Config::print_sign_in_link}};
// Flags whose value is kept as it is.
constexpr std::pair<std::string_view, std::string Config::*> kTextFlags[] = {
    {"--listen", &Config::listen},
    {"--data-dir", &Config::data_dir},
    {"--database", &Config::database_url},
    {"--web-root", &Config::web_root},
    {"--public-url", &Config::public_url},
    {"--frame-ancestors", &Config::frame_ancestors},
    {"--token-file", &Config::token_file},
    {"--jwt-issuer", &Config::jwt_issuer},
    {"--jwt-audience", &Config::jwt_audience}};

// The member `flag` sets, or nullptr.
template <class Member, std::size_t N>
Member find_flag(const std::pair<std::string_view, Member> (&flags)[N], std::string_view flag) {
    for (const auto& [name, member] : flags)
        if (name == flag) return member;
    return nullptr;
}

void apply_environment(Config& config) {
    if (const char* v = std::getenv("OPENZRO_LISTEN"); v && *v) config.listen = v;
    if (const char* v = std::getenv("OPENZRO_DATA_DIR"); v && *v) config.data_dir = v;
    if (const char* v = std::getenv("OPENZRO_WEB_ROOT"); v && *v) config.web_root = v;
    if (const char* v = std::getenv("OPENZRO_DATABASE_URL"); v && *v) config.database_url = v;
}

}  // namespace

std::string config_usage() {
    return "usage: openzro-server [--listen HOST:PORT] [--data-dir DIR] [--database URL]\n"
           "                      [--web-root DIR]\n"
           "                      [--cors-origin ORIGIN]... [--public-url URL] [--token-file "
           "FILE]\n"
           "                      [--seed-users N] [--body-limit BYTES] [--max-connections N]\n"
           "                      [--max-connections-per-address N] [--sign-in-link]\n"
           "                      [--header-timeout S] [--idle-timeout S] [--no-access-log] "
           "[--check-db]\n"
           "                      [--frame-ancestors SOURCES]\n"
           "                      [--jwt-issuer URL --jwt-audience AUD [--jwt-email-claim "
           "NAME]]\n"
           "--database postgresql://...: PostgreSQL, shared by replicas (default: SQLite in "
           "--data-dir)\n"
           "environment: OPENZRO_LISTEN, OPENZRO_DATA_DIR, OPENZRO_DATABASE_URL, "
           "OPENZRO_WEB_ROOT\n";
}

bool split_host_port(const std::string& listen, std::string& host, unsigned short& port) {
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0) return false;
    std::size_t value = 0;
    if (!parse_size(std::string_view(listen).substr(colon + 1), value) || value > 65535)
        return false;
    host = listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    port = static_cast<unsigned short>(value);
    return true;
}

ConfigResult parse_config(int argc, const char* const* argv) {
    ConfigResult result;
    Config& c = result.config;
    apply_environment(c);
    for (int i = 1; i < argc; ++i) {
        const std::string_view flag = argv[i];
        if (flag == "--help" || flag == "-h") {
            result.help = true;
            return result;
        }
        if (bool Config::*on = find_flag(kSwitches, flag)) {
            c.*on = true;
            continue;
        }
        if (i + 1 >= argc) {
            result.error = "missing value for " + std::string(flag);
            return result;
        }
        const std::string value = argv[++i];
        std::size_t number = 0;
        const bool numeric = parse_size(value, number);
        if (std::string Config::*text = find_flag(kTextFlags, flag))
            c.*text = value;
        else if (flag == "--cors-origin")
            c.cors_origins.push_back(value);
        else if (flag == "--jwt-email-claim" && !value.empty())
            c.jwt_email_claim = value;
        else if (numeric && flag == "--seed-users")
            c.seed_users = number;
        else if (numeric && flag == "--body-limit")
            c.body_limit = number;
        else if (numeric && number > 0 && flag == "--max-connections")
            c.max_connections = number;
        else if (numeric && number > 0 && flag == "--max-connections-per-address")
            c.max_connections_per_address = number;
        else if (numeric && number > 0 && number < 3600 && flag == "--header-timeout")
            c.header_timeout_s = static_cast<int>(number);
        else if (numeric && number > 0 && number < 3600 && flag == "--idle-timeout")
            c.idle_timeout_s = static_cast<int>(number);
        else {
            result.error = "unknown flag or bad value: " + std::string(flag) + " " + value;
            return result;
        }
    }
    std::string host;
    unsigned short port = 0;
    if (!split_host_port(c.listen, host, port)) result.error = "bad --listen value: " + c.listen;
    if (!c.jwt_issuer.empty() && c.jwt_audience.empty())
        result.error = "--jwt-issuer needs --jwt-audience (the API's audience at the provider)";
    if (const std::string why = outbound_url_error(c.jwt_issuer);
        !c.jwt_issuer.empty() && !why.empty())
        result.error = "bad --jwt-issuer " + c.jwt_issuer + ": " + why;
    if (!c.database_url.empty() && !Db::is_postgres_url(c.database_url))
        result.error =
            "--database takes a postgresql:// URL (SQLite is the default, in --data-dir)";
    if (c.public_url.empty()) c.public_url = "http://" + c.listen;
    while (!c.public_url.empty() && c.public_url.back() == '/') c.public_url.pop_back();
    return result;
}

}  // namespace openzro
