// The signed-out screen (providers, refusal reasons, return to the route the user was on) and
// the user menu in the sidebar (who is signed in, Sign out).
#include <gtest/gtest.h>

#include <memory>

#include "harness/harness.h"

using harness::Harness;

namespace {

openzro::HttpResponse json(int status, std::string body) {
    openzro::HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers.set("Content-Type", "application/json");
    return r;
}

// A server with one Okta provider and a signed-in member, which records what it was asked.
struct AuthServer {
    bool session = true;
    std::string role = "user";
    std::vector<std::string> calls;  // "METHOD /path"

    std::optional<openzro::HttpResponse> answer(const openzro::HttpRequest& r) {
        const std::string path =
            r.url.substr(0, r.url.find('?'));  // the harness's Api: same origin
        calls.push_back(r.method + " " + path);
        if (path == "/auth/providers")
            return json(200, R"([{"id":"okta 1","name":"Okta","type":"okta"}])");
        if (!session) return json(401, R"({"message":"no session","code":401})");
        if (r.method == "POST" && path == "/auth/logout") {
            session = false;
            return json(204, "");
        }
        if (path == "/api/users/current")
            return json(200, R"({"id":"u1","email":"mia@acme.com","name":"Mia Member","role":")" +
                                 role +
                                 R"(","status":"active","auto_groups":[],"is_blocked":false,
                                 "pending_approval":false,"permissions":{"is_restricted":false,
                                 "modules":{"users":{"read":true}}}})");
        if (path == "/api/users") return json(200, "[]");
        return json(200, "[]");
    }
};

std::unique_ptr<Harness> open(const std::shared_ptr<AuthServer>& server, const std::string& hash,
                              bool host_authorizes = false) {
    harness::HarnessConfig config;
    config.route_hash = hash;
    config.host_authorizes = host_authorizes;
    config.responder = [server](const openzro::HttpRequest& r) { return server->answer(r); };
    auto h = std::make_unique<Harness>(config);
    h->settle();
    return h;
}

}  // namespace

TEST(SignIn, ASessionThatEndsShowsTheSignInScreenAndReturnsToTheRoute) {
    auto server = std::make_shared<AuthServer>();
    auto h = open(server, "#/team/users?status=blocked");
    ASSERT_NE(h->find("Users"), nullptr);
    ui::app_set_signed_out(h->app);  // a 401 from the API
    h->settle();
    EXPECT_EQ(h->find("Users"), nullptr);  // no app behind it
    ASSERT_NE(h->find("Continue with Okta"), nullptr);
    EXPECT_TRUE(h->shows_text("one-time link"));
    EXPECT_FALSE(h->shows_text("You could not sign in"));

    ASSERT_TRUE(h->click("Continue with Okta"));
    ASSERT_EQ(h->visited_urls.size(), 1u);
    EXPECT_EQ(h->visited_urls[0],
              "http://127.0.0.1:8080/auth/oidc/login?idp=okta%201&return_to=%23%2Fteam%2Fusers%"
              "3Fstatus%3Dblocked");
}

// The owner's note under the card wraps at the card's width (it ran past it to the window edge).
TEST(SignIn, TheOwnersNoteWrapsWithinTheCard) {
    auto h = open(std::make_shared<AuthServer>(), "#/sign-in?error=blocked");
    const ui::Item* button = h->find("Continue with Okta");
    const ui::Item* note = nullptr;
    for (const ui::Item& t : h->app.registry.texts)
        if (t.label.rfind("Owner setting up", 0) == 0) note = &t;
    ASSERT_NE(button, nullptr);
    ASSERT_NE(note, nullptr);
    // The card is the button plus its padding: well under a tenth of the button's width.
    EXPECT_LE(note->max.x, button->max.x + (button->max.x - button->min.x) * 0.1f);
    EXPECT_GE(note->min.x, button->min.x - (button->max.x - button->min.x) * 0.1f);
}

