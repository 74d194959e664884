// tests/support/server_process.h: the real reference server as a child process of a native
// test, on a free loopback port with a fresh data folder, and other child processes (okta-sim).
#pragma once
#include <sys/types.h>

#include <string>
#include <vector>

namespace test_support {

// A loopback port nobody listens on now (the kernel's choice for port 0); -1 on failure.
int free_port();
// Whether something accepts connections on the loopback port.
bool port_accepts(int port);

// openzro-server started with `extra` arguments; SIGTERM and its folder removed at the end.
class ServerProcess {
  public:
    // Waits up to `wait_ms` for the owner's token and the port (seeding many users takes time).
    explicit ServerProcess(const std::string& binary, const std::vector<std::string>& extra = {},
                           int wait_ms = 60000);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    bool ready() const { return !origin_.empty(); }
    const std::string& origin() const { return origin_; }  // "http://127.0.0.1:PORT"
    const std::string& owner_token() const { return token_; }
    const std::string& dir() const { return dir_; }  // data, token, server.log

  private:
    pid_t pid_ = -1;
    std::string dir_, origin_, token_;
};

// A child process; the destructor ends it (SIGTERM) if it still runs. Output goes to log_file.
class Child {
  public:
    Child(const std::vector<std::string>& argv, const std::string& log_file);
    ~Child();
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    // -1 while running, else the exit status.
    int poll();

  private:
    pid_t pid_ = -1;
    int status_ = -1;
};

}  // namespace test_support
