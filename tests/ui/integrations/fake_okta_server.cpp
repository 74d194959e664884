#include "fake_okta_server.h"

#include <ctime>

#include "client/model_json.h"

namespace testing_okta {

namespace {

openzro::HttpResponse json(int status, const std::string& body) {
    openzro::HttpResponse r;
    r.status = status;
    r.headers.set("Content-Type", "application/json");
    r.headers.set("X-Request-Id", "req-" + std::to_string(status));
    r.body = body;
    return r;
}

openzro::HttpResponse error(int status, const std::string& message) {
    return json(status,
                "{\"message\":\"" + message + "\",\"code\":" + std::to_string(status) + "}");
}

std::string masked(const std::string& token) {
    return token.substr(0, 7) + "*****";
}

openzro::UserPermissions permissions(bool write) {
    openzro::UserPermissions p;
    p.is_restricted = !write;
    for (const char* m : {"integrations", "identity_providers", "users", "groups", "accounts"})
        p.modules[m] = {{"read", true}, {"create", write}, {"update", write}, {"delete", write}};
    return p;
}

}  // namespace

std::string iso_ago(std::int64_t seconds_ago) {
    const std::time_t t = std::time(nullptr) - static_cast<std::time_t>(seconds_ago);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

openzro::CurrentUser owner_user() {
    openzro::CurrentUser u;
    u.id = "u-owner";
    u.email = "owner@acme.com";
    u.name = "Owner";
    u.role = "owner";
    u.status = "active";
    u.is_current = true;
    u.permissions = permissions(true);
    return u;
}

openzro::CurrentUser auditor_user() {
    openzro::CurrentUser u = owner_user();
    u.role = "auditor";
    u.permissions = permissions(false);
    return u;
}

FakeOktaServer::FakeOktaServer() : me(owner_user()) {
    openzro::IdentityProviderTestResult acme;
    acme.ok = true;
    acme.issuer = "https://acme.okta.com";
    acme.authorization_endpoint = "https://acme.okta.com/oauth2/v1/authorize";
    issuers[acme.issuer] = acme;
}

openzro::FakeHttpClient::Responder FakeOktaServer::responder() {
    return [this](const openzro::HttpRequest& r) { return handle(r); };
}

void FakeOktaServer::fail(const std::string& call, int times) {
    failures_[call] += times;
}

void FakeOktaServer::hold(const std::string& call) {
    held_.push_back(call);
}

void FakeOktaServer::add_log(std::int64_t integration, const std::string& level,
                             const std::string& message, std::int64_t seconds_ago) {
    openzro::IdpIntegrationSyncLog log;
    log.id = next_log_++;
    log.level = level;
    log.message = message;
    log.timestamp = iso_ago(seconds_ago);
    logs[integration].push_back(log);
}

void FakeOktaServer::okta_reaches(std::int64_t integration) {
    add_log(integration, "info", "Okta reached the SCIM endpoint (first authenticated request)");
}

void FakeOktaServer::okta_pushes(int user_count, int group_count) {
    for (int i = 0; i < user_count; ++i) {
        openzro::User u;
        u.id = "okta-u" + std::to_string(users.size());
        u.email = "user" + std::to_string(users.size()) + "@acme.com";
        u.issued = "integration";
        u.role = "user";
        u.status = "active";
        users.push_back(u);
    }
    for (int i = 0; i < group_count; ++i) {
        openzro::Group g;
        g.id = "okta-g" + std::to_string(groups.size());
        g.name = "Okta group " + std::to_string(groups.size());
        g.issued = "integration";
        groups.push_back(g);
    }
}

openzro::OktaScimIntegration& FakeOktaServer::add_setup(std::int64_t id, bool enabled,
                                                        const std::string& token) {
    if (providers.empty())
        providers.push_back(
            {"idp-1", "okta", "Okta (acme.com)", "https://acme.okta.com", "0oa1", "acme.com"});
    openzro::OktaScimIntegration i;
    i.id = id;
    i.enabled = enabled;
    i.connector_id = "idp-1";
    i.auth_token = token;
    integrations.push_back(i);
    return integrations.back();
}

int FakeOktaServer::count(const std::string& call) const {
    int n = 0;
    for (const Call& c : calls) n += (c.method + " " + c.path) == call;
    return n;
}

const Call* FakeOktaServer::last(const std::string& call) const {
    for (auto it = calls.rbegin(); it != calls.rend(); ++it)
        if ((it->method + " " + it->path) == call) return &*it;
    return nullptr;
}

std::optional<openzro::HttpResponse> FakeOktaServer::handle(const openzro::HttpRequest& request) {
    Call call{request.method, request.url, request.body};
    if (call.path.rfind("/api", 0) == 0) call.path = call.path.substr(4);
    call.path = call.path.substr(0, call.path.find('?'));
    calls.push_back(call);
    const std::string key = call.method + " " + call.path;
    for (const std::string& h : held_)
        if (h == key) return std::nullopt;
    if (auto it = failures_.find(key); it != failures_.end() && it->second > 0) {
        --it->second;
        return error(500, "database is locked");
    }
    return route(call);
}

openzro::HttpResponse FakeOktaServer::route(const Call& c) {
    using namespace openzro;
    const std::string scim = "/integrations/okta-scim-idp";
    if (c.method == "GET" && c.path == "/users/current") return json(200, write_json(me));
    if (c.method == "GET" && c.path == "/users") return json(200, write_json(users));
    if (c.method == "GET" && c.path == "/groups") return json(200, write_json(groups));
    if (c.method == "GET" && c.path == "/auth/config")
        return json(200, R"({"public_url":"https://vpn.acme.com",
            "redirect_uri":"https://vpn.acme.com/auth/oidc/callback",
            "post_logout_redirect_uri":"https://vpn.acme.com/"})");
    if (c.path == "/accounts" || c.path == "/accounts/acc-1") {
        if (c.method == "PUT") {
            AccountRequest req;
            if (read_json(c.body, req) || !req.settings.extra) return error(400, "bad request");
            user_approval_required = req.settings.extra->user_approval_required;
        }
        Account a;
        a.id = "acc-1";
        a.settings.extra.emplace().user_approval_required = user_approval_required;
        return json(200, c.method == "PUT" ? write_json(a) : write_json(std::vector<Account>{a}));
    }
    if (c.method == "POST" && c.path == "/identity-providers/test") {
        IdentityProviderTestRequest req;
        if (read_json(c.body, req)) return error(400, "bad request");
        if (auto it = issuers.find(req.issuer); it != issuers.end())
            return json(200, write_json(it->second));
        IdentityProviderTestResult r;
        r.reason = "unreachable";
        r.message = "Nothing answers at " + req.issuer + ": check the domain";
        return json(200, write_json(r));
    }
    if (c.path == "/identity-providers") {
        if (c.method == "GET") return json(200, write_json(providers));
        IdentityProviderRequest req;
        if (read_json(c.body, req)) return error(400, "bad request");
        IdentityProvider p{"idp-" + std::to_string(next_idp_++),
                           req.type,
                           req.name,
                           req.issuer,
                           req.client_id,
                           req.email_domain};
        providers.push_back(p);
        return json(200, write_json(p));
    }
    if (c.path.rfind("/identity-providers/", 0) == 0 && c.method == "PUT") {
        const std::string id = c.path.substr(20);
        IdentityProviderRequest req;
        if (read_json(c.body, req)) return error(400, "bad request");
        for (auto& p : providers)
            if (p.id == id) {
                p = {id, req.type, req.name, req.issuer, req.client_id, req.email_domain};
                return json(200, write_json(p));
            }
        return error(404, "not found");
    }
    if (c.path == scim) {
        if (c.method == "GET") {
            std::vector<OktaScimIntegration> out = integrations;
            for (auto& i : out) i.auth_token = masked(i.auth_token);
            return json(200, write_json(out));
        }
        CreateOktaScimIntegrationRequest req;
        if (read_json(c.body, req)) return error(400, "bad request");
        if (req.connection_name.empty()) return error(422, "connection_name is required");
        OktaScimIntegration i;
        i.id = next_integration_++;
        i.connector_id = req.connector_id;
        i.group_prefixes = req.group_prefixes;
        i.user_group_prefixes = req.user_group_prefixes;
        i.auth_token = "nbs_token" + std::to_string(++tokens_) + "abcdefghijklmnopqrstuvwxyz";
        integrations.push_back(i);
        return json(200, write_json(i));
    }
    if (c.path.rfind(scim + "/", 0) == 0) {
        std::string rest = c.path.substr(scim.size() + 1);
        const size_t slash = rest.find('/');
        const std::int64_t id = std::stoll(rest.substr(0, slash));
        const std::string sub = slash == std::string::npos ? "" : rest.substr(slash + 1);
        for (size_t n = 0; n < integrations.size(); ++n) {
            OktaScimIntegration& i = integrations[n];
            if (i.id != id) continue;
            if (sub == "logs") return json(200, write_json(logs[id]));
            if (sub == "token") {
                i.auth_token = "nbs_token" + std::to_string(++tokens_) + "regeneratedxyz";
                return json(200, "{\"auth_token\":\"" + i.auth_token + "\"}");
            }
            if (c.method == "DELETE") {
                integrations.erase(integrations.begin() + static_cast<std::ptrdiff_t>(n));
                return json(200, "{}");
            }
            if (c.method == "PUT") {
                UpdateOktaScimIntegrationRequest req;
                if (read_json(c.body, req)) return error(400, "bad request");
                if (req.enabled) i.enabled = *req.enabled;
                if (req.group_prefixes) i.group_prefixes = *req.group_prefixes;
                if (req.user_group_prefixes) i.user_group_prefixes = *req.user_group_prefixes;
            }
            OktaScimIntegration out = i;
            out.auth_token = masked(i.auth_token);
            return json(200, write_json(out));
        }
        return error(404, "integration not found");
    }
    return error(404, "no route " + c.method + " " + c.path);
}

}  // namespace testing_okta
