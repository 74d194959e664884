#include "ui/route.h"

#include "client/text.h"

namespace ui {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
                   hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

struct PageEntry {
    Page page;
    const char* path;
};
constexpr PageEntry kPages[] = {{Page::Integrations, "/integrations"},
                                {Page::TeamUsers, "/team/users"},
                                {Page::SignIn, "/sign-in"}};

}  // namespace

Route route_parse(std::string_view hash) {
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    Route route;
    const size_t q = hash.find('?');
    std::string_view path = hash.substr(0, q);
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    if (path.empty() || path == "/") path = "/integrations";
    route.path = std::string(path);
    route.page = Page::NotFound;
    for (const PageEntry& e : kPages)
        if (path == e.path) route.page = e.page;
    if (q != std::string_view::npos) {
        std::string_view rest = hash.substr(q + 1);
        while (!rest.empty()) {
            const size_t amp = rest.find('&');
            std::string_view pair = rest.substr(0, amp);
            rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
            if (pair.empty()) continue;
            const size_t eq = pair.find('=');
            route.query.emplace_back(
                percent_decode(pair.substr(0, eq)),
                eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1)));
        }
    }
    return route;
}

std::string route_format(const Route& route) {
    std::string out = "#" + route.path;
    char sep = '?';
    for (const auto& [key, value] : route.query) {
        out += sep;
        out += openzro::percent_encode(key);
        out += '=';
        out += openzro::percent_encode(value);
        sep = '&';
    }
    return out;
}

std::string route_hash(Page page) {
    for (const PageEntry& e : kPages)
        if (e.page == page) return std::string("#") + e.path;
    return "#/integrations";
}

const std::string* route_query_value(const Route& route, std::string_view key) {
    for (const auto& [k, v] : route.query)
        if (k == key) return &v;
    return nullptr;
}

}  // namespace ui
