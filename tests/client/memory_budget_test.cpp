// Issue 4's memory target as a test: reading GET /api/users into models must never hold more
// than twice the JSON text (the text itself included). Counted in operator new, so the figure
// is the same on every run; the native and the wasm builds each check their own layout.
#include <gtest/gtest.h>

#include "client/model_json.h"
#include "support/counting_heap.h"
#include "support/users_json.h"

namespace openzro {
namespace {

TEST(MemoryBudget, UsersListPeaksUnderTwiceItsJson) {
    const std::string text = users_json(20000);
    std::vector<User> users;
    ASSERT_FALSE(read_json(users_json(1), users));  // first use of the process's constants
    users = {};
    heap::reset_peak();
    const std::size_t before = heap::live();  // the text is already counted in it
    ASSERT_FALSE(read_json(text, users));
    ASSERT_EQ(users.size(), 20000u);
    const std::size_t peak = heap::peak() - before + text.size();
    EXPECT_LT(peak, 2 * text.size()) << "peak " << peak << " bytes for " << text.size();
    // The reader keeps nothing, and the shared strings go with their last user.
    users.clear();
    users.shrink_to_fit();
    EXPECT_LE(heap::live(), before);
}

}  // namespace
}  // namespace openzro
