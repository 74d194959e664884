// Index of this file:
//   Small encoders
//   Answers
//   SignIn
//   The login redirect
//   The callback

#include "server/sign_in.h"

#include <algorithm>
#include <cctype>

#include "server/admission.h"
#include "server/crypto.h"
#include "server/json_text.h"
#include "server/jwt.h"
#include "server/management_api.h"

namespace openzro {
namespace {

using json = nlohmann::json;

constexpr const char* kDefaultRoute = "#/integrations";
constexpr std::size_t kMaxReturnTo = 512;
constexpr std::size_t kBrowserIdLength = 43;
constexpr std::size_t kMaxEmail = 320;

// [SECTION] Small encoders
std::string form_encode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

std::string form(std::initializer_list<std::pair<const char*, std::string_view>> fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty()) out.push_back('&');
        out += name;
        out.push_back('=');
        out += form_encode(value);
    }
    return out;
}

std::string base64_encode(std::string_view bytes) {
    std::string out = base64url_encode(bytes);
    std::replace(out.begin(), out.end(), '-', '+');
    std::replace(out.begin(), out.end(), '_', '/');
    while (out.size() % 4 != 0) out.push_back('=');
    return out;
}

int hex_digit(char c) {
    return c <= '9' ? c - '0' : c - 'a' + 10;
}

// sha256_hex's lower-case hex back to bytes.
std::string bytes_from_hex(std::string_view hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<char>(hex_digit(hex[i]) * 16 + hex_digit(hex[i + 1])));
    return out;
}

// RFC 7636: BASE64URL(SHA256(verifier)).
std::string s256_challenge(const std::string& verifier) {
    return base64url_encode(bytes_from_hex(crypto::sha256_hex(verifier)));
}

bool is_safe_url(const std::string& url) {
    return outbound_url_error(url).empty() && std::none_of(url.begin(), url.end(), [](char c) {
               return static_cast<unsigned char>(c) < 0x21 || c == 0x7f;
           });
}

bool is_browser_id(const std::string& id) {
    return id.size() == kBrowserIdLength && std::all_of(id.begin(), id.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) != 0;
           });
}

// [SECTION] Answers
Response json_ok(const json& body) {
    return json_answer(200, "application/json", body);
}

Response redirect(const std::string& location) {
    Response r;
    r.status = 302;
    r.set_header("Location", location);
    r.set_header("Cache-Control", "no-store");
    return r;
}

std::string login_cookie(const std::string& value, bool https, int max_age) {
    return std::string(kLoginCookie) + "=" + value + "; Path=/auth/oidc; HttpOnly; SameSite=Lax; " +
           "Max-Age=" + std::to_string(max_age) + (https ? "; Secure" : "");
}

// The sign-in screen with the reason; the login cookie has done its job.
Response refuse(const std::string& code, bool https) {
    Response r = redirect("/#/sign-in?error=" + code);
    r.set_header("Set-Cookie", login_cookie("", https, 0));
    return r;
}

}  // namespace

std::string safe_return_to(const std::optional<std::string>& return_to) {
    if (!return_to || return_to->size() > kMaxReturnTo || return_to->rfind("#/", 0) != 0 ||
        (return_to->size() > 2 && ((*return_to)[2] == '/' || (*return_to)[2] == '\\')))
        return kDefaultRoute;
    // Only URL characters that cannot end the fragment or split a header line.
    static const std::string allowed = "-._~!$&'()*+,;=:@/?%";
    for (const char ch : *return_to) {
        const auto c = static_cast<unsigned char>(ch);
        if (!std::isalnum(c) && allowed.find(ch) == std::string::npos && ch != '#')
            return kDefaultRoute;
    }
    return *return_to;
}

// [SECTION] SignIn
struct SignIn::Flow {
    IdentityProviderRecord idp;
    PendingLogin login;
    std::string code;
    Response::Answer answer;
    bool https = false;
};

SignIn::SignIn(SignInDeps deps) : deps_(std::move(deps)), pending_(deps_.store.db(), deps_.clock) {}

bool SignIn::https() const {
    return deps_.public_url.rfind("https://", 0) == 0;
}

