// The data folder belongs to one server process: flock() on <data>/openzro.lock, held while
// this object lives and released by the kernel when the process ends, even when killed.
// Short-lived tools that open the database next to a running server take no lock.
#pragma once
#include <memory>
#include <string>

namespace openzro {

class DataLock {
  public:
    // nullptr and `error` when another process holds the lock or the file cannot be made.
    static std::unique_ptr<DataLock> acquire(const std::string& data_dir, std::string& error);
    DataLock(const DataLock&) = delete;
    DataLock& operator=(const DataLock&) = delete;
    ~DataLock();

  private:
    explicit DataLock(int fd) : fd_(fd) {}
    int fd_;
};

}  // namespace openzro
