// Index of this file:
//   One request against one integration
//   Users
//   Groups

#include "server/scim_api.h"

#include <algorithm>
#include <optional>

#include "server/json_text.h"
#include "server/scim_filter.h"
#include "server/scim_patch.h"
#include "server/scim_resources.h"
#include "server/user_name_key.h"

namespace openzro::scim {
namespace {

using json = nlohmann::json;
// One page holds at most kMaxCount resources (ServiceProviderConfig's maxResults), so with
// the per-user document bound an answer stays a few MB whatever `count` asks for.
constexpr std::int64_t kDefaultCount = 100;
constexpr std::int64_t kMaxCount = 100;

Response answer(int status, const json& body) {
    return json_answer(status, "application/scim+json", body);
}

Response no_content() {
    Response r;
    r.status = 204;
    return r;
}

std::int64_t int_param(const Request& request, std::string_view name, std::int64_t fallback) {
    const auto text = request.param(name, true);
    if (!text || text->empty() || text->size() > 12) return fallback;
    std::int64_t value = 0;
    bool negative = false;
    for (std::size_t i = 0; i < text->size(); ++i) {
        const char c = (*text)[i];
        if (i == 0 && c == '-') {
            negative = true;
            continue;
        }
        if (c < '0' || c > '9') return fallback;
        value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
}

bool excludes_members(const Request& request) {
    const auto excluded = request.param("excludedAttributes", true);
    return excluded && to_lower(*excluded).find("members") != std::string::npos;
}

bool matches_prefixes(const std::string& name, const std::vector<std::string>& prefixes) {
    if (prefixes.empty()) return true;
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](const std::string& p) { return name.compare(0, p.size(), p) == 0; });
}

enum class Change { Replace, Patch };

// [SECTION] One request against one integration
class Exchange {
  public:
    Exchange(Store& store, const std::string& base_url, const Request& request,
             IntegrationRecord integration)
        : store_(store),
          base_url_(base_url),
          request_(request),
          integration_(std::move(integration)) {}

    Response run(const std::string& path) {
        if (!integration_.contacted) {
            store_.mark_contacted(integration_.id);
            store_.add_sync_log(integration_.id, "info",
                                "Okta reached the SCIM endpoint (first authenticated request: " +
                                    request_.method + " " + path + ")");
        }
        Response r = route(path);
        if (r.status >= 400 && (request_.method != "GET" || r.status == 400)) {
            store_.add_sync_log(integration_.id, "error",
                                request_.method + " " + path + " failed with " +
                                    std::to_string(r.status) + ": " + error_);
        }
        return r;
    }

  private:
    Response fail(int status, const std::string& scim_type, const std::string& detail) {
        error_ = detail;
        return error_response(status, scim_type, detail);
    }

    Response route(const std::string& path) {
        const std::string& m = request_.method;
        if (path == "/ServiceProviderConfig" && m == "GET") return service_provider_config();
        if (path == "/Users") {
            if (m == "GET") return list_users();
            if (m == "POST") return create_user();
        } else if (path.rfind("/Users/", 0) == 0 && path.size() > 7) {
            const std::string id = path.substr(7);
            if (m == "GET") return get_user(id);
            if (m == "PUT") return change_user(id, Change::Replace);
            if (m == "PATCH") return change_user(id, Change::Patch);
            if (m == "DELETE") return delete_user(id);
        } else if (path == "/Groups") {
            if (m == "GET") return list_groups();
            if (m == "POST") return create_group();
        } else if (path.rfind("/Groups/", 0) == 0 && path.size() > 8) {
            const std::string id = path.substr(8);
            if (m == "GET") return get_group(id);
            if (m == "PUT") return change_group(id, Change::Replace);
            if (m == "PATCH") return change_group(id, Change::Patch);
            if (m == "DELETE") return delete_group(id);
        } else {
            return fail(404, "", "no SCIM resource at " + path);
        }
        return fail(405, "", "method " + m + " is not allowed on " + path);
    }

    // Parses the JSON body; on failure returns false and fills `error`.
    bool body(json& out, Response& error) {
        out = json::parse(request_.body, nullptr, false);
        if (out.is_discarded() || !out.is_object()) {
            error = fail(400, "invalidSyntax", "the body is not a JSON object");
            return false;
        }
        if (!depth_ok(out, kMaxJsonDepth)) {
            error = fail(400, "invalidSyntax", "the body nests too deeply");
            return false;
        }
        if (!keys_distinct_ignoring_case(out)) {
            error =
                fail(400, "invalidSyntax", "the body has attribute names that differ only in case");
            return false;
        }
        return true;
    }

