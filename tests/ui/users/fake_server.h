// tests/ui/users/fake_server.h: a small in-memory management API for the Users page tests:
// GET /users, /groups, /users/current, /integrations/okta-scim-idp, PUT and DELETE /users/{id},
// PUT /users/{id}/approve, DELETE /users/{id}/reject,
// with switches to refuse writes, fail reads or hold answers.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "client/fake_http_client.h"
#include "client/model.h"

namespace users_test {

struct FakeServer {
    std::vector<openzro::User> users;
    std::vector<openzro::Group> groups;
    std::string me_id;
    std::optional<openzro::UserPermissions> me_permissions;  // default: owner-like rights
    std::vector<openzro::OktaScimIntegration> integrations;

    int refuse_writes = 0;       // HTTP status for PUT/DELETE (0: accept)
    std::string refuse_message;  // its {"message": ...}
    int fail_users = 0;          // HTTP status for GET /users (0: answer)
    bool hold_writes = false;    // leave PUT/DELETE pending
    std::string users_body;      // when set, GET /users answers this text (large lists)
    int users_gets = 0, integration_gets = 0;

    std::optional<openzro::HttpResponse> answer(const openzro::HttpRequest& request);
};

// The responder for HarnessConfig, answering from `server` (shared so the test keeps a handle).
openzro::FakeHttpClient::Responder responder(std::shared_ptr<FakeServer> server);

openzro::User make_user(std::string id, std::string name, std::string email,
                        const std::string& role = "user", const std::string& status = "active",
                        const std::string& issued = "api",
                        const std::vector<std::string>& groups = {},
                        std::string last_login = "0001-01-01T00:00:00Z");

// The account the page tests use: the owner (signed in), an admin, Okta users, a blocked, an
// invited and a pending user; groups Engineering and Sales.
std::shared_ptr<FakeServer> standard_account();

// Rights to read the users and change nothing.
openzro::UserPermissions read_only_users();

// `count` users as the JSON body of GET /users (for the 100,000-user tests and the bench).
std::string many_users_json(std::size_t count);

}  // namespace users_test
