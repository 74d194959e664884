// ui/pages/sign_in_page.h: the signed-out screen. It replaces the app when the session is gone
// (a 401) or on #/sign-in?error=<code> (where the server's sign-in callback sends a refusal):
// "Continue with <provider>" for each identity provider, the reason of a refusal, and a note
// for the owner about the one-time link. Embedded in a host there is no such screen.
#pragma once
#include <string>
#include <string_view>

#include "ui/pages/page.h"
#include "ui/request_state.h"

namespace ui {

struct SignInPageState {
    openzro::RequestScope scope;
    Fetch<std::vector<openzro::AuthProvider>> providers;  // GET /auth/providers
};

// The sentence for a refusal code of /auth/oidc/callback ("" for none; a generic one when
// the code is unknown).
std::string sign_in_reason(std::string_view code);
// Where "Continue with ..." sends the whole page: <origin>/auth/oidc/login?idp=..&return_to=..
std::string sign_in_url(const std::string& origin, const std::string& idp,
                        const std::string& return_to);

// `return_to` is the app route to come back to after signing in ("#/team/users?status=blocked").
void sign_in_page(SignInPageState& s, PageContext& ctx, const std::string& return_to);

}  // namespace ui
