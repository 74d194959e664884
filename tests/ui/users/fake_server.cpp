#include "fake_server.h"

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string_view>

#include "client/model_json.h"

namespace users_test {

namespace {

// Appends the pieces in place: no temporary strings per record (many_users_json builds 100k).
void append(std::string& out, std::initializer_list<std::string_view> parts) {
    for (const std::string_view part : parts) out += part;
}

openzro::HttpResponse reply(int status, std::string body, std::string request_id = "") {
    openzro::HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers.set("Content-Type", "application/json");
    if (!request_id.empty()) r.headers.set("X-Request-Id", std::move(request_id));
    return r;
}

openzro::HttpResponse error(int status, const std::string& message) {
    return reply(status, nlohmann::json{{"message", message}, {"code", status}}.dump(),
                 "srv-" + std::to_string(status));
}

}  // namespace

std::optional<openzro::HttpResponse> FakeServer::answer(const openzro::HttpRequest& request) {
    std::string path = request.url.substr(request.url.find("/api/") + 4);
    const std::string query =
        path.find('?') == std::string::npos ? "" : path.substr(path.find('?'));
    path = path.substr(0, path.find('?'));
    const std::string& m = request.method;
    if (m == "GET" && path == "/users/current") {
        for (const openzro::User& u : users)
            if (u.id == me_id) {
                openzro::CurrentUser current{u, me_permissions};
                current.is_current = true;
                if (!current.permissions) {
                    current.permissions.emplace().modules["users"] = {
                        {"read", true}, {"update", true}, {"delete", true}};
                }
                return reply(200, openzro::write_json(current));
            }
        return error(404, "no current user");
    }
    if (m == "GET" && path == "/users") {
        ++users_gets;
        if (fail_users) return error(fail_users, "the users store is unavailable");
        if (!users_body.empty()) return reply(200, users_body);
        return reply(200, openzro::write_json(users));
    }
    if (m == "GET" && path == "/groups") return reply(200, openzro::write_json(groups));
    if (m == "GET" && path == "/integrations/okta-scim-idp") {
        ++integration_gets;
        return reply(200, openzro::write_json(integrations));
    }
    if (path.rfind("/users/", 0) == 0 && (m == "PUT" || m == "DELETE")) {
        if (hold_writes) return std::nullopt;
        if (refuse_writes) return error(refuse_writes, refuse_message);
        std::string id = path.substr(7);
        const std::size_t verb = id.find('/');
        const std::string action = verb == std::string::npos ? "" : id.substr(verb + 1);
        id = id.substr(0, verb);
        for (auto it = users.begin(); it != users.end(); ++it) {
            if (it->id != id) continue;
            if (!action.empty()) {  // PUT .../approve, DELETE .../reject
                if (!it->pending_approval) return error(412, "user is not pending approval");
                if (m == "DELETE" && action == "reject") {
                    users.erase(it);
                    return reply(200, "{}");
                }
                if (m != "PUT" || action != "approve") return error(404, "no such endpoint");
                it->pending_approval = false;
                return reply(200, openzro::write_json(*it));
            }
            if (m == "DELETE") {
                users.erase(it);
                return reply(200, "{}");
            }
            const auto body = nlohmann::json::parse(request.body, nullptr, false);
            if (!body.contains("role") || !body.contains("auto_groups") ||
                !body.contains("is_blocked"))
                return error(400, "role, auto_groups and is_blocked are required");
            it->role = body["role"].get<std::string>();
            const auto ids = body["auto_groups"].get<std::vector<std::string>>();
            it->auto_groups.assign(ids.begin(), ids.end());
            it->is_blocked = body["is_blocked"].get<bool>();
            it->status = it->is_blocked ? "blocked" : "active";
            return reply(200, openzro::write_json(*it));
        }
        return error(404, "user " + id + " not found");
    }
    (void)query;
    return error(404, "no such endpoint");
}

openzro::FakeHttpClient::Responder responder(std::shared_ptr<FakeServer> server) {
    return
        [server = std::move(server)](const openzro::HttpRequest& r) { return server->answer(r); };
}

openzro::User make_user(std::string id, std::string name, std::string email,
                        const std::string& role, const std::string& status,
                        const std::string& issued, const std::vector<std::string>& groups,
                        std::string last_login) {
    openzro::User u;
    u.id = std::move(id);
    u.name = std::move(name);
    u.email = std::move(email);
    u.role = role;
    u.status = status;
    u.is_blocked = u.status == "blocked";
    u.issued = issued;
    u.auto_groups.assign(groups.begin(), groups.end());
    u.last_login = std::move(last_login);
    return u;
}

openzro::UserPermissions read_only_users() {
    openzro::UserPermissions p;
    p.modules["users"] = {{"read", true}};
    return p;
}

std::shared_ptr<FakeServer> standard_account() {
    auto s = std::make_shared<FakeServer>();
    s->me_id = "u-owner";
    s->users = {
        make_user("u-owner", "Olivia Owner", "owner@example.com", "owner", "active", "api",
                  {"g-eng"}, "2026-11-29T05:00:00Z"),
        make_user("u-admin", "Alice Admin", "alice@example.com", "admin", "active", "api", {},
                  "2026-11-20T10:00:00Z"),
        make_user("u-jane", "Jane Doe", "jane@example.com", "user", "active", "integration",
                  {"g-eng", "g-sales"}, "2026-11-28T05:00:00Z"),
        make_user("u-bob", "Bob Blocked", "bob@example.com", "user", "blocked", "api", {"g-sales"}),
        make_user("u-ivan", "Ivan Invited", "ivan@example.com", "user", "invited", "api"),
        make_user("u-pat", "Pat Pending", "pat@example.com", "auditor", "active", "integration",
                  {"g-eng", "g-sales", "g-ops"}),
    };
    s->users[0].is_current = true;
    s->users[5].pending_approval = true;
    s->groups = {{"g-eng", "Engineering", 0, 0, "integration", {}, {}},
                 {"g-sales", "Sales", 0, 0, "integration", {}, {}},
                 {"g-ops", "Operations", 0, 0, "api", {}, {}}};
    return s;
}

std::string many_users_json(std::size_t count) {
    static const char* const kFirst[] = {"Ada",    "Grace",    "Linus", "Ken",    "Barbara",
                                         "Dennis", "Margaret", "Alan",  "Edsger", "Frances"};
    static const char* const kLast[] = {"Lovelace", "Hopper",   "Torvalds", "Thompson", "Liskov",
                                        "Ritchie",  "Hamilton", "Turing",   "Dijkstra", "Allen"};
    static const char* const kRoles[] = {"user", "user", "user", "admin", "auditor"};
    std::string out = "[";
    out.reserve(count * 260);
    for (std::size_t i = 0; i < count; ++i) {
        const std::string n = std::to_string(i);
        const std::string first = kFirst[i % 10], last = kLast[(i / 10) % 10];
        if (i) out += ',';
        append(out, {R"({"id":"u)", n, R"(","email":")", first, ".", last, n, "@example.com"});
        append(out, {R"(","name":")", first, " ", last, " ", n, R"(","role":")", kRoles[i % 5]});
        append(out, {R"(","status":")", i % 17 == 0 ? "blocked" : "active"});
        append(out, {R"(","last_login":"2026-0)", std::to_string(1 + i % 9), "-1",
                     std::to_string(i % 10), "T08:00:00Z"});
        append(out, {R"(","auto_groups":["g-)", std::to_string(i % 7), R"("],"is_current":)",
                     i == 0 ? "true" : "false"});
        append(out, {R"(,"is_service_user":false,"pending_approval":false,"is_blocked":)",
                     i % 17 == 0 ? "true" : "false"});
        append(out, {R"(,"issued":")", i % 2 ? "integration" : "api", R"("})"});
    }
    return out + "]";
}

}  // namespace users_test
