// tests/ui/integrations/fake_okta_server.h: a scripted management API for the Integrations page
// tests. Keeps identity providers, SCIM integrations, sync logs, users and groups in memory,
// answers like the contract (full token only on create and regenerate), records every call,
// and fails chosen calls on demand.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "client/fake_http_client.h"
#include "client/model.h"

namespace testing_okta {

struct Call {
    std::string method, path, body;  // path without "/api" and without the query
};

class FakeOktaServer {
  public:
    FakeOktaServer();

    openzro::FakeHttpClient::Responder responder();

    // The next `times` calls of "METHOD /path" (path without /api, ids included) answer 500.
    void fail(const std::string& call, int times = 1);
    // Calls matching "METHOD /path" stay pending until release().
    void hold(const std::string& call);

    // What Okta would do: its Test API Credentials, and pushing users and groups.
    void okta_reaches(std::int64_t integration);
    void okta_pushes(int user_count, int group_count);
    void add_log(std::int64_t integration, const std::string& level, const std::string& message,
                 std::int64_t seconds_ago = 0);

    // A finished stage 1 (the Okta identity provider "idp-1", once) and a stage 2 integration
    // linked to it.
    openzro::OktaScimIntegration& add_setup(std::int64_t id, bool enabled = false,
                                            const std::string& token = "nbs_full_token");

    // Count of calls matching "METHOD /path".
    int count(const std::string& call) const;
    const Call* last(const std::string& call) const;

    openzro::CurrentUser me;
    std::vector<openzro::IdentityProvider> providers;
    std::vector<openzro::OktaScimIntegration> integrations;  // auth_token: the full token
    std::map<std::int64_t, std::vector<openzro::IdpIntegrationSyncLog>> logs;
    std::vector<openzro::User> users;
    std::vector<openzro::Group> groups;
    // POST /identity-providers/test answers by issuer; others are unreachable.
    std::map<std::string, openzro::IdentityProviderTestResult> issuers;
    bool user_approval_required = false;  // GET/PUT /accounts
    std::vector<Call> calls;

  private:
    std::optional<openzro::HttpResponse> handle(const openzro::HttpRequest& request);
    openzro::HttpResponse route(const Call& call);
    std::map<std::string, int> failures_;
    std::vector<std::string> held_;
    int next_idp_ = 1;
    std::int64_t next_integration_ = 1, next_log_ = 1;
    int tokens_ = 0;
};

// An RFC 3339 UTC time `seconds_ago` seconds before now.
std::string iso_ago(std::int64_t seconds_ago);
// The owner with every permission, or a user whose role allows reading only.
openzro::CurrentUser owner_user();
openzro::CurrentUser auditor_user();

}  // namespace testing_okta
