// ui/pages/page.h: what every page gets (the app's services, the route, whether the page was
// just entered) and what it can ask for (PageActions). Pages are functions of their own state
// struct; they reach the network only through services.api.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "client/api.h"
#include "ui/route.h"
#include "ui/toasts.h"

namespace ui {

struct Services {
    openzro::Api* api = nullptr;  // the management API; tests give one over a fake transport
    Toasts* toasts = nullptr;
    std::string api_origin;  // e.g. "https://vpn.example.com": for URLs shown to the admin
    // The wall clock in Unix seconds, for "3 minutes ago"; tests pin it. Empty: the system's.
    std::function<std::int64_t()> unix_now{};
};

// services.unix_now(), or the system's wall clock when it is not set.
std::int64_t wall_now(const Services& services);

struct Download {
    std::string filename;
    std::string mime_type;
    std::string content;
};

struct PageActions {
    std::string navigate_hash;     // a route to go to (pushed to the browser history)
    bool replace_history = false;  // navigate_hash replaces the current entry instead
    std::string open_url;          // an external page to open in a new tab
    std::string go_to_url;         // leave the app: the whole page goes there (same tab)
    Download download;             // a file for the browser to save (empty filename: none)
    double wake_after = -1;        // render again after this many seconds, even if idle
};

struct PageContext {
    Services& services;
    const Route& route;
    bool entered = false;  // first frame of this page since another page was shown
    PageActions& actions;
};

// Earliest of two optional wake-up delays (negative = none).
double earliest_wake(double a, double b);

}  // namespace ui
