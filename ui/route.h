// ui/route.h: hash routes (#/integrations, #/team/users?source=okta). The location hash is the
// single source of truth: deep links, reload, back and forward all go through route_parse.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ui {

enum class Page { Integrations, TeamUsers, SignIn, NotFound };

struct Route {
    Page page = Page::Integrations;
    std::string path = "/integrations";                      // as typed, without '#' and query
    std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
};

Route route_parse(std::string_view hash);      // accepts "#/x?a=b", "/x", "" (the default page)
std::string route_format(const Route& route);  // "#/team/users?source=okta"
std::string route_hash(Page page);             // the canonical hash of a page
const std::string* route_query_value(const Route& route, std::string_view key);

}  // namespace ui
