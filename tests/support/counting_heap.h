// Replaces the program's operator new and delete with counting ones: the bytes live now and the
// most they reached. Deterministic, unlike a process's resident size, so memory budgets can be
// tests. Linked as an OBJECT library so the replacements are always in.
#pragma once

#include <cstddef>

namespace openzro::heap {

std::size_t live();  // bytes allocated by operator new and not yet deleted
std::size_t peak();  // the highest live() since the last reset_peak()
void reset_peak();   // peak() = live()

}  // namespace openzro::heap
