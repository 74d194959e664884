#include "server/outbound_http.h"

#include <boost/url/parse.hpp>

#include "server/http_types.h"

namespace openzro {

bool is_loopback_host(std::string_view host) {
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host == "::1" || iequals(host, "localhost")) return true;
    // 127.x.y.z: four decimal parts, the first 127.
    if (host.substr(0, 4) != "127.") return false;
    int parts = 2;  // "127" and the one being read
    int digits = 0;
    for (const char c : host.substr(4)) {
        if (c == '.') {
            if (digits == 0) return false;
            ++parts;
            digits = 0;
        } else if (c >= '0' && c <= '9' && digits < 3) {
            ++digits;
        } else {
            return false;
        }
    }
    return parts == 4 && digits > 0;
}

std::string outbound_url_error(std::string_view url) {
    auto parsed = boost::urls::parse_absolute_uri(url);
    // Boost.URL 1.81 ends the host of "http://127.0.0.1.evil.com/" after "127.0.0.1" and
    // calls the rest a path; a path right after the authority must start with '/'.
    if (!parsed || !parsed->has_authority() || parsed->host().empty() ||
        (!parsed->encoded_path().empty() && parsed->encoded_path().front() != '/'))
        return "not an absolute http(s) URL";
    if (parsed->has_userinfo()) return "URLs with user information are not allowed";
    const auto scheme = to_lower(std::string(parsed->scheme()));
    if (scheme == "https") return {};
    if (scheme != "http") return "only https URLs are allowed";
    if (!is_loopback_host(parsed->encoded_host()))
        return "plain http is only allowed to a loopback host (127.0.0.1, ::1, localhost); "
               "use https";
    return {};
}

}  // namespace openzro