std::optional<Response> SignIn::handle(const Request& request) {
    const std::string& path = request.path;
    const std::string& method = request.method;
    const bool known = path == "/auth/providers" || path == "/auth/config" ||
                       path == "/auth/logout" || path == "/auth/oidc/login" ||
                       path == "/auth/oidc/callback";
    if (!known) return std::nullopt;
    if (path == "/auth/logout") {
        if (method != "POST") return api_error(405, "sign out with POST");
        return logout(request);
    }
    if (method != "GET") return api_error(405, "method " + method + " is not allowed on " + path);
    if (path == "/auth/providers") return providers();
    if (path == "/auth/config") return config();
    if (path == "/auth/oidc/login") return login(request);
    return callback(request);
}

Response SignIn::providers() {
    json out = json::array();
    for (const auto& idp : deps_.store.identity_providers())
        out.push_back({{"id", idp.id}, {"name", idp.name}, {"type", idp.type}});
    return json_ok(out);
}

Response SignIn::config() {
    return json_ok({{"public_url", deps_.public_url},
                    {"redirect_uri", deps_.public_url + "/auth/oidc/callback"},
                    {"post_logout_redirect_uri", deps_.public_url + "/"}});
}

Response SignIn::logout(const Request& request) {
    const std::string session = cookie_value(request.header("cookie"), kSessionCookie);
    if (session.empty() || !deps_.auth.sessions().user_for(session))
        return api_error(401, "not signed in");
    if (request.header(kCsrfHeader) != "1")
        return api_error(403, "missing X-OpenZro-Request header");
    deps_.auth.sessions().revoke(session);
    Response r;
    r.status = 204;
    r.set_header("Set-Cookie", cleared_session_cookie(https()));
    r.set_header("Cache-Control", "no-store");
    return r;
}

// [SECTION] The login redirect
Response SignIn::login(const Request& request) {
    const auto idp_id = request.param("idp");
    auto idp = idp_id ? deps_.store.identity_provider(*idp_id) : std::nullopt;
    if (!idp) return refuse("unknown_provider", https());
    if (!deps_.issuers) return refuse("provider_error", https());
    std::string browser = cookie_value(request.header("cookie"), kLoginCookie);
    if (!is_browser_id(browser)) browser = crypto::random_token("", kBrowserIdLength);

    PendingLogin pending;
    pending.idp_id = idp->id;
    pending.nonce = crypto::random_token("", 43);
    pending.code_verifier = crypto::random_token("", 64);
    pending.return_to = safe_return_to(request.param("return_to"));
    pending.browser_hash = crypto::sha256_hex(browser);

    Response r;
    std::weak_ptr<int> alive = alive_;
    r.later = [this, alive, idp = std::move(*idp), pending = std::move(pending),
               browser = std::move(browser)](const Response::Answer& answer) mutable {
        deps_.issuers->discovery(idp.issuer, [this, alive, idp, pending, browser,
                                              answer](const DiscoveryResult& found) mutable {
            if (alive.expired()) return;
            const std::string& endpoint = found.discovery.authorization_endpoint;
            if (!found.ok || !is_safe_url(endpoint))
                return answer(refuse("provider_error", https()));
            const std::string challenge = s256_challenge(pending.code_verifier);
            const std::string nonce = pending.nonce;
            const std::string state = pending_.add(std::move(pending));
            if (state.empty()) return answer(refuse("unavailable", https()));
            const std::string query =
                form({{"response_type", "code"},
                      {"scope", "openid email profile"},
                      {"client_id", idp.client_id},
                      {"redirect_uri", deps_.public_url + "/auth/oidc/callback"},
                      {"state", state},
                      {"nonce", nonce},
                      {"code_challenge", challenge},
                      {"code_challenge_method", "S256"}});
            Response out =
                redirect(endpoint + (endpoint.find('?') == std::string::npos ? "?" : "&") + query);
            out.set_header("Set-Cookie", login_cookie(browser, https(),
                                                      static_cast<int>(PendingLogins::kLifetimeS)));
            answer(std::move(out));
        });
    };
    return r;
}

