// SCIM 2.0 at /api/scim/v2 for one authenticated integration (OKTA-SCIM.md).
#pragma once
#include <string>

#include "server/http_types.h"
#include "server/store.h"

namespace openzro::scim {

class ScimApi {
  public:
    ScimApi(Store& store, std::string base_url) : store_(store), base_url_(std::move(base_url)) {}
    // `path` is what follows /api/scim/v2 ("/Users/abc").
    Response handle(const Request& request, const std::string& path, IntegrationRecord integration);

  private:
    Store& store_;
    std::string base_url_;
};

// A SCIM Error answer (application/scim+json).
Response error_response(int status, const std::string& scim_type, const std::string& detail);

}  // namespace openzro::scim
