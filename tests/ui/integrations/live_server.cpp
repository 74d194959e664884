#include "live_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>  // NOLINT(modernize-deprecated-headers): POSIX kill() is declared here
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace testing_okta {

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

pid_t spawn(const std::vector<std::string>& args, const std::string& log) {
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

// A port nobody listens on now (the kernel's choice for port 0).
int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = -1;
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    close(fd);
    return port;
}

bool accepts(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    return ok;
}

bool exists(const std::string& path) {
    return access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::string LiveServer::find_binary() {
    if (const char* env = std::getenv("OPENZRO_SERVER_BIN")) return env;
#ifdef OPENZRO_SERVER_BIN
    if (exists(OPENZRO_SERVER_BIN)) return OPENZRO_SERVER_BIN;
#endif
    const std::string fallback =
        std::string(OPENZRO_SOURCE_DIR) + "/build/native/server/openzro-server";
    return exists(fallback) ? fallback : "";
}

std::string okta_sim_path() {
    return std::string(OPENZRO_SOURCE_DIR) + "/scripts/okta-sim";
}

LiveServer::LiveServer(const std::string& binary) {
    char tmpl[] = "/tmp/openzro-live-XXXXXX";
    if (!mkdtemp(tmpl)) return;
    dir_ = tmpl;
    const int port = free_port();
    if (port <= 0) return;
    const std::string listen = "127.0.0.1:" + std::to_string(port);
    pid_ = spawn({binary, "--listen", listen, "--data-dir", dir_ + "/data", "--token-file",
                  dir_ + "/token", "--no-access-log"},
                 dir_ + "/server.log");
    if (pid_ < 0) return;
    for (int i = 0; i < 100; ++i) {  // up to 10 s
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (accepts(port) && !read_file(dir_ + "/token").empty()) {
            origin_ = "http://" + listen;
            break;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return;
        }
    }
    token_ = read_file(dir_ + "/token");
    while (!token_.empty() && (token_.back() == '\n' || token_.back() == ' ')) token_.pop_back();
}

LiveServer::~LiveServer() {
    if (pid_ > 0) {
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
    if (!dir_.empty()) std::system(("rm -rf '" + dir_ + "'").c_str());
}

Child::Child(const std::vector<std::string>& argv, const std::string& log_file)
    : pid_(spawn(argv, log_file)) {}

Child::~Child() {
    if (pid_ > 0 && status_ < 0) {
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
}

int Child::poll() {
    if (pid_ < 0) return 127;
    if (status_ >= 0) return status_;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_)
        status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    return status_;
}

LiveBridge::LiveBridge(std::string origin, std::string token)
    : origin_(std::move(origin)), token_(std::move(token)) {}

void LiveBridge::pump(harness::Harness& h) {
    for (const auto& sent : h.http.sent()) {
        if (sent.id <= forwarded_) continue;
        forwarded_ = sent.id;
        if (sent.cancelled) continue;
        openzro::HttpRequest out = sent.request;
        out.url = origin_ + sent.request.url;
        out.headers.set("Authorization", "Token " + token_);
        beast_.send(std::move(out), [&h, id = sent.id](openzro::HttpResponse r) {
            h.http.respond(id, std::move(r));
        });
    }
    beast_.poll();
    h.frame();
}

}  // namespace testing_okta
