#include "server_process.h"

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

namespace test_support {

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

void stop(pid_t pid) {
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
}

sockaddr_in loopback(int port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    return addr;
}

}  // namespace

int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr = loopback(0);
    socklen_t len = sizeof addr;
    int port = -1;
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    close(fd);
    return port;
}

bool port_accepts(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    const sockaddr_in addr = loopback(port);
    const bool ok = connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    return ok;
}

ServerProcess::ServerProcess(const std::string& binary, const std::vector<std::string>& extra,
                             int wait_ms) {
    char tmpl[] = "/tmp/openzro-test-server-XXXXXX";
    if (!mkdtemp(tmpl)) return;
    dir_ = tmpl;
    const int port = free_port();
    if (port <= 0) return;
    const std::string listen = "127.0.0.1:" + std::to_string(port);
    std::vector<std::string> args = {binary,          "--listen",       listen,
                                     "--data-dir",    dir_ + "/data",   "--token-file",
                                     dir_ + "/token", "--no-access-log"};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = spawn(args, dir_ + "/server.log");
    if (pid_ < 0) return;
    // Ready once the token is written and the port accepts connections.
    for (int waited = 0; waited < wait_ms; waited += 50) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        token_ = read_file(dir_ + "/token");
        while (!token_.empty() && (token_.back() == '\n' || token_.back() == ' '))
            token_.pop_back();
        if (!token_.empty() && port_accepts(port)) {
            origin_ = "http://" + listen;
            return;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;  // it ended: see server.log
            return;
        }
    }
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) stop(pid_);
    if (!dir_.empty()) std::system(("rm -rf '" + dir_ + "'").c_str());
}

Child::Child(const std::vector<std::string>& argv, const std::string& log_file)
    : pid_(spawn(argv, log_file)) {}

Child::~Child() {
    if (pid_ > 0 && status_ < 0) stop(pid_);
}

int Child::poll() {
    if (pid_ < 0) return 127;
    if (status_ >= 0) return status_;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_)
        status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    return status_;
}

}  // namespace test_support
