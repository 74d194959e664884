// openzro-server: the reference management server. See config.h for flags.
#include <sys/stat.h>

#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <exception>
#include <fstream>
#include <memory>

#include "server/app.h"
#include "server/config.h"
#include "server/data_lock.h"
#include "server/http_server.h"
#include "server/outbound_https.h"
#include "server/store.h"

namespace {

using namespace openzro;
namespace asio = boost::asio;

bool write_secret_file(const std::string& path, const std::string& secret) {
    const mode_t old_mask = ::umask(077);
    std::ofstream out(path, std::ios::trunc);
    out << secret << "\n";
    out.close();
    ::umask(old_mask);
    return ::chmod(path.c_str(), 0600) == 0 && out.good();
}

// After a stop request: wait for open answers to finish, at most five seconds.
void stop_when_drained(asio::steady_timer& timer, HttpServer& server, asio::io_context& ioc,
                       std::chrono::steady_clock::time_point deadline) {
    timer.expires_after(std::chrono::milliseconds(50));
    timer.async_wait([&timer, &server, &ioc, deadline](boost::system::error_code) {
        if (server.connections() == 0 || std::chrono::steady_clock::now() > deadline)
            return ioc.stop();
        stop_when_drained(timer, server, ioc, deadline);
    });
}

int run(const Config& config) {
    // Catch stop signals from the very start: one that arrives while the database opens is
    // queued and handled once the server runs.
    asio::io_context ioc;
    asio::signal_set signals(ioc, SIGTERM, SIGINT);
    std::string error;
    // One process per SQLite file; PostgreSQL replicas share their database (and data dir).
    std::unique_ptr<DataLock> lock;
    if (config.database_url.empty()) lock = DataLock::acquire(config.data_dir, error);
    if (config.database_url.empty() && !lock) {
        std::fprintf(stderr, "openzro-server: %s\n", error.c_str());
        return 1;
    }
    auto store = Store::open(config.data_dir, config.database_url, error);
    if (!store) {
        std::fprintf(stderr, "openzro-server: %s\n", error.c_str());
        return 1;
    }
    if (config.check_db) {
        const std::string result = store->db().integrity_check();
        std::printf("integrity_check: %s\n", result.c_str());
        return result == "ok" ? 0 : 1;
    }
    const std::string token = store->ensure_owner();
    if (!token.empty()) {
        // With --token-file the token goes there only, never to a console or service log.
        if (config.token_file.empty()) {
            std::printf("Account owner created. Personal access token (shown once): %s\n",
                        token.c_str());
        } else if (write_secret_file(config.token_file, token)) {
            std::printf("Account owner created. Personal access token written to %s\n",
                        config.token_file.c_str());
        } else {
            std::fprintf(stderr, "openzro-server: cannot write %s\n", config.token_file.c_str());
            return 1;
        }
    }
    if (config.seed_users > 0 && !store->seed_users(config.seed_users)) {
        std::fprintf(stderr, "openzro-server: seeding users failed: %s\n",
                     store->db().last_error().c_str());
        return 1;
    }

    // Declared before the App that uses it, so it outlives the App.
    const auto outbound = make_outbound_https(ioc);
    std::unique_ptr<App> app;
    HttpOptions http;
    http.body_limit = config.body_limit;
    http.max_connections = config.max_connections;
    http.max_connections_per_address = config.max_connections_per_address;
    http.header_timeout_s = config.header_timeout_s;
    http.idle_timeout_s = config.idle_timeout_s;
    http.access_log = !config.quiet_access_log;
    HttpServer server(ioc, http, [&app](const Request& request) { return app->handle(request); });
    std::string host;
    unsigned short port = 0;
    split_host_port(config.listen, host, port);
    if (!server.listen(host, port, error)) {
        std::fprintf(stderr, "openzro-server: %s\n", error.c_str());
        return 1;
    }
    // With port 0 the system picks one: print and use the real address.
    const std::string shown_host = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    const std::string address = shown_host + ":" + std::to_string(server.port());
    AppOptions options;
    options.public_url =
        config.public_url == "http://" + config.listen ? "http://" + address : config.public_url;
    options.cors_origins = config.cors_origins;
    options.web_root = config.web_root;
    options.frame_ancestors = config.frame_ancestors;
    options.jwt = {config.jwt_issuer, config.jwt_audience, config.jwt_email_claim};
    options.outbound = outbound.get();
    app = std::make_unique<App>(*store, options);

    std::printf("openZro Admin: http://%s/\n", address.c_str());
    if (config.print_sign_in_link) {
        std::printf("Sign in: http://%s/auth/one-time?code=%s\n", address.c_str(),
                    app->auth().issue_sign_in_code().c_str());
    } else {
        std::printf("Owner sign-in: start with --sign-in-link for a one-time link\n");
    }
    std::printf("SCIM base URL: %s/api/scim/v2\n", options.public_url.c_str());
    std::fflush(stdout);

    asio::steady_timer drain(ioc);
    signals.async_wait([&](boost::system::error_code ec, int) {
        if (ec) return;
        std::fprintf(stderr, "openzro-server: stopping\n");
        server.shutdown();
        stop_when_drained(drain, server, ioc,
                          std::chrono::steady_clock::now() + std::chrono::seconds(5));
    });
    ioc.run();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    const ConfigResult parsed = openzro::parse_config(argc, argv);
    if (parsed.help) {
        std::printf("%s", openzro::config_usage().c_str());
        return 0;
    }
    if (!parsed.error.empty()) {
        std::fprintf(stderr, "openzro-server: %s\n%s", parsed.error.c_str(),
                     openzro::config_usage().c_str());
        return 2;
    }
    try {
        return run(parsed.config);
    } catch (const std::exception& e) {  // Boost reports some socket failures by throwing
        std::fprintf(stderr, "openzro-server: %s\n", e.what());
        return 1;
    }
}
