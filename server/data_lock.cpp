#include "server/data_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace openzro {

std::unique_ptr<DataLock> DataLock::acquire(const std::string& data_dir, std::string& error) {
    ::mkdir(data_dir.c_str(), 0700);
    const std::string path = data_dir + "/openzro.lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        error = "cannot open lock file " + path + ": " + std::strerror(errno);
        return nullptr;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int why = errno;
        ::close(fd);
        error = why == EWOULDBLOCK
                    ? "another openzro-server is already using the data folder " + data_dir +
                          " (it holds " + path + "); stop it first or choose another --data-dir"
                    : "cannot lock " + path + ": " + std::strerror(why);
        return nullptr;
    }
    return std::unique_ptr<DataLock>(new DataLock(fd));
}

DataLock::~DataLock() {
    ::close(fd_);  // releases the lock
}

}  // namespace openzro