    // The resource a PUT or PATCH asks for, from the request body and the `current` resource;
    // an error answer instead if the body is unusable or would change the id.
    std::optional<Response> next_state(Change change, const std::string& id, json current,
                                       json& next) {
        json in;
        Response error;
        if (!body(in, error)) return error;
        if (change == Change::Replace) {
            if (const json* given = find_key(in, "id");
                given && (!given->is_string() || given->get<std::string>() != id))
                return fail(400, "mutability", "id cannot be changed");
            next = std::move(in);
            return std::nullopt;
        }
        const PatchResult patched = apply_patch(current, in);
        if (!patched.ok) return fail(400, patched.scim_type, patched.detail);
        if (!depth_ok(current, kMaxJsonDepth))
            return fail(400, "invalidValue", "the result nests too deeply");
        if (!keys_distinct_ignoring_case(current))
            return fail(400, "invalidSyntax",
                        "the result has attribute names that differ only in case");
        next = std::move(current);
        return std::nullopt;
    }

    Response service_provider_config() {
        return answer(
            200, {{"schemas",
                   json::array({"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"})},
                  {"patch", {{"supported", true}}},
                  {"bulk", {{"supported", false}, {"maxOperations", 0}, {"maxPayloadSize", 0}}},
                  {"filter", {{"supported", true}, {"maxResults", kMaxCount}}},
                  {"changePassword", {{"supported", false}}},
                  {"sort", {{"supported", false}}},
                  {"etag", {{"supported", false}}},
                  {"authenticationSchemes",
                   json::array({{{"type", "oauthbearertoken"},
                                 {"name", "OAuth Bearer Token"},
                                 {"description", "The integration's SCIM token"},
                                 {"primary", true}}})},
                  {"meta",
                   {{"resourceType", "ServiceProviderConfig"},
                    {"location", base_url_ + "/ServiceProviderConfig"}}}});
    }

    // [SECTION] Users
    std::optional<UserRecord> find_user(const std::string& id) {
        auto user = store_.user(id);
        if (!user || user->integration_id != integration_.id) return std::nullopt;
        return user;
    }

    json user_json(const UserRecord& u) {
        return user_resource(u, store_.user_scim_groups(u.id), base_url_);
    }

    Response list_users() {
        std::int64_t start = std::max<std::int64_t>(1, int_param(request_, "startIndex", 1));
        std::int64_t count =
            std::clamp<std::int64_t>(int_param(request_, "count", kDefaultCount), 0, kMaxCount);
        std::vector<UserRecord> matched;
        std::int64_t total = 0;
        if (const auto filter_text = request_.param("filter", true);
            filter_text && !filter_text->empty()) {
            const FilterParse filter = parse_filter(*filter_text);
            if (!filter.ok) return fail(400, "invalidFilter", filter.error);
            const auto eq = simple_equality(filter.root);
            if (eq && (eq->first == "username" || eq->first == "externalid" || eq->first == "id")) {
                matched = store_.scim_users_by(integration_.id, eq->first, eq->second);
                if (matched.empty() && eq->first == "username") {
                    if (auto adopted = adopt_orphan(eq->second)) matched.push_back(*adopted);
                }
            } else {
                for (auto& u : store_.scim_users(integration_.id))
                    if (filter_matches(filter.root, user_resource(u, {}, base_url_)))
                        matched.push_back(std::move(u));
            }
            total = static_cast<std::int64_t>(matched.size());
            const auto first = std::min<std::int64_t>(start - 1, total);
            const auto last = std::min<std::int64_t>(first + count, total);
            matched = std::vector<UserRecord>(matched.begin() + first, matched.begin() + last);
        } else {
            total = store_.scim_user_count(integration_.id);
            matched = store_.scim_user_page(integration_.id, start - 1, count);
        }
        // The page's groups in one query (user_json would ask once a user).
        const auto groups = store_.users_scim_groups(matched);
        const std::vector<GroupRecord> no_groups;
        json resources = json::array();
        for (const auto& u : matched) {
            const auto it = groups.find(u.id);
            resources.push_back(
                user_resource(u, it != groups.end() ? it->second : no_groups, base_url_));
        }
        return answer(200, list_body(resources, total, start));
    }

    Response get_user(const std::string& id) {
        auto user = find_user(id);
        if (!user) return fail(404, "", "user " + id + " not found");
        return answer(200, user_json(*user));
    }

    // Saves a new or changed user inside the caller's transaction; 409 on a taken userName.
    Response taken(const UserRecord& user) {
        return fail(409, "uniqueness", "userName " + user.user_name + " is already taken");
    }

    std::optional<Response> check_unique(const UserRecord& user) {
        if (store_.user_name_taken(user_name_key(user.user_name).value_or(""), user.id))
            return taken(user);
        return std::nullopt;
    }

