#include "support/counting_heap.h"

#include <algorithm>
#include <cstdlib>
#include <new>

namespace openzro::heap {
namespace {

std::size_t g_live = 0;
std::size_t g_peak = 0;
// Each block starts with its size, so delete knows what to subtract (16: keeps the alignment
// operator new promises).
constexpr std::size_t kHeader = 16;

void* counted_alloc(std::size_t n) {
    void* raw = std::malloc(n + kHeader);
    if (!raw) std::abort();  // out of memory: nothing sensible to measure
    *static_cast<std::size_t*>(raw) = n;
    g_live += n;
    g_peak = std::max(g_peak, g_live);
    return static_cast<char*>(raw) + kHeader;
}

void counted_free(void* p) {
    if (!p) return;
    char* raw = static_cast<char*>(p) - kHeader;
    g_live -= *reinterpret_cast<std::size_t*>(raw);
    std::free(raw);
}

}  // namespace

std::size_t live() {
    return g_live;
}
std::size_t peak() {
    return g_peak;
}
void reset_peak() {
    g_peak = g_live;
}

}  // namespace openzro::heap

using openzro::heap::counted_alloc;
using openzro::heap::counted_free;

void* operator new(std::size_t n) {
    return counted_alloc(n);
}
void* operator new[](std::size_t n) {
    return counted_alloc(n);
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    return counted_alloc(n);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    return counted_alloc(n);
}
void operator delete(void* p) noexcept {
    counted_free(p);
}
void operator delete[](void* p) noexcept {
    counted_free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    counted_free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    counted_free(p);
}
