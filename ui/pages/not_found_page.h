// ui/pages/not_found_page.h: any route the app does not know.
#pragma once
#include "ui/pages/page.h"

namespace ui {

void not_found_page(PageContext& context);

}  // namespace ui
