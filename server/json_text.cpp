#include "server/json_text.h"

namespace openzro {

Response json_answer(int status, const char* content_type, const nlohmann::json& body) {
    Response r;
    r.status = status;
    r.content_type = content_type;
    r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

}  // namespace openzro
