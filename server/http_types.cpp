#include "server/http_types.h"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace openzro {

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
