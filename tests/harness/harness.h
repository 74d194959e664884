// tests/harness/harness.h: drives the real UI headlessly. It owns an ImGui context with no
// renderer, plays the browser's part (history, clipboard, new tabs) and finds items through the
// same registry that window.openzroItems() exposes in the browser.
#pragma once
#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "client/api.h"
#include "client/clock.h"
#include "client/fake_http_client.h"
#include "ui/app.h"

namespace harness {

struct HarnessConfig {
    float width = 1280, height = 800;  // CSS pixels
    float pixel_ratio = 1.0f;
    std::string route_hash;
    std::string api_origin = "http://127.0.0.1:8080";
    // Answers the app's API requests; unset: every request stays pending.
    openzro::FakeHttpClient::Responder responder{};
    bool host_authorizes = false;  // embedded in a host that signs users in
};

class Harness {
  public:
    explicit Harness(const HarnessConfig& config = {});
    ~Harness();
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    // Runs `count` frames of 1/60 s each: delivers finished HTTP exchanges, moves the clock,
    // draws the app (and the overlay, if any) and applies what the frame asks of the platform.
    void frame(int count = 1);
    // Runs frames until the app is quiet, at most kSettleFrames: what tests mean by "then":
    // answers delivered (and the requests they lead to), dialogs fitted, hover moved.
    void settle();
    // Clicks, then settles. False when the item is not there.
    bool click_and_settle(const std::string& label_or_id);
    // Items of the last frame, by visible label or by "##id".
    const ui::Item* find(const std::string& label_or_id) const;
    // Whether an item or a text of the last frame contains `part` (prose, not a control).
    bool shows_text(const std::string& part) const;
    // Moves the mouse to the item's centre and clicks it. False when the item is not there.
    bool click(const std::string& label_or_id);
    void type(const std::string& text);
    void press(ImGuiKey key, ImGuiKeyChord mods = 0);
    // Browser behaviour: a typed URL hash, and the back button.
    void navigate(const std::string& hash);
    void back();
    // Lets ImGui's own clock run (toasts, copy feedback) by `seconds` of idle frames.
    void advance(double seconds);

    // Declared before the app: the app's Api uses them until it is destroyed.
    openzro::FakeHttpClient http;
    openzro::ManualClock clock;
    openzro::Api api;
    ui::App app;
    std::function<void()> overlay;  // drawn over the app each frame (widget tests)
    std::string clipboard;
    std::vector<std::string> history;  // location hashes, oldest first
    std::vector<std::string> opened_urls;
    std::vector<std::string> visited_urls;  // the whole page went there (go_to_url)
    std::vector<ui::Download> downloads;
    ui::FrameResult last;

    // Bounds settle(): a view that never rests (a poll answered at once) costs this much, no hang.
    static constexpr int kSettleFrames = 30;

  private:
    void activate() const;  // several harnesses may live at once, each with its own context
    ImGuiContext* context_ = nullptr;
    std::size_t delivered_ = 0;  // answers the last frame delivered
};

// Lookups every page's tests share.
// The first item or text (heading, text, status) whose label starts with `prefix`.
const ui::Item* find_prefix(const Harness& h, const std::string& prefix);
// Whether the last frame showed this exact text (or an item with this label).
bool shown(const Harness& h, const std::string& text);
// Whether the item is there and disabled.
bool disabled(const Harness& h, const std::string& label);

}  // namespace harness