// [SECTION] The callback
Response SignIn::callback(const Request& request) {
    const auto state = request.param("state");
    auto login = state ? pending_.take(*state) : std::nullopt;
    const std::string browser = cookie_value(request.header("cookie"), kLoginCookie);
    if (!login || !is_browser_id(browser) ||
        !crypto::constant_time_equal(crypto::sha256_hex(browser), login->browser_hash))
        return refuse("invalid_state", https());
    if (request.param("error")) return refuse("provider_error", https());
    const auto code = request.param("code");
    if (!code || code->empty() || code->size() > 4096) return refuse("provider_error", https());
    auto idp = deps_.store.identity_provider(login->idp_id);
    if (!idp) return refuse("unknown_provider", https());
    if (!deps_.issuers || !deps_.outbound) return refuse("provider_error", https());

    auto flow = std::make_shared<Flow>();
    flow->idp = std::move(*idp);
    flow->login = std::move(*login);
    flow->code = *code;
    flow->https = https();
    Response r;
    std::weak_ptr<int> alive = alive_;
    r.later = [this, alive, flow](Response::Answer answer) {
        flow->answer = std::move(answer);
        deps_.issuers->discovery(flow->idp.issuer,
                                 [this, alive, flow](const DiscoveryResult& found) {
                                     if (alive.expired()) return;
                                     if (!found.ok)
                                         return flow->answer(refuse("provider_error", flow->https));
                                     exchange(flow, found.discovery);
                                 });
    };
    return r;
}

void SignIn::exchange(const std::shared_ptr<Flow>& flow, const OidcDiscovery& discovery) {
    OutboundRequest post;
    post.method = "POST";
    post.url = discovery.token_endpoint;
    // client_secret_basic (RFC 6749 section 2.3.1): both parts form-encoded first.
    post.headers = {
        {"Content-Type", "application/x-www-form-urlencoded"},
        {"Accept", "application/json"},
        {"Authorization", "Basic " + base64_encode(form_encode(flow->idp.client_id) + ":" +
                                                   form_encode(flow->idp.client_secret))}};
    post.body = form({{"grant_type", "authorization_code"},
                      {"code", flow->code},
                      {"redirect_uri", deps_.public_url + "/auth/oidc/callback"},
                      {"code_verifier", flow->login.code_verifier}});
    post.max_body = 64 * 1024;
    std::weak_ptr<int> alive = alive_;
    deps_.outbound->send(
        std::move(post), [this, alive, flow, discovery](const OutboundResponse& answer) {
            if (alive.expired()) return;
            const json body = json::parse(answer.body, nullptr, false);
            const auto id_token = body.is_object() ? body.find("id_token") : body.end();
            if (!answer.error.empty() || answer.status != 200 || !body.is_object() ||
                id_token == body.end() || !id_token->is_string())
                return flow->answer(refuse("exchange_failed", flow->https));
            check_id_token(flow, discovery, id_token->get<std::string>());
        });
}

void SignIn::check_id_token(const std::shared_ptr<Flow>& flow, const OidcDiscovery& discovery,
                            std::string id_token) {
    JwtExpectations expect;
    expect.issuer = discovery.issuer;
    expect.audience = flow->idp.client_id;
    expect.nonce = flow->login.nonce;
    std::weak_ptr<int> alive = alive_;
    deps_.issuers->verify(flow->idp.issuer, std::move(id_token), std::move(expect),
                          [this, alive, flow](const JwtCheck& check) {
                              if (alive.expired()) return;
                              if (!check.ok)
                                  return flow->answer(refuse("invalid_token", flow->https));
                              flow->answer(signed_in(*flow, check.claims));
                          });
}

Response SignIn::signed_in(const Flow& flow, const json& claims) {
    // Only an email the provider verified names a user here.
    const auto email = claims.find("email");
    const auto verified = claims.find("email_verified");
    if (email == claims.end() || !email->is_string() || verified == claims.end() ||
        !verified->is_boolean() || !verified->get<bool>())
        return refuse("invalid_token", flow.https);
    const std::string address = email->get<std::string>();
    if (address.empty() || address.size() > kMaxEmail) return refuse("invalid_token", flow.https);
    const auto name = claims.find("name");
    const Admission admission =
        admit(deps_.store, flow.idp, address,
              name != claims.end() && name->is_string() ? name->get<std::string>() : "");
    if (admission.user_id.empty()) return refuse(admission.refusal, flow.https);
    const std::string session = deps_.auth.sessions().create(admission.user_id);
    if (session.empty()) return refuse("server_error", flow.https);
    Response r = redirect("/" + flow.login.return_to);
    r.set_header("Set-Cookie", session_cookie(session, flow.https));
    r.set_header("Set-Cookie", login_cookie("", flow.https, 0));
    return r;
}

}  // namespace openzro
