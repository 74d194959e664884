// ui/pages/integrations/logos.h: the brand tiles drawn with the draw list (no image assets):
// Okta's ring on its blue, openZro's mesh on the accent colour.
#pragma once

namespace ui {

// A square tile of `size` CSS px at the cursor; advances the layout like an item.
void okta_logo(float size);
void openzro_logo(float size);

}  // namespace ui
