// ui/widgets/skeleton.h: rounded bars on surface-raised while something loads (DESIGN.md: never
// a spinner alone on a blank page).
#pragma once

namespace ui {

// `rows` bars of decreasing width over the available width.
void skeleton_rows(int rows);

}  // namespace ui
