#include "server/static_files.h"

#include <sys/stat.h>

#include <openssl/evp.h>
#include <openssl/sha.h>
#include <boost/beast/zlib/deflate_stream.hpp>

#include <boost/crc.hpp>
#include <fstream>
#include <sstream>

#include "server/crypto.h"

namespace openzro {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool compressible(const std::string& mime) {
    return mime.rfind("text/", 0) == 0 || mime.find("javascript") != std::string::npos ||
           mime.find("json") != std::string::npos || mime == "application/wasm" ||
           mime == "image/svg+xml";
}

// Rejects "..", empty segments after the root and NUL bytes.
bool safe_path(const std::string& path) {
    if (path.empty() || path[0] != '/' || path.find('\0') != std::string::npos) return false;
    std::size_t pos = 1;
    while (pos <= path.size()) {
        const auto slash = std::min(path.find('/', pos), path.size());
        const std::string segment = path.substr(pos, slash - pos);
        if (segment == ".." || segment == "." || segment.find('\\') != std::string::npos)
            return false;
        pos = slash + 1;
    }
    return true;
}

// CSP hash source of `text`: 'sha256-<base64>'.
std::string sha256_source(std::string_view text) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
    unsigned char base64[4 * ((SHA256_DIGEST_LENGTH + 2) / 3) + 1];
    const auto length =
        static_cast<std::size_t>(EVP_EncodeBlock(base64, digest, SHA256_DIGEST_LENGTH));
    return "'sha256-" + std::string(reinterpret_cast<const char*>(base64), length) + "'";
}

// Hash sources of the inline blocks <tag ...>content</tag> (those without src=).
std::string inline_hashes(const std::string& html, const std::string& tag) {
    std::string out;
    const std::string open = "<" + tag;
    const std::string close = "</" + tag + ">";
    for (auto start = html.find(open); start != std::string::npos; start = html.find(open, start)) {
        const auto content = html.find('>', start);
        if (content == std::string::npos) break;
        const auto end = html.find(close, content);
        if (end == std::string::npos) break;
        if (html.substr(start, content - start).find(" src=") == std::string::npos)
            out +=
                " " + sha256_source(std::string_view(html).substr(content + 1, end - content - 1));
        start = end + close.size();
    }
    return out;
}

std::string read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

// The contents of `path` when it is a regular file at least as new as `source_mtime` (a
// precompressed copy older than its source is stale), else empty.
std::string read_if_current(const std::string& path, std::time_t source_mtime) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_mtime < source_mtime)
        return {};
    return read_whole(path);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// q=0 (0, 0.0, 0.000) refuses a coding; any other weight admits it.
bool zero_weight(std::string_view params) {
    for (std::size_t pos = 0; pos < params.size();) {
        const auto semi = std::min(params.find(';', pos), params.size());
        const auto param = trim(params.substr(pos, semi - pos));
        pos = semi + 1;
        if (param.size() < 2 || !iequals(param.substr(0, 2), "q=")) continue;
        const auto weight = trim(param.substr(2));
        return !weight.empty() && weight.find_first_not_of("0.") == std::string_view::npos;
    }
    return false;
}

void put_le32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

}  // namespace

std::string mime_type(const std::string& path) {
    static const std::pair<const char*, const char*> types[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".wasm", "application/wasm"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
        {".woff2", "font/woff2"},
        {".otf", "font/otf"},
        {".map", "application/json"}};
    for (const auto& [ext, type] : types)
        if (ends_with(path, ext)) return type;
    return "application/octet-stream";
}

std::string page_csp(const std::string& html, bool app, const std::string& frame_ancestors) {
    std::string limits = "object-src 'none'; base-uri 'self'; frame-ancestors " + frame_ancestors;
    if (!app) return limits;
    return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" +
           inline_hashes(html, "script") + "; style-src 'self'" + inline_hashes(html, "style") +
           "; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
           "form-action 'self'; " +
           limits;
}

