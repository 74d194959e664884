// Parses 100,000 users (about 40 MB of JSON, the size GET /api/users reaches without paging)
// into models with the client's SAX reader, and into nlohmann's DOM as the baseline.
// Prints time and peak heap (counted in operator new) for each, natively or as wasm.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "client/model_json.h"
#include "support/counting_heap.h"
#include "support/users_json.h"

namespace {

// Process CPU time in ms: on a machine shared with other builds it varies far less than wall time.
#ifdef __EMSCRIPTEN__
// clang-format off
EM_JS(double, cpu_ms, (), {
    return typeof process !== 'undefined' ? process.cpuUsage().user / 1000 : performance.now();
});
// clang-format on
#else
double cpu_ms() {
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}
#endif

struct Figures {
    double ms = 0;
    double cpu = 0;
    std::size_t peak = 0;  // heap at its highest during the parse, the JSON text included
    std::size_t kept = 0;  // heap held by the result afterwards, the JSON text included
};

Figures measure(const std::function<void()>& parse) {
    Figures best;
    for (int run = 0; run < 3; ++run) {
        openzro::heap::reset_peak();
        const double cpu_start = cpu_ms();
        const auto start = std::chrono::steady_clock::now();
        parse();
        const auto end = std::chrono::steady_clock::now();
        const double cpu = cpu_ms() - cpu_start;
        const double ms = std::chrono::duration<double, std::milli>(end - start).count();
        if (run == 0 || ms < best.ms) best.ms = ms;
        if (run == 0 || cpu < best.cpu) best.cpu = cpu;
        best.peak = openzro::heap::peak();
    }
    return best;
}

double mb(std::size_t bytes) {
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
#ifdef __EMSCRIPTEN__
    const char* where = "wasm";
#else
    const char* where = "native";
#endif
    const std::string text = openzro::users_json(count);
    const std::size_t base = openzro::heap::live();  // the JSON text and the runtime's own

    std::size_t sax_kept = 0;
    std::size_t users = 0;
    const Figures sax = measure([&] {
        std::vector<openzro::User> out;
        if (auto error = openzro::read_json(text, out)) {
            std::printf("parse error: %s\n", error->message().c_str());
            std::exit(1);
        }
        users = out.size();
        sax_kept = openzro::heap::live();
    });
    std::size_t dom_kept = 0;
    const Figures dom = measure([&] {
        const auto doc = nlohmann::json::parse(text, nullptr, false);
        if (doc.is_discarded()) std::exit(1);
        dom_kept = openzro::heap::live();
    });

    const double size = mb(text.size());
    std::printf("%s: %zu users, %.1f MB of JSON\n", where, users, size);
    const auto line = [&](const char* what, const Figures& f, std::size_t kept) {
        std::printf(
            "%s  %s: %6.0f ms wall %6.0f ms cpu  peak %6.1f MB = %.2fx JSON  (result %.1f MB)\n",
            where, what, f.ms, f.cpu, mb(f.peak), mb(f.peak) / size, mb(kept - base));
    };
    line("models (SAX)", sax, sax_kept);
    line("nlohmann DOM", dom, dom_kept);
    std::printf("%s  SAX/DOM: time %.2f (cpu %.2f), peak memory %.2f\n", where, sax.ms / dom.ms,
                sax.cpu / dom.cpu, static_cast<double>(sax.peak) / static_cast<double>(dom.peak));
    std::printf("%s  targets: under 1000 ms (cpu) %s; peak under 2x JSON %s\n", where,
                sax.cpu < 1000 ? "met" : "NOT met", sax.peak < 2 * text.size() ? "met" : "NOT met");
    return 0;
}
