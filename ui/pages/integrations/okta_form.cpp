#include "ui/pages/integrations/okta_form.h"

#include <cctype>

namespace ui {

namespace {

bool is_label_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
}

// "" when `domain` looks like a DNS name with a top-level domain, else why not.
std::string domain_problem(const std::string& domain, const char* example) {
    if (domain.empty()) return std::string("Enter a domain, e.g. ") + example;
    if (domain.find('@') != std::string::npos)
        return std::string("Enter the domain only, without the name before @, e.g. ") + example;
    if (domain.find('/') != std::string::npos) return "Enter the domain only, without a path";
    if (domain.find('.') == std::string::npos)
        return std::string("A domain has at least one dot, e.g. ") + example;
    size_t start = 0;
    while (start <= domain.size()) {
        const size_t dot = domain.find('.', start);
        const std::string label =
            domain.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (label.empty() || label.size() > 63)
            return "Each part between dots must be 1-63 characters";
        for (char c : label)
            if (!is_label_char(c)) return "Use only letters, digits, dots and hyphens";
        if (label.front() == '-' || label.back() == '-')
            return "A part between dots cannot start or end with a hyphen";
        if (dot == std::string::npos) {
            for (char c : label)
                if (!std::isalpha(static_cast<unsigned char>(c)))
                    return "The domain must end in a top-level domain such as .com";
            break;
        }
        start = dot + 1;
    }
    return "";
}

std::string trimmed(const std::string& s) {
    size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return s.substr(a, b - a);
}

}  // namespace

bool OktaSsoErrors::any() const {
    return !client_id.empty() || !client_secret.empty() || !okta_domain.empty() ||
           !email_domain.empty();
}

std::string okta_normalize_domain(const std::string& input) {
    std::string d = trimmed(input);
    for (const char* scheme : {"https://", "http://"})
        if (d.rfind(scheme, 0) == 0) d = d.substr(std::char_traits<char>::length(scheme));
    while (!d.empty() && d.back() == '/') d.pop_back();
    for (char& c : d) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return d;
}

std::string loopback_issuer(const std::string& input) {
    const std::string d = okta_normalize_domain(input);
    std::string host = d, port;
    if (!d.empty() && d.front() == '[') {  // [::1]:4000
        const size_t close = d.find(']');
        if (close == std::string::npos) return "";
        host = d.substr(0, close + 1);
        if (close + 1 < d.size()) {
            if (d[close + 1] != ':') return "";
            port = d.substr(close + 2);
        }
    } else if (const size_t colon = d.find(':'); colon != std::string::npos) {
        host = d.substr(0, colon);
        port = d.substr(colon + 1);
    }
    if (d.find(':') != std::string::npos && port.empty()) return "";
    if (port.size() > 5) return "";
    for (const char c : port)
        if (!std::isdigit(static_cast<unsigned char>(c))) return "";
    bool loopback = host == "localhost" || host == "[::1]";
    if (host.rfind("127.", 0) == 0) {  // 127.0.0.0/8, four numbers
        int dots = 0;
        loopback = host.back() != '.';
        for (size_t i = 0; i < host.size(); ++i) {
            if (host[i] == '.') {
                ++dots;
                loopback = loopback && i + 1 < host.size() && host[i + 1] != '.';
            } else if (!std::isdigit(static_cast<unsigned char>(host[i]))) {
                loopback = false;
            }
        }
        loopback = loopback && dots == 3;
    }
    return loopback ? "http://" + d : "";
}

std::string okta_issuer(const std::string& okta_domain) {
    if (std::string local = loopback_issuer(okta_domain); !local.empty()) return local;
    const std::string d = okta_normalize_domain(okta_domain);
    return domain_problem(d, "acme.okta.com").empty() ? "https://" + d : "";
}

std::string okta_domain_of_issuer(const std::string& issuer) {
    if (std::string local = loopback_issuer(issuer); !local.empty()) return local;
    return okta_normalize_domain(issuer);
}

OktaSsoErrors okta_sso_validate(const OktaSsoForm& f) {
    OktaSsoErrors e;
    const std::string id = trimmed(f.client_id);
    if (id.empty())
        e.client_id = "Copy the Client ID from the Sign On tab in Okta";
    else if (id.find(' ') != std::string::npos)
        e.client_id = "A Client ID has no spaces";
    if (f.client_secret.empty()) e.client_secret = "Copy the Client secret from the Sign On tab";
    if (!loopback_issuer(f.okta_domain).empty())
        e.okta_domain.clear();  // okta-sim or a demo on this machine
    else if (trimmed(f.okta_domain).rfind("http://", 0) == 0)
        e.okta_domain =
            "Okta is reached over https: use https:// or the domain alone (plain http only for "
            "127.0.0.1 or localhost)";
    else
        e.okta_domain = domain_problem(okta_normalize_domain(f.okta_domain), "acme.okta.com");
    e.email_domain = domain_problem(okta_normalize_domain(f.email_domain), "acme.com");
    return e;
}

openzro::IdentityProviderRequest okta_sso_request(const OktaSsoForm& f) {
    openzro::IdentityProviderRequest r;
    r.type = "okta";
    r.name = "Okta (" + okta_normalize_domain(f.email_domain) + ")";
    r.issuer = okta_issuer(f.okta_domain);
    r.client_id = trimmed(f.client_id);
    r.client_secret = f.client_secret;
    r.email_domain = okta_normalize_domain(f.email_domain);
    return r;
}

}  // namespace ui
