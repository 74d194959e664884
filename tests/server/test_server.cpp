#include "tests/server/test_server.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "server/scim_filter.h"

namespace openzro::testing {

std::string session_from(const Response& r) {
    const std::string cookie = r.header("Set-Cookie");
    const auto start = cookie.find('=') + 1;
    return cookie.substr(start, cookie.find(';') - start);
}

std::filesystem::path make_temp_dir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "openzro-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) return {};
    return pattern;
}

TestServer::TestServer(const AppOptions& options, bool with_integration) : dir_(make_temp_dir()) {
    std::string error;
    store_ = Store::open(dir_.string(), database_.url(), error);
    EXPECT_TRUE(store_) << error;
    pat_ = store_->ensure_owner();
    AppOptions with_fakes = options;
    if (!with_fakes.outbound) with_fakes.outbound = &outbound_;
    if (!with_fakes.clock) with_fakes.clock = &clock_;
    app_ = std::make_unique<App>(*store_, with_fakes);
    if (!with_integration) return;
    const Response created = api("POST", "/api/integrations/okta-scim-idp",
                                 {{"connection_name", "okta"}, {"group_prefixes", json::array()}});
    const json b = body_of(created);
    scim_token_ = string_field(b, "auth_token");
    if (const json* id = scim::find_key(b, "id"); id && id->is_number_integer())
        integration_id_ = id->get<std::int64_t>();
}

TestServer::TestServer(ReplicaOf replica)
    : dir_(replica.first.dir_),
      owns_dir_(false),
      database_(replica.first.database_url()),
      pat_(replica.first.pat_),
      scim_token_(replica.first.scim_token_),
      integration_id_(replica.first.integration_id_) {
    std::string error;
    store_ = Store::open(dir_.string(), database_.url(), error);
    EXPECT_TRUE(store_) << error;
    AppOptions options;
    options.outbound = &outbound_;
    options.clock = &clock_;
    app_ = std::make_unique<App>(*store_, options);
}

TestServer::~TestServer() {
    app_.reset();
    store_.reset();
    std::error_code ec;
    if (owns_dir_) std::filesystem::remove_all(dir_, ec);
}

Response TestServer::call(const std::string& method, const std::string& target,
                          const std::string& body,
                          const std::map<std::string, std::string>& headers) {
    Request r;
    r.method = method;
    r.target = target;
    r.body = body;
    r.remote = "127.0.0.1";
    for (const auto& [k, v] : headers) r.headers[to_lower(k)] = v;
    EXPECT_TRUE(parse_target(r)) << target;
    Response response = app_->handle(r);
    return response.later ? wait_for_later(response) : response;
}

Response TestServer::wait_for_later(const Response& pending) {
    std::optional<Response> answer;
    int answers = 0;
    pending.later([&answer, &answers](Response final_response) {
        ++answers;
        answer = std::move(final_response);
    });
    // Deliver outbound answers until the handler answers; if it still waits on a request that
    // hangs, let that request time out, as the real client's deadline would.
    while (!answer && (outbound_.deliver() > 0 || outbound_.fire_timeouts() > 0)) {
    }
    outbound_.deliver();
    EXPECT_EQ(answers, 1) << "a later answer must be given exactly once";
    if (!answer) {
        ADD_FAILURE() << "the handler never answered";
        Response r;
        r.status = 599;
        return r;
    }
    return std::move(*answer);
}

Response TestServer::api(const std::string& method, const std::string& target, const json& body) {
    return call(method, target, body.is_null() ? "" : body.dump(),
                {{"Authorization", "Token " + pat_}, {"Content-Type", "application/json"}});
}

Response TestServer::scim(const std::string& method, const std::string& target, const json& body) {
    return call(method, "/api/scim/v2" + target, body.is_null() ? "" : body.dump(),
                {{"Authorization", "Bearer " + scim_token_},
                 {"Content-Type", "application/scim+json; charset=utf-8"},
                 {"User-Agent", "Okta SCIM Client 1.0.0"}});
}

json body_of(const Response& response) {
    return json::parse(response.body, nullptr, false);
}

std::string string_field(const json& object, const char* key) {
    const json* value = scim::find_key(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

json okta_user(const std::string& user_name, const std::string& given, const std::string& family,
               const std::string& external_id) {
    return {{"schemas", json::array({"urn:ietf:params:scim:schemas:core:2.0:User"})},
            {"userName", user_name},
            {"name", {{"givenName", given}, {"familyName", family}}},
            {"emails", json::array({{{"primary", true}, {"value", user_name}, {"type", "work"}}})},
            {"displayName", given + " " + family},
            {"locale", "en-US"},
            {"externalId", external_id},
            {"groups", json::array()},
            {"password", "Okta-placeholder-Pa55"},
            {"active", true}};
}

}  // namespace openzro::testing
