// Writing JSON text directly, for the large listings where building a nlohmann::json tree per
// row would cost more than the query (GET /api/users with 100,000 users).
#pragma once
#include <string>
#include <string_view>

namespace openzro {

// Appends `text` as a quoted JSON string. Invalid UTF-8 bytes become U+FFFD, as the replace
// mode of nlohmann's dump does.
void append_json_string(std::string& out, std::string_view text);

}  // namespace openzro
