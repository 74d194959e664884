// Every endpoint the UI uses x every fault a server or network can produce: each cell must end
// in a typed error or a correct value, never an abort (the same test runs as wasm under Node).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_fixture.h"

namespace openzro::test {
namespace {

constexpr const char* kUserFields = R"("id":"u1","email":"a@x.io","name":"A","role":"admin",
  "status":"active","last_login":"0001-01-01T00:00:00Z","auto_groups":["g1"],"is_current":true,
  "is_service_user":false,"is_blocked":false,"pending_approval":false,"issued":"api")";
// Only GET /users/current has the permissions block.
constexpr const char* kPermissions =
    R"("permissions":{"is_restricted":false,"modules":{"users":{"read":true}}})";
constexpr const char* kGroup = R"({"id":"g1","name":"devs","peers_count":1,"resources_count":0,
  "issued":"jwt","peers":[{"id":"p1","name":"host"}],"resources":[]})";
constexpr const char* kIdp = R"({"id":"i1","type":"okta","name":"Okta",
  "issuer":"https://acme.okta.com","client_id":"cid"})";
constexpr const char* kScim = R"({"id":7,"enabled":true,"group_prefixes":["Eng"],
  "user_group_prefixes":[],"connector_id":"i1","auth_token":"nbs_abc****",
  "last_synced_at":"2023-05-15T10:30:00Z"})";
constexpr const char* kToken = R"({"auth_token":"nbs_full_token"})";
constexpr const char* kIdpTest = R"({"ok":false,"reason":"unreachable",
  "message":"Nothing answers at https://acme.okta.com","issuer":"https://acme.okta.com"})";
constexpr const char* kAuthProvider = R"({"id":"i1","name":"Okta","type":"okta"})";
constexpr const char* kAuthConfig = R"({"public_url":"https://vpn.example.com",
  "redirect_uri":"https://vpn.example.com/auth/oidc/callback",
  "post_logout_redirect_uri":"https://vpn.example.com/"})";
constexpr const char* kAccount = R"({"id":"acc1","domain":"example.com","settings":{
  "peer_login_expiration_enabled":true,"peer_login_expiration":86400,
  "peer_inactivity_expiration_enabled":false,"peer_inactivity_expiration":0,
  "regular_users_view_blocked":true,"peer_expose_enabled":false,"peer_expose_groups":[],
  "extra":{"peer_approval_enabled":false,"user_approval_required":true,
  "network_traffic_logs_enabled":false,"network_traffic_logs_groups":[],
  "network_traffic_packet_counter_enabled":false}}})";
constexpr const char* kLog = R"({"id":1,"level":"info","timestamp":"2023-05-15T10:30:00Z",
  "message":"ok"})";

std::string list(const std::string& item) {
    return "[" + item + "]";
}

struct Endpoint {
    const char* name;  // "METHOD /path" as sent, without the host and ?account=
    std::string body;  // a valid answer; empty: the answer's body is ignored (DELETE)
    std::vector<const char*> required;
    std::function<void(Api&, RequestScope&, std::optional<Outcome>&)> call;
};

