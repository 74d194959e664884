// ui/pages/integrations/regenerate_token.h: "Regenerate token", as the wizard's token step and
// the configuration dialog both offer it: the button, its confirmation, its error, the request.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "client/api.h"
#include "ui/confirm_dialog.h"
#include "ui/request_state.h"

namespace ui {

// The button (refused with `denied`, busy while `write` runs) and the last error. A click opens
// the confirmation in `confirm`, answered as `action`: the caller then calls
// regenerate_token().
void regenerate_token_button(const Write& write, const char* denied, ConfirmDialog& confirm,
                             int action);
// Replaces the token of integration `id`; `done` gets the new token in full, shown once.
void regenerate_token(Write& write, openzro::RequestScope& scope, openzro::Api& api,
                      std::int64_t id, std::function<void(std::string token)> done);

}  // namespace ui
