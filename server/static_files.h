// The built wasm app from --web-root: correct MIME types, gzip when accepted (compressed once
// and kept in memory), ETag revalidation, and index.html for / and extension-less paths (SPA).
#pragma once
#include <ctime>
#include <string>
#include <unordered_map>

#include "server/http_types.h"

namespace openzro {

class StaticFiles {
  public:
    explicit StaticFiles(std::string root) : root_(std::move(root)) {}
    bool enabled() const { return !root_.empty(); }
    Response serve(const Request& request);

  private:
    struct Entry {
        std::string body;
        std::string gzip;  // empty: not worth compressing
        std::string etag;
        std::string mime;
        std::time_t mtime = 0;
        long long size = -1;
    };
    const Entry* load(const std::string& relative);

    std::string root_;
    std::unordered_map<std::string, Entry> cache_;
};

std::string mime_type(const std::string& path);
// RFC 1952 gzip of `data` (Beast's deflate and Boost's CRC-32: no extra dependency).
std::string gzip_compress(const std::string& data);

}  // namespace openzro
