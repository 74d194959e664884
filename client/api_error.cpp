#include "client/api_error.h"

namespace openzro {

std::string ApiError::summary() const {
    std::string out = message;
    if (!server_message.empty()) out += ": " + server_message;
    std::string tail;
    if (status != 0) tail = "HTTP " + std::to_string(status);
    if (!detail.empty() && server_message.empty()) tail += (tail.empty() ? "" : ", ") + detail;
    if (!request_id.empty()) tail += (tail.empty() ? "request " : ", request ") + request_id;
    if (!tail.empty()) out += " (" + tail + ")";
    return out;
}

}  // namespace openzro
