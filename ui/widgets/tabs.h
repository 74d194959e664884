// ui/widgets/tabs.h: a row of tabs with an accent underline under the selected one (role "tab",
// selected state). Also serves as a segmented filter.
#pragma once

namespace ui {

// `labels` may carry "##id" suffixes. Returns true when the selection changed.
bool tabs(const char* id, const char* const* labels, int count, int& selected);

}  // namespace ui