std::vector<Endpoint> endpoints() {
    using R = Api::Freshness;
    const std::string user = std::string("{") + kUserFields + "}";
    const std::string current_user = std::string("{") + kUserFields + "," + kPermissions + "}";
    const std::vector<const char*> user_required = {
        "id", "email", "name", "role", "auto_groups", "status", "is_blocked", "pending_approval"};
    const std::vector<const char*> scim_required = {
        "id", "enabled", "group_prefixes", "user_group_prefixes", "auth_token", "last_synced_at"};
    const std::vector<const char*> idp_required = {"type", "name", "issuer", "client_id"};
    const IdentityProviderRequest idp{"okta", "Okta", "https://acme.okta.com", "cid", "secret", ""};
    return {
        {"GET /api/users/current", current_user, user_required,
         [](Api& a, RequestScope& s, auto& o) {
             a.current_user(s, capture<Api::Ref<CurrentUser>>(o));
         }},
        {"GET /api/users?service_user=false", list(user), user_required,
         [](Api& a, RequestScope& s, auto& o) {
             a.users(s, capture<Api::Ref<std::vector<User>>>(o), R::kNetwork);
         }},
        {"PUT /api/users/u%7C1", user, user_required,
         [](Api& a, RequestScope& s, auto& o) {
             a.update_user(s, "u|1", UserRequest{"user", {"g1"}, true}, capture<User>(o));
         }},
        {"DELETE /api/users/u1",
         "",
         {},
         [](Api& a, RequestScope& s, auto& o) { a.delete_user(s, "u1", capture<Done>(o)); }},
        {"PUT /api/users/u1/approve", user, user_required,
         [](Api& a, RequestScope& s, auto& o) { a.approve_user(s, "u1", capture<User>(o)); }},
        {"DELETE /api/users/u1/reject",
         "",
         {},
         [](Api& a, RequestScope& s, auto& o) { a.reject_user(s, "u1", capture<Done>(o)); }},
        {"GET /api/accounts",
         list(kAccount),
         {"id", "settings"},
         [](Api& a, RequestScope& s, auto& o) {
             a.accounts(s, capture<Api::Ref<std::vector<Account>>>(o));
         }},
        {"PUT /api/accounts/acc1",
         kAccount,
         {"id", "settings"},
         [](Api& a, RequestScope& s, auto& o) {
             AccountRequest r;
             r.settings.extra = AccountExtraSettings{};
             r.settings.extra->user_approval_required = true;
             a.update_account(s, "acc1", r, capture<Account>(o));
         }},
        {"GET /auth/providers",
         list(kAuthProvider),
         {"id", "name", "type"},
         [](Api& a, RequestScope& s, auto& o) {
             a.auth_providers(s, capture<Api::Ref<std::vector<AuthProvider>>>(o));
         }},
        {"GET /auth/config",
         kAuthConfig,
         {"public_url", "redirect_uri", "post_logout_redirect_uri"},
         [](Api& a, RequestScope& s, auto& o) {
             a.auth_config(s, capture<Api::Ref<AuthConfig>>(o));
         }},
        {"POST /auth/logout",
         "",
         {},
         [](Api& a, RequestScope& s, auto& o) { a.logout(s, capture<Done>(o)); }},
        {"GET /api/groups",
         list(kGroup),
         {"id", "name", "peers_count", "resources_count", "peers", "resources"},
         [](Api& a, RequestScope& s, auto& o) {
             a.groups(s, capture<Api::Ref<std::vector<Group>>>(o));
         }},
        {"GET /api/identity-providers", list(kIdp), idp_required,
         [](Api& a, RequestScope& s, auto& o) {
             a.identity_providers(s, capture<Api::Ref<std::vector<IdentityProvider>>>(o));
         }},
        {"GET /api/identity-providers/i1", kIdp, idp_required,
         [](Api& a, RequestScope& s, auto& o) {
             a.identity_provider(s, "i1", capture<Api::Ref<IdentityProvider>>(o));
         }},
        {"POST /api/identity-providers", kIdp, idp_required,
         [idp](Api& a, RequestScope& s, auto& o) {
             a.create_identity_provider(s, idp, capture<IdentityProvider>(o));
         }},
        {"PUT /api/identity-providers/i1", kIdp, idp_required,
         [idp](Api& a, RequestScope& s, auto& o) {
             a.update_identity_provider(s, "i1", idp, capture<IdentityProvider>(o));
         }},
        {"DELETE /api/identity-providers/i1",
         "",
         {},
         [](Api& a, RequestScope& s, auto& o) {
             a.delete_identity_provider(s, "i1", capture<Done>(o));
         }},
        {"POST /api/identity-providers/test",
         kIdpTest,
         {"ok"},
         [](Api& a, RequestScope& s, auto& o) {
             a.test_identity_provider(s, {"https://acme.okta.com"},
                                      capture<IdentityProviderTestResult>(o));
         }},
        {"GET /api/integrations/okta-scim-idp", list(kScim), scim_required,
         [](Api& a, RequestScope& s, auto& o) {
             a.scim_integrations(s, capture<Api::Ref<std::vector<OktaScimIntegration>>>(o));
         }},
        {"GET /api/integrations/okta-scim-idp/7", kScim, scim_required,
         [](Api& a, RequestScope& s, auto& o) {
             a.scim_integration(s, 7, capture<Api::Ref<OktaScimIntegration>>(o));
         }},
        {"POST /api/integrations/okta-scim-idp", kScim, scim_required,
         [](Api& a, RequestScope& s, auto& o) {
             a.create_scim_integration(s, CreateOktaScimIntegrationRequest{"okta", {}, {}, "i1"},
                                       capture<OktaScimIntegration>(o));
         }},
        {"PUT /api/integrations/okta-scim-idp/7", kScim, scim_required,
         [](Api& a, RequestScope& s, auto& o) {
             UpdateOktaScimIntegrationRequest r;
             r.enabled = false;
             a.update_scim_integration(s, 7, r, capture<OktaScimIntegration>(o));
         }},
        {"DELETE /api/integrations/okta-scim-idp/7",
         "",
         {},
         [](Api& a, RequestScope& s, auto& o) {
             a.delete_scim_integration(s, 7, capture<Done>(o));
         }},
        {"POST /api/integrations/okta-scim-idp/7/token",
         kToken,
         {"auth_token"},
         [](Api& a, RequestScope& s, auto& o) {
             a.regenerate_scim_token(s, 7, capture<ScimTokenResponse>(o));
         }},
        {"GET /api/integrations/okta-scim-idp/7/logs",
         list(kLog),
         {"id", "level", "timestamp", "message"},
         [](Api& a, RequestScope& s, auto& o) {
             a.scim_logs(s, 7, capture<Api::Ref<std::vector<IdpIntegrationSyncLog>>>(o));
         }},
    };
}