    // A user left by a deleted integration, with this userName, becomes this integration's:
    // Okta re-pushing its users after the integration was recreated finds them again.
    std::optional<UserRecord> adopt_orphan(const std::string& user_name) {
        const auto key = user_name_key(user_name);
        if (!key) return std::nullopt;
        auto orphan = store_.orphaned_scim_user(*key);
        if (!orphan) return std::nullopt;
        Transaction tx(store_.db());
        if (!store_.adopt_user(orphan->id, integration_.id) ||
            !store_.add_sync_log(
                integration_.id, "info",
                "adopted user " + orphan->user_name + " (its integration was deleted)") ||
            !tx.commit())
            return std::nullopt;
        return store_.user(orphan->id);
    }

    Response create_user() {
        json in;
        Response error;
        if (!body(in, error)) return error;
        UserRecord user;
        user.integration_id = integration_.id;
        user.issued = "integration";
        if (auto invalid = read_user(in, user))
            return fail(400, invalid->scim_type, invalid->detail);
        // One look-up inside the transaction that inserts: nobody holds the userName, so the
        // user is new. Held by a user of a deleted integration: adopted (Okta re-pushing after
        // the integration was recreated). Held by anyone else, or not adoptable: taken.
        bool orphaned = false;
        {
            Transaction tx(store_.db());
            const auto holder = store_.user_name_holder(user_name_key(user.user_name).value_or(""));
            if (!holder) return insert_user(user, tx);
            orphaned = holder->orphaned;
        }  // nothing written: rolled back
        if (auto adopted = orphaned ? adopt_orphan(user.user_name) : std::nullopt) {
            const bool was_blocked = adopted->is_blocked;
            if (auto invalid = read_user(in, *adopted))
                return fail(400, invalid->scim_type, invalid->detail);
            Transaction tx(store_.db());
            Response r = save_user(*adopted, change_word(was_blocked, *adopted), tx);
            if (r.status == 200) r.status = 201;
            r.set_header("Location", base_url_ + "/Users/" + adopted->id);
            return r;
        }
        return taken(user);
    }

    // Inserts a new user in `tx` (its userName checked free) and commits.
    Response insert_user(UserRecord& user, Transaction& tx) {
        if (!store_.insert_user(user) ||
            !store_.add_sync_log(integration_.id, "info", "created user " + user.user_name) ||
            !tx.commit())
            return fail(500, "", "could not save the user");
        // A new id is in no group yet (memberships reference existing users only).
        Response r = answer(201, user_resource(user, {}, base_url_));
        r.set_header("Location", base_url_ + "/Users/" + user.id);
        return r;
    }

    // Saves `user` in `tx`, the transaction it was read in, and commits.
    Response save_user(UserRecord& user, const std::string& what, Transaction& tx) {
        if (auto conflict = check_unique(user)) return *conflict;
        if (!store_.update_user(user) ||
            !store_.add_sync_log(integration_.id, "info", what + " " + user.user_name) ||
            !tx.commit())
            return fail(500, "", "could not save the user");
        return answer(200, user_json(*store_.user(user.id)));
    }

    static std::string change_word(bool was_blocked, const UserRecord& now) {
        if (was_blocked != now.is_blocked)
            return now.is_blocked ? "deactivated user" : "reactivated user";
        return "updated user";
    }

    // PUT takes the body as the whole new user; PATCH applies it to the current one. Read and
    // written in one transaction, so a change on another replica waits instead of being lost.
    Response change_user(const std::string& id, Change change) {
        Transaction tx(store_.db());
        auto user = find_user(id);
        if (!user) return fail(404, "", "user " + id + " not found");
        json next;
        if (auto failed = next_state(change, id, user_resource(*user, {}, base_url_), next))
            return *failed;
        const bool was_blocked = user->is_blocked;
        if (auto invalid = read_user(next, *user))
            return fail(400, invalid->scim_type, invalid->detail);
        return save_user(*user, change_word(was_blocked, *user), tx);
    }

    Response delete_user(const std::string& id) {
        auto user = find_user(id);
        if (!user) return fail(404, "", "user " + id + " not found");
        return delete_logged("user", user->user_name, [&] { return store_.delete_user(id); });
    }

    // Deletes a `kind` ("user") in one transaction with its sync log line.
    template <class Delete>
    Response delete_logged(const std::string& kind, const std::string& name, Delete remove) {
        Transaction tx(store_.db());
        if (!remove() ||
            !store_.add_sync_log(integration_.id, "info", "deleted " + kind + " " + name) ||
            !tx.commit())
            return fail(500, "", "could not delete the " + kind);
        return no_content();
    }

    // [SECTION] Groups
    std::optional<GroupRecord> find_group(const std::string& id) {
        auto group = store_.group(id);
        if (!group || group->integration_id != integration_.id) return std::nullopt;
        return group;
    }

