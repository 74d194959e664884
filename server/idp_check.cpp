#include "server/idp_check.h"

#include "server/bounded_json.h"
#include "server/json_text.h"
#include "server/management_api.h"

namespace openzro {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxIssuerLength = 2048;

json result_json(const DiscoveryResult& result) {
    if (!result.ok) return {{"ok", false}, {"reason", result.reason}, {"message", result.message}};
    const OidcDiscovery& d = result.discovery;
    return {{"ok", true},
            {"issuer", d.issuer},
            {"authorization_endpoint", d.authorization_endpoint},
            {"token_endpoint", d.token_endpoint},
            {"jwks_uri", d.jwks_uri},
            {"end_session_endpoint", d.end_session_endpoint}};
}

}  // namespace

Response check_identity_provider(const Request& request, OidcIssuers* issuers) {
    const auto body = parse_bounded_json(request.body);
    const std::string issuer = body ? string_member(*body, "issuer") : std::string();
    if (issuer.empty()) return api_error(400, "the body must be {\"issuer\": \"https://...\"}");
    if (issuer.size() > kMaxIssuerLength) return api_error(400, "the issuer URL is too long");
    if (!issuers) return api_error(503, "this server makes no outbound calls");
    Response pending;
    pending.later = [issuers, url = issuer](const Response::Answer& answer) {
        issuers->probe(url, [answer](const DiscoveryResult& result) {
            answer(json_answer(200, "application/json", result_json(result)));
        });
    };
    return pending;
}

}  // namespace openzro
