// GET /api/users answers as the upstream server writes them (compact, Go's field order and
// values: 4 roles, 30 groups, Okta-issued and API-created users, some who never logged in),
// for the memory budget test and the parse benchmark.
#pragma once

#include <string>

namespace openzro {

std::string users_json(int count);

}  // namespace openzro