    json group_json(const GroupRecord& g, bool with_members) {
        if (!with_members) return group_resource(g, nullptr, base_url_);
        const auto members = store_.members(g.id);
        return group_resource(g, &members, base_url_);
    }

    Response list_groups() {
        std::int64_t start = std::max<std::int64_t>(1, int_param(request_, "startIndex", 1));
        std::int64_t count =
            std::clamp<std::int64_t>(int_param(request_, "count", kDefaultCount), 0, kMaxCount);
        std::optional<FilterParse> filter;
        if (const auto text = request_.param("filter", true); text && !text->empty()) {
            filter = parse_filter(*text);
            if (!filter->ok) return fail(400, "invalidFilter", filter->error);
        }
        std::vector<GroupRecord> matched;
        for (auto& g : store_.scim_groups(integration_.id))
            if (!filter || filter_matches(filter->root, group_resource(g, nullptr, base_url_)))
                matched.push_back(std::move(g));
        const auto total = static_cast<std::int64_t>(matched.size());
        const auto first = std::min<std::int64_t>(start - 1, total);
        const auto last = std::min<std::int64_t>(first + count, total);
        json resources = json::array();
        const bool with_members = !excludes_members(request_);
        for (auto i = first; i < last; ++i)
            resources.push_back(group_json(matched[static_cast<std::size_t>(i)], with_members));
        return answer(200, list_body(resources, total, start));
    }

    Response get_group(const std::string& id) {
        auto group = find_group(id);
        if (!group) return fail(404, "", "group " + id + " not found");
        return answer(200, group_json(*group, !excludes_members(request_)));
    }

    // Replaces the members with the users of this integration among `ids` (others are skipped).
    bool set_members(const std::string& group_id, const std::vector<std::string>& ids) {
        if (!store_.clear_members(group_id)) return false;
        for (const auto& user_id : ids) {
            if (!find_user(user_id)) continue;
            if (!store_.add_member(group_id, user_id)) return false;
        }
        return true;
    }

    std::string import_note(const GroupRecord& g) {
        return g.imported ? std::string() : " (outside the group prefixes: not imported)";
    }

    Response create_group() {
        json in;
        Response error;
        if (!body(in, error)) return error;
        GroupInput input;
        if (auto invalid = read_group(in, input))
            return fail(400, invalid->scim_type, invalid->detail);
        GroupRecord group;
        group.name = input.display_name;
        group.external_id = input.external_id;
        group.issued = "integration";
        group.integration_id = integration_.id;
        group.imported = matches_prefixes(group.name, integration_.group_prefixes);
        Transaction tx(store_.db());
        if (!store_.insert_group(group) || !set_members(group.id, input.member_ids) ||
            !store_.add_sync_log(integration_.id, "info",
                                 "created group " + group.name + import_note(group)) ||
            !tx.commit())
            return fail(500, "", "could not save the group");
        Response r = answer(201, group_json(group, true));
        r.set_header("Location", base_url_ + "/Groups/" + group.id);
        return r;
    }

    // Saves `group` in `tx`, the transaction it was read in, and commits.
    Response save_group(GroupRecord& group, const GroupInput& input, Transaction& tx) {
        group.name = input.display_name;
        group.external_id = input.external_id;
        group.imported = matches_prefixes(group.name, integration_.group_prefixes);
        if (!store_.update_group(group) || !set_members(group.id, input.member_ids) ||
            !store_.add_sync_log(integration_.id, "info",
                                 "updated group " + group.name + import_note(group)) ||
            !tx.commit())
            return fail(500, "", "could not save the group");
        return answer(200, group_json(*store_.group(group.id), !excludes_members(request_)));
    }

    // As change_user: one transaction from the read to the write.
    Response change_group(const std::string& id, Change change) {
        Transaction tx(store_.db());
        auto group = find_group(id);
        if (!group) return fail(404, "", "group " + id + " not found");
        json next;
        if (auto failed = next_state(change, id, group_json(*group, true), next)) return *failed;
        GroupInput input;
        if (auto invalid = read_group(next, input))
            return fail(400, invalid->scim_type, invalid->detail);
        return save_group(*group, input, tx);
    }

    Response delete_group(const std::string& id) {
        auto group = find_group(id);
        if (!group) return fail(404, "", "group " + id + " not found");
        return delete_logged("group", group->name, [&] { return store_.delete_group(id); });
    }

    Store& store_;
    const std::string& base_url_;
    const Request& request_;
    IntegrationRecord integration_;
    std::string error_;
};

}  // namespace

Response error_response(int status, const std::string& scim_type, const std::string& detail) {
    return answer(status, error_body(status, scim_type, detail));
}

Response ScimApi::handle(const Request& request, const std::string& path,
                         IntegrationRecord integration) {
    return Exchange(store_, base_url_, request, std::move(integration)).run(path);
}

}  // namespace openzro::scim