// Runs one cell: the endpoint's call against a server that always answers `reply`
// (nullopt: never answers).
Outcome run(const Endpoint& e, std::optional<HttpResponse> reply) {
    ApiFixture f;
    f.http.set_responder([&](const HttpRequest&) { return reply; });
    RequestScope scope;
    std::optional<Outcome> out;
    e.call(f.api, scope, out);
    const HttpRequest& sent = f.http.sent().front().request;
    EXPECT_EQ(sent.method + " " + sent.url.substr(std::string("http://api.test").size()), e.name);
    f.run_until(out);
    EXPECT_TRUE(out) << e.name << ": no result";
    EXPECT_FALSE(f.api.busy());
    EXPECT_GE(f.wakes, 1);
    return out ? *out : Outcome{};
}

// The body of the single object an answer is about (first element of a list).
nlohmann::json& subject(nlohmann::json& doc) {
    return doc.is_array() ? doc[0] : doc;
}

class FaultMatrix : public ::testing::TestWithParam<std::size_t> {
  protected:
    Endpoint e = endpoints()[GetParam()];
    bool ignores_body() const { return e.body.empty(); }
    void expect_parse_error(const Outcome& o, const std::string& field, const std::string& cell) {
        if (ignores_body()) {
            EXPECT_TRUE(o.ok) << cell;
            return;
        }
        ASSERT_FALSE(o.ok) << cell;
        EXPECT_EQ(o.error.kind, ApiError::Kind::kParse) << cell;
        EXPECT_EQ(o.error.status, 200) << cell;
        EXPECT_NE(o.error.detail.find(field), std::string::npos) << cell << ": " << o.error.detail;
        EXPECT_FALSE(o.error.message.empty());
    }
};

TEST_P(FaultMatrix, ValidAnswer) {
    const Outcome o = run(e, answer(200, ignores_body() ? "{}" : e.body));
    EXPECT_TRUE(o.ok) << o.error.summary();
}

TEST_P(FaultMatrix, MalformedEmptyAndHtmlBodies) {
    for (const char* body :
         {"{\"id\": ", "[{]", "", "<html><body>OK</body></html>", "\"text\"", "42", "{} {}"}) {
        expect_parse_error(run(e, answer(200, body)), "", std::string("body ") + body);
    }
    // Go encodes an empty list as null: an empty list; for one object it is an error.
    const Outcome null_body = run(e, answer(200, "null"));
    if (e.body.empty() || e.body.front() == '[') {
        EXPECT_TRUE(null_body.ok) << null_body.error.summary();
    } else {
        expect_parse_error(null_body, "", "body null");
    }
}

TEST_P(FaultMatrix, WrongTypeOfEveryField) {
    if (ignores_body()) GTEST_SKIP() << "the answer's body is ignored";
    nlohmann::json valid = nlohmann::json::parse(e.body, nullptr, false);
    ASSERT_FALSE(valid.is_discarded());
    for (const auto& [key, value] : subject(valid).items()) {
        nlohmann::json doc = valid;
        // A value of another JSON type than the field's.
        subject(doc)[key] = value.is_string() ? nlohmann::json(17) : nlohmann::json("seventeen");
        if (value.is_array() || value.is_object()) subject(doc)[key] = true;
        expect_parse_error(run(e, answer(200, doc.dump())), key, "wrong type of " + key);
    }
}

