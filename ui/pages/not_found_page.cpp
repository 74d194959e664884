// Any unknown route: say so, and offer the way back.
#include "ui/pages/not_found_page.h"

#include "ui/icons.h"
#include "ui/widgets.h"

namespace ui {

void not_found_page(PageContext& context) {
    page_header(nullptr, "Page not found", nullptr);
    const std::string sentence = "There is no page at " + context.route.path + ".";
    if (empty_state(OZ_ICON_WARNING, sentence.c_str(), "Go to Integrations"))
        context.actions.navigate_hash = route_hash(Page::Integrations);
}

}  // namespace ui
