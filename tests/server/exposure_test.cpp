// What the server exposes (issue 12, points 17 and 18): security headers on every answer and a
// Content-Security-Policy for the app's page that allows its inline parts only by hash.
#include <gtest/gtest.h>

#include <fstream>

#include "tests/server/test_server.h"

namespace openzro::testing {
namespace {

// The app folder of a wasm build, in small: a page with an inline style and module script.
class StaticApp : public ::testing::Test {
  protected:
    static AppOptions options_with(const std::filesystem::path& root,
                                   const std::string& frame_ancestors = "") {
        AppOptions options;
        options.web_root = root.string();
        if (!frame_ancestors.empty()) options.frame_ancestors = frame_ancestors;
        return options;
    }
    void SetUp() override {
        std::ofstream(root / "index.html") << "<!doctype html><style>body{margin:0}</style>"
                                              "<script type=\"module\">import('./openzro.js');"
                                              "</script>";
        std::ofstream(root / "openzro.js") << "export default 1;";
    }
    void TearDown() override { std::filesystem::remove_all(root); }
    const std::filesystem::path root = make_temp_dir();
};

TEST_F(StaticApp, EveryAnswerForbidsSniffingAndForeignFraming) {
    TestServer server(options_with(root));
    for (const char* target :
         {"/", "/openzro.js", "/missing.js", "/api/users", "/api/scim/v2/Users"}) {
        const Response r = server.call("GET", target);
        EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff") << target;
        EXPECT_NE(r.header("Content-Security-Policy").find("frame-ancestors 'self'"),
                  std::string::npos)
            << target;
    }
}

TEST_F(StaticApp, ThePageAllowsItsOwnScriptsWasmAndInlinePartsByHashOnly) {
    TestServer server(options_with(root));
    for (const char* target : {"/", "/index.html", "/team/users"}) {
        const std::string csp = server.call("GET", target).header("Content-Security-Policy");
        EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << csp;
        EXPECT_NE(csp.find("'wasm-unsafe-eval'"), std::string::npos) << csp;
        EXPECT_NE(csp.find("connect-src 'self'"), std::string::npos) << csp;
        EXPECT_NE(csp.find("object-src 'none'"), std::string::npos) << csp;
        // SHA-256 of "body{margin:0}" and of "import('./openzro.js');", base64.
        EXPECT_NE(
            csp.find("style-src 'self' 'sha256-IAdwN3biDCQ3brrgp1m8kBEsPQYyqfREKOEfeoREopc='"),
            std::string::npos)
            << csp;
        EXPECT_NE(csp.find("'sha256-fYPdVlHI2PwFb+9M3s3s5LC5eRuG725JkvtJcnkobJ8='"),
                  std::string::npos)
            << csp;
        EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
    }
}

TEST_F(StaticApp, FrameAncestorsAreConfigurableForEmbedding) {
    TestServer server(options_with(root, "https://dashboard.example.com"));
    for (const char* target : {"/", "/api/users"})
        EXPECT_NE(server.call("GET", target)
                      .header("Content-Security-Policy")
                      .find("frame-ancestors https://dashboard.example.com"),
                  std::string::npos);
}

}  // namespace
}  // namespace openzro::testing
