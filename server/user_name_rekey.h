// Keeps stored SCIM userName keys in the form user_name_key() computes: databases written
// before it held ASCII-lowercased names, so keys are recomputed once, at start-up.
#pragma once
#include <string>

#include "server/db.h"

namespace openzro {

// Recomputes every users.user_name_key unless the stored key form is current. Rows whose new
// key is already taken (by an earlier row), or whose name is no longer allowed, keep no key
// and are reported in `notes`, one line each. False on a database error.
bool rekey_user_names(Db& db, std::string& notes);

}  // namespace openzro