TEST_P(FaultMatrix, MissingRequiredFields) {
    for (const char* key : e.required) {
        nlohmann::json doc = nlohmann::json::parse(e.body, nullptr, false);
        subject(doc).erase(key);
        const Outcome o = run(e, answer(200, doc.dump()));
        expect_parse_error(o, key, std::string("missing ") + key);
        EXPECT_NE(o.error.detail.find("missing required field"), std::string::npos);
    }
}

TEST_P(FaultMatrix, HttpErrorsWithAndWithoutJsonBody) {
    for (int status : {400, 401, 403, 404, 409, 422, 429, 500}) {
        for (bool with_body : {true, false}) {
            HttpResponse r = answer(status, with_body ? R"({"message":"boom","code":7})" : "",
                                    with_body ? "application/json" : "");
            r.headers.set("X-Request-Id", "srv-9");
            const Outcome o = run(e, r);
            const std::string cell = std::to_string(status) + (with_body ? " json" : " empty");
            ASSERT_FALSE(o.ok) << cell;
            EXPECT_EQ(o.error.kind,
                      status == 401 ? ApiError::Kind::kUnauthorized : ApiError::Kind::kHttp)
                << cell;
            EXPECT_EQ(o.error.status, status) << cell;
            EXPECT_EQ(o.error.server_message, with_body ? "boom" : "") << cell;
            EXPECT_EQ(o.error.request_id, "srv-9") << cell;
            EXPECT_FALSE(o.error.message.empty()) << cell;
        }
    }
}

TEST_P(FaultMatrix, BadGatewayHtmlPage) {
    const Outcome o = run(e, answer(502, "<html><h1>502 Bad Gateway</h1></html>", "text/html"));
    ASSERT_FALSE(o.ok);
    EXPECT_EQ(o.error.kind, ApiError::Kind::kHttp);
    EXPECT_EQ(o.error.status, 502);
    EXPECT_EQ(o.error.server_message, "");
    EXPECT_EQ(o.error.detail, "non-JSON body (text/html)");
    EXPECT_EQ(o.error.request_id, "req-1");  // the one sent, as the server sent none
}

TEST_P(FaultMatrix, ConnectionRefused) {
    HttpResponse refused;
    refused.error = "connection refused";
    const Outcome o = run(e, refused);
    ASSERT_FALSE(o.ok);
    EXPECT_EQ(o.error.kind, ApiError::Kind::kNetwork);
    EXPECT_EQ(o.error.status, 0);
    EXPECT_EQ(o.error.detail, "connection refused");
}

TEST_P(FaultMatrix, Timeout) {
    const Outcome o = run(e, std::nullopt);
    ASSERT_FALSE(o.ok);
    EXPECT_EQ(o.error.kind, ApiError::Kind::kTimeout);
}

TEST_P(FaultMatrix, TwentyMegabyteBodies) {
    const std::string padding(20u << 20, 'x');
    if (!ignores_body()) {
        nlohmann::json doc = nlohmann::json::parse(e.body, nullptr, false);
        subject(doc)["padding"] = padding;  // unknown member: skipped
        const Outcome o = run(e, answer(200, doc.dump()));
        EXPECT_TRUE(o.ok) << o.error.summary();
    }
    expect_parse_error(run(e, answer(200, padding)), "", "20 MB of garbage");
    const Outcome big_error = run(e, answer(500, padding, "text/plain"));
    ASSERT_FALSE(big_error.ok);
    EXPECT_EQ(big_error.error.status, 500);
}

INSTANTIATE_TEST_SUITE_P(Endpoints, FaultMatrix, ::testing::Range<std::size_t>(0, 25),
                         [](const ::testing::TestParamInfo<std::size_t>& param) {
                             std::string name = endpoints()[param.param].name;
                             for (char& c : name) {
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             }
                             return name;
                         });

TEST(FaultMatrixCoverage, EveryEndpointIsInTheMatrix) {
    EXPECT_EQ(endpoints().size(), 25u);
}

}  // namespace
}  // namespace openzro::test
