#include "server/oidc_issuer.h"

namespace openzro {

struct OidcIssuers::State {
    OutboundHttp& http;
    const Clock& clock;
    OidcIssuerOptions options;
};

OidcIssuers::OidcIssuers(OutboundHttp& http, const Clock& clock, OidcIssuerOptions options)
    : state_(std::make_shared<State>(State{http, clock, options})) {}

OidcIssuers::~OidcIssuers() = default;

void OidcIssuers::discovery(const std::string& issuer, DiscoveryDone done) {
    probe(issuer, std::move(done));
}

void OidcIssuers::probe(const std::string& /*issuer*/, DiscoveryDone done) {
    OutboundRequest request;
    request.url = "about:blank";
    state_->http.send(request, [done = std::move(done)](const OutboundResponse&) {
        DiscoveryResult r;
        r.reason = "unreachable";
        r.message = "OIDC discovery is not implemented yet";
        done(std::move(r));
    });
}

void OidcIssuers::verify(const std::string& issuer, std::string /*token*/,
                         JwtExpectations /*expect*/, VerifyDone done) {
    discovery(issuer, [done = std::move(done)](const DiscoveryResult& d) {
        JwtCheck check;
        check.unavailable = true;
        check.error = d.message;
        done(std::move(check));
    });
}

std::string normalize_issuer(std::string_view issuer) {
    while (!issuer.empty() && issuer.back() == '/') issuer.remove_suffix(1);
    return std::string(issuer);
}

}  // namespace openzro
