#include "client/http.h"

#include <algorithm>

namespace openzro {

void Headers::set(std::string_view name, std::string value) {
    list_.erase(std::remove_if(list_.begin(), list_.end(),
                               [&](const auto& h) { return iequals(h.first, name); }),
                list_.end());
    list_.emplace_back(std::string(name), std::move(value));
}

void Headers::add(std::string name, std::string value) {
    list_.emplace_back(std::move(name), std::move(value));
}

const std::string* Headers::find(std::string_view name) const {
    for (const auto& h : list_) {
        if (iequals(h.first, name)) return &h.second;
    }
    return nullptr;
}

std::string Headers::get(std::string_view name) const {
    const std::string* v = find(name);
    return v ? *v : std::string();
}

}  // namespace openzro
