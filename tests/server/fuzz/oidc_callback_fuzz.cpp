// libFuzzer target: GET /auth/oidc/callback after a real /auth/oidc/login, through the token
// exchange (a fake provider with an in-test RSA key), the ID token checks and who gets in.
// The input is up to four lines, with placeholders filled from the login it follows:
//   1. the callback's query                 {state} {code}
//   2. the Cookie header                    {login} (the login cookie's value)
//   3. the ID token's claims (JSON), signed by the provider; {nonce} {iss} {aud} {now}
//      or "raw:" and the token endpoint's whole answer body instead
//   4. seconds to move the clock before the callback (a decimal number)
// Whatever arrives, the answer is a redirect to an app route or to /#/sign-in?error=..., with
// a session only for the former, and no header line is ever split.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/app.h"
#include "server/sign_in.h"
#include "server/store.h"
#include "tests/server/fake_outbound.h"
#include "tests/server/test_issuer.h"

namespace {

using namespace openzro;
using testing::TestIssuer;

void replace_all(std::string& text, std::string_view from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

bool has_line_break(const std::string& text) {
    return text.find_first_of("\r\n") != std::string::npos;
}

struct World {
    std::filesystem::path dir;
    std::unique_ptr<Store> store;
    testing::FakeOutbound outbound;
    ManualClock clock;
    std::unique_ptr<TestIssuer> issuer;
    std::unique_ptr<App> app;
    std::string idp_id;

    World() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "openzro-fuzz-XXXXXX").string();
        dir = ::mkdtemp(pattern.data());
        std::string error;
        store = Store::open(dir.string(), {}, error);
        if (!store) std::abort();
        store->ensure_owner();
        issuer = std::make_unique<TestIssuer>(outbound);
        IdentityProviderRecord idp{{},
                                   "okta",
                                   "Okta",
                                   issuer->issuer(),
                                   TestIssuer::kClientId,
                                   TestIssuer::kClientSecret,
                                   "example.com"};
        store->save_identity_provider(idp);
        idp_id = idp.id;
        for (const auto& [email, blocked] :
             {std::pair{"member@example.com", false}, {"blocked@example.com", true}}) {
            UserRecord u;
            u.email = email;
            u.name = email;
            u.is_blocked = blocked;
            store->insert_user(u);
        }
        AppOptions options;
        options.public_url = "https://admin.example.com";
        options.outbound = &outbound;
        options.clock = &clock;
        app = std::make_unique<App>(*store, options);
    }
    ~World() {
        app.reset();
        store.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }

    Response call(const std::string& target, const std::string& cookie) {
        Request r;
        r.method = "GET";
        r.target = target;
        r.remote = "127.0.0.1";
        if (!cookie.empty()) r.headers["cookie"] = cookie;
        if (!parse_target(r)) {
            Response none;
            none.status = 0;
            return none;
        }
        Response response = app->handle(r);
        if (!response.later) return response;
        std::optional<Response> answer;
        response.later([&answer](Response final_response) { answer = std::move(final_response); });
        while (!answer && (outbound.deliver() > 0 || outbound.fire_timeouts() > 0)) {
        }
        if (!answer) std::abort();  // a later answer must always come
        return std::move(*answer);
    }
};

std::string cookie_set(const Response& r, const std::string& name) {
    std::string out;
    for (const auto& [header, value] : r.headers)
        if (iequals(header, "set-cookie") && value.rfind(name + "=", 0) == 0)
            out = value.substr(name.size() + 1, value.find(';') - name.size() - 1);
    return out;
}

std::vector<std::string> lines(std::string_view text, std::size_t count) {
    std::vector<std::string> out(count);
    for (std::size_t i = 0; i < count && !text.empty(); ++i) {
        const auto end = i + 1 == count ? text.size() : std::min(text.find('\n'), text.size());
        out[i] = std::string(text.substr(0, end));
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static World world;
    auto part = lines(std::string_view(reinterpret_cast<const char*>(data), size), 4);

    const Response login = world.call("/auth/oidc/login?idp=" + world.idp_id, "");
    const auto query = testing::query_of(login.header("Location"));
    const auto at = [&query](const char* key) {
        auto it = query.find(key);
        return it == query.end() ? std::string() : it->second;
    };
    replace_all(part[0], "{state}", at("state"));
    replace_all(part[0], "{code}", "code");
    replace_all(part[1], "{login}", cookie_set(login, kLoginCookie));

    if (part[2].rfind("raw:", 0) == 0) {
        world.outbound.serve(world.issuer->token_endpoint(), 200, part[2].substr(4));
    } else {
        replace_all(part[2], "{nonce}", "\"" + at("nonce") + "\"");
        replace_all(part[2], "{iss}", "\"" + world.issuer->issuer() + "\"");
        replace_all(part[2], "{aud}", std::string("\"") + TestIssuer::kClientId + "\"");
        replace_all(part[2], "{now}", std::to_string(world.clock.now_s()));
        const auto claims = nlohmann::json::parse(part[2], nullptr, false);
        world.outbound.respond(world.issuer->token_endpoint(),
                               [&](const OutboundRequest& r) { return world.issuer->token(r); });
        if (claims.is_object()) world.issuer->authorize("code", at("code_challenge"), claims);
    }
    world.issuer->now_s = world.clock.now_s();
    world.clock.advance(std::strtoll(part[3].c_str(), nullptr, 10) % 4000);

    const Response r = world.call("/auth/oidc/callback?" + part[0], part[1]);
    if (r.status == 0) return 0;  // not a request target a server would pass on
    const std::string location = r.header("Location");
    const bool refused = location.rfind("/#/sign-in?error=", 0) == 0;
    const std::string session = cookie_set(r, kSessionCookie);
    if (r.status != 302 || has_line_break(location) || location.rfind("/#/", 0) != 0 ||
        (refused && !session.empty()) || (!refused && session.empty()))
        __builtin_trap();
    for (const auto& [name, value] : r.headers)
        if (has_line_break(value)) __builtin_trap();
    return 0;
}
