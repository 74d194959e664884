#include "client/shared_string.h"

#include <ostream>

namespace openzro {

SharedString::SharedString(std::string_view text)
    : rep_(text.empty() ? nullptr : new Rep{{1}, std::string(text)}) {}

SharedString::~SharedString() {
    // The last owner deletes: acquire-release orders the other owners' reads before it.
    if (rep_ && rep_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete rep_;
}

const std::string& SharedString::empty_string() {
    static const std::string empty;
    return empty;
}

std::ostream& operator<<(std::ostream& out, const SharedString& s) {
    return out << s.view();
}

SharedString StringPool::intern(std::string_view text) {
    const auto found = strings_.find(text);
    if (found != strings_.end()) return found->second;
    SharedString value(text);
    strings_.emplace(value.view(), value);
    return value;
}

}  // namespace openzro
