// JSON text for answers: written directly for the large listings, where building a
// nlohmann::json tree per row would cost more than the query (GET /api/users with 100,000
// users), and dumped safely for the rest.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "client/text.h"
#include "server/http_types.h"

namespace openzro {

// A JSON answer. Messages may quote request text, so invalid UTF-8 is replaced rather than
// aborting the dump (exceptions are off).
Response json_answer(int status, const char* content_type, const nlohmann::json& body);

}  // namespace openzro
