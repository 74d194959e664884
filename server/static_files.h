// The built wasm app from --web-root: correct MIME types, Brotli or gzip when accepted (the
// build's precompressed `<file>.br` / `<file>.gz` beside the file, else gzip compressed once and
// kept in memory), ETag revalidation, and index.html for / and extension-less paths (SPA).
// The app's page carries a Content-Security-Policy that admits its inline parts by hash only.
#pragma once
#include <ctime>
#include <string>
#include <string_view>
#include <unordered_map>

#include "server/http_types.h"

namespace openzro {

class StaticFiles {
  public:
    // `frame_ancestors`: the CSP source list of who may frame the pages ("'self'").
    StaticFiles(std::string root, std::string frame_ancestors)
        : root_(std::move(root)), frame_ancestors_(std::move(frame_ancestors)) {}
    bool enabled() const { return !root_.empty(); }
    Response serve(const Request& request);

  private:
    struct Entry {
        std::string body;
        std::string gzip;    // empty: not worth compressing
        std::string brotli;  // empty: the build left no current `.br`
        std::string etag;
        std::string mime;
        std::string csp;  // HTML only
        std::time_t mtime = 0;
        long long size = -1;
    };
    const Entry* load(const std::string& relative);

    std::string root_;
    std::string frame_ancestors_;
    std::unordered_map<std::string, Entry> cache_;
};

std::string mime_type(const std::string& path);
// The policy of an HTML page: the app's own origin, its WebAssembly, and the page's inline
// <script> and <style> blocks by SHA-256; `app` false (other pages, e.g. examples/) keeps only
// what limits any page (framing, plugins, base URL) and leaves the rest to the page.
std::string page_csp(const std::string& html, bool app, const std::string& frame_ancestors);
// RFC 1952 gzip of `data` (Beast's deflate and Boost's CRC-32: no extra dependency).
std::string gzip_compress(const std::string& data);
// Whether an Accept-Encoding value admits `coding` ("gzip", "br"): named or `*`, without q=0.
bool accepts_encoding(std::string_view accept_encoding, std::string_view coding);

}  // namespace openzro