std::string gzip_compress(const std::string& data) {
    namespace zlib = boost::beast::zlib;
    zlib::deflate_stream stream;
    stream.reset(6, 15, 8, zlib::Strategy::normal);
    std::string out = std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    const std::size_t header = out.size();
    out.resize(header + stream.upper_bound(data.size()) + 16);
    zlib::z_params zs;
    zs.next_in = data.data();
    zs.avail_in = data.size();
    zs.next_out = &out[header];
    zs.avail_out = out.size() - header;
    boost::system::error_code ec;
    stream.write(zs, zlib::Flush::finish, ec);
    if (ec && ec != zlib::error::end_of_stream) return {};
    out.resize(header + zs.total_out);
    boost::crc_32_type crc;
    crc.process_bytes(data.data(), data.size());
    put_le32(out, crc.checksum());
    put_le32(out, static_cast<std::uint32_t>(data.size()));
    return out;
}

bool accepts_encoding(std::string_view accept_encoding, std::string_view coding) {
    for (std::size_t pos = 0; pos <= accept_encoding.size();) {
        const auto comma = std::min(accept_encoding.find(',', pos), accept_encoding.size());
        const auto item = accept_encoding.substr(pos, comma - pos);
        pos = comma + 1;
        const auto semi = std::min(item.find(';'), item.size());
        const auto name = trim(item.substr(0, semi));
        if ((iequals(name, coding) || name == "*") &&
            !zero_weight(item.substr(std::min(semi + 1, item.size()))))
            return true;
    }
    return false;
}

const StaticFiles::Entry* StaticFiles::load(const std::string& relative) {
    const std::string full = root_ + relative;
    struct stat st {};
    if (::stat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
    Entry& entry = cache_[relative];
    if (entry.mtime == st.st_mtime && entry.size == static_cast<long long>(st.st_size))
        return &entry;
    entry.body = read_whole(full);
    entry.mime = mime_type(relative);
    if (entry.mime.rfind("text/html", 0) == 0)
        entry.csp = page_csp(entry.body, relative == "/index.html", frame_ancestors_);
    entry.etag = "\"" + crypto::sha256_hex(entry.body).substr(0, 20) + "\"";
    const bool worth = compressible(entry.mime) && entry.body.size() > 256;
    entry.brotli = worth ? read_if_current(full + ".br", st.st_mtime) : std::string();
    entry.gzip = worth ? read_if_current(full + ".gz", st.st_mtime) : std::string();
    if (worth && entry.gzip.empty()) entry.gzip = gzip_compress(entry.body);
    entry.mtime = st.st_mtime;
    entry.size = static_cast<long long>(st.st_size);
    return &entry;
}

Response StaticFiles::serve(const Request& request) {
    Response r;
    if (request.method != "GET") {
        r.status = 405;
        return r;
    }
    std::string path = request.path == "/" ? "/index.html" : request.path;
    if (!safe_path(path)) {
        r.status = 404;
        return r;
    }
    const Entry* entry = load(path);
    // Client-side routes (no file extension) get the app itself.
    if (!entry && path.find('.', path.rfind('/')) == std::string::npos) entry = load("/index.html");
    if (!entry) {
        r.status = 404;
        r.content_type = "text/plain; charset=utf-8";
        r.body = "not found\n";
        return r;
    }
    // Our file names carry no content hash, so every use revalidates (cheap with the ETag).
    r.set_header("Cache-Control", "no-cache");
    r.set_header("ETag", entry->etag);
    r.set_header("Vary", "Accept-Encoding");
    if (!entry->csp.empty()) r.set_header("Content-Security-Policy", entry->csp);
    if (request.header("if-none-match") == entry->etag) {
        r.status = 304;
        return r;
    }
    r.content_type = entry->mime;
    const std::string accept = request.header("accept-encoding");
    if (!entry->brotli.empty() && accepts_encoding(accept, "br")) {
        r.set_header("Content-Encoding", "br");
        r.body = entry->brotli;
    } else if (!entry->gzip.empty() && accepts_encoding(accept, "gzip")) {
        r.set_header("Content-Encoding", "gzip");
        r.body = entry->gzip;
    } else {
        r.body = entry->body;
    }
    return r;
}

}  // namespace openzro
