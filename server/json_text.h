// JSON text for answers: written directly for the large listings, where building a
// nlohmann::json tree per row would cost more than the query (GET /api/users with 100,000
// users), and dumped safely for the rest.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "server/http_types.h"

namespace openzro {

// Appends `text` as a quoted JSON string. Invalid UTF-8 bytes become U+FFFD, as the replace
// mode of nlohmann's dump does.
void append_json_string(std::string& out, std::string_view text);

// A JSON answer. Messages may quote request text, so invalid UTF-8 is replaced rather than
// aborting the dump (exceptions are off).
Response json_answer(int status, const char* content_type, const nlohmann::json& body);

}  // namespace openzro
