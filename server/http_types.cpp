#include "server/http_types.h"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace openzro {

std::string to_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

std::optional<std::string> Request::param(std::string_view name, bool any_case) const {
    for (const auto& [key, value] : query)
        if (any_case ? iequals(key, name) : key == name) return value;
    return std::nullopt;
}

std::string Response::header(std::string_view name) const {
    if (iequals(name, "content-type")) return content_type;
    for (const auto& [key, value] : headers)
        if (iequals(key, name)) return value;
    return {};
}

bool parse_target(Request& request) {
    auto parsed = boost::urls::parse_origin_form(request.target);
    if (!parsed) return false;
    const boost::urls::url_view url = *parsed;
    request.path = url.path();
    request.query.clear();
    // Okta sometimes sends '+' for spaces in the filter: decode it as a space.
    boost::urls::encoding_opts opts;
    opts.space_as_plus = true;
    for (const auto& param : url.encoded_params()) {
        request.query.emplace_back(param.key.decode(opts),
                                   param.has_value ? param.value.decode(opts) : std::string());
    }
    return true;
}

}  // namespace openzro