TEST(SignIn, TheServersRefusalIsExplained) {
    auto server = std::make_shared<AuthServer>();
    const std::pair<const char*, const char*> cases[] = {
        {"blocked", "blocked"},
        {"pending_approval", "approval"},
        {"not_in_domain", "not in this account's domain"},
        {"invalid_state", "try again"},
        {"something_new", "did not complete"},
    };
    for (const auto& [code, words] : cases) {
        auto h = open(server, std::string("#/sign-in?error=") + code);
        EXPECT_TRUE(h->shows_text("You could not sign in")) << code;
        EXPECT_TRUE(h->shows_text(words)) << code;
        ASSERT_NE(h->find("Continue with Okta"), nullptr) << code;
        // Coming from a refusal, sign-in returns to the default page.
        ASSERT_TRUE(h->click("Continue with Okta"));
        ASSERT_EQ(h->visited_urls.size(), 1u);
        EXPECT_NE(h->visited_urls[0].find("return_to=%23%2Fintegrations"), std::string::npos);
    }
}

TEST(SignIn, NoProviderYetSaysSo) {
    harness::HarnessConfig config;
    config.route_hash = "#/sign-in";
    config.responder = [](const openzro::HttpRequest&) { return json(200, "[]"); };
    Harness h(config);
    h.settle();
    EXPECT_TRUE(h.shows_text("No identity provider is set up yet"));
    EXPECT_TRUE(h.shows_text("one-time link"));
}

TEST(SignIn, ProvidersThatFailToLoadOfferARetry) {
    int asked = 0;
    harness::HarnessConfig config;
    config.route_hash = "#/sign-in";
    config.responder = [&asked](const openzro::HttpRequest&) {
        return ++asked <= 1 ? json(500, R"({"message":"db down"})")
                            : json(200, R"([{"id":"o","name":"Okta","type":"okta"}])");
    };
    Harness h(config);
    h.settle();
    ASSERT_TRUE(h.shows_text("Could not load the sign-in options"));
    ASSERT_TRUE(h.click_and_settle("Retry"));
    EXPECT_NE(h.find("Continue with Okta"), nullptr);
}

TEST(SignIn, EmbeddedThereIsNoSignInScreen) {
    auto server = std::make_shared<AuthServer>();
    auto h = open(server, "#/integrations", true);
    ui::app_set_signed_out(h->app);
    h->settle();
    EXPECT_EQ(h->find("Continue with Okta"), nullptr);
    EXPECT_TRUE(h->shows_text("You are signed out"));
}

TEST(UserMenu, ShowsWhoIsSignedInAndSignsOut) {
    auto server = std::make_shared<AuthServer>();
    auto h = open(server, "#/team/users");
    ASSERT_TRUE(h->click("Account menu for mia@acme.com"));
    EXPECT_TRUE(h->shows_text("Mia Member"));
    EXPECT_TRUE(h->shows_text("Role: User"));
    EXPECT_TRUE(h->shows_text("changes need an admin"));
    ASSERT_TRUE(h->click_and_settle("Sign out"));
    int logouts = 0;
    for (const std::string& c : server->calls) logouts += c == "POST /auth/logout";
    EXPECT_EQ(logouts, 1);
    bool csrf = false;
    for (const auto& s : h->http.sent())
        if (s.request.url.find("/auth/logout") != std::string::npos)
            csrf = s.request.method == "POST";
    EXPECT_TRUE(csrf);
    // The signed-out screen, which brings the user back to where they were.
    ASSERT_NE(h->find("Continue with Okta"), nullptr);
    EXPECT_EQ(h->find("Users"), nullptr);
    ASSERT_TRUE(h->click("Continue with Okta"));
    ASSERT_EQ(h->visited_urls.size(), 1u);
    EXPECT_NE(h->visited_urls[0].find("return_to=%23%2Fteam%2Fusers"), std::string::npos);
}

TEST(UserMenu, EmbeddedHasNoSignOut) {
    auto server = std::make_shared<AuthServer>();
    server->role = "admin";
    auto h = open(server, "#/integrations", true);
    ASSERT_TRUE(h->click("Account menu for mia@acme.com"));
    EXPECT_TRUE(h->shows_text("Role: Admin"));
    EXPECT_EQ(h->find("Sign out"), nullptr);
}
