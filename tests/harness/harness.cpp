#include "harness.h"

#include <imgui_internal.h>

#include <algorithm>

namespace harness {

namespace {
void set_clipboard(void* user, const char* text) {
    static_cast<Harness*>(user)->clipboard = text;
}
const char* get_clipboard(void* user) {
    return static_cast<Harness*>(user)->clipboard.c_str();
}
// Whether two frames showed the same items, in the same places and states.
bool same_items(const std::vector<ui::Item>& a, const std::vector<ui::Item>& b) {
    return std::equal(
        a.begin(), a.end(), b.begin(), b.end(), [](const ui::Item& x, const ui::Item& y) {
            return x.imgui_id == y.imgui_id && x.label == y.label && x.role == y.role &&
                   x.state == y.state && x.value == y.value && x.min.x == y.min.x &&
                   x.min.y == y.min.y && x.max.x == y.max.x && x.max.y == y.max.y;
        });
}
openzro::ApiConfig api_config() {
    openzro::ApiConfig config;
    config.auth = {openzro::Auth::Kind::kToken, "test-token"};
    return config;
}
}  // namespace

Harness::Harness(const HarnessConfig& config) : api(api_config(), http, clock) {
    if (config.responder) http.set_responder(config.responder);
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);  // CreateContext keeps the previous one current
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(config.width * config.pixel_ratio, config.height * config.pixel_ratio);
    io.DeltaTime = 1.0f / 60.0f;
    io.ClipboardUserData = this;
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    ui::app_init(app,
                 {ui::ThemeMode::Dark, config.pixel_ratio, config.route_hash, config.api_origin,
                  config.host_authorizes},
                 &api);
    // No renderer: building the atlas is enough for text layout.
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    history.push_back(ui::route_format(app.route));
    frame(2);  // the first frame lays out windows, the second is what a user sees
}

Harness::~Harness() {
    ImGui::DestroyContext(context_);
}

void Harness::activate() const {
    ImGui::SetCurrentContext(context_);
}

void Harness::frame(int count) {
    activate();
    for (int i = 0; i < count; ++i) {
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        clock.advance(16);
        delivered_ = http.deliver();
        last = ui::app_frame(app, overlay);
        if (!last.navigate_hash.empty()) {
            if (last.replace_history) history.pop_back();
            history.push_back(last.navigate_hash);
        }
        if (!last.open_url.empty()) opened_urls.push_back(last.open_url);
        if (!last.go_to_url.empty()) visited_urls.push_back(last.go_to_url);
        if (!last.download.filename.empty()) downloads.push_back(last.download);
    }
}

// Quiet as the browser's render loop sees it: the frame delivered no answer, sent no request (the
// responder may have answered it already), asked for no frame at once, took all queued input
// and showed what the frame before showed.
void Harness::settle() {
    activate();
    for (int i = 0; i < kSettleFrames; ++i) {
        const std::vector<ui::Item> items = app.registry.items;
        const std::vector<ui::Item> texts = app.registry.texts;
        const std::size_t sent = http.sent().size();
        frame();
        if (delivered_ == 0 && http.sent().size() == sent && last.wake_after != 0 &&
            ImGui::GetCurrentContext()->InputEventsQueue.empty() &&
            same_items(items, app.registry.items) && same_items(texts, app.registry.texts))
            return;
    }
}

bool Harness::click_and_settle(const std::string& label_or_id) {
    if (!click(label_or_id)) return false;
    settle();
    return true;
}

bool Harness::shows_text(const std::string& part) const {
    for (const auto* list : {&app.registry.items, &app.registry.texts})
        for (const ui::Item& item : *list)
            if (item.label.find(part) != std::string::npos) return true;
    return false;
}

const ui::Item* find_prefix(const Harness& h, const std::string& prefix) {
    for (const auto* list : {&h.app.registry.items, &h.app.registry.texts})
        for (const ui::Item& item : *list)
            if (item.label.rfind(prefix, 0) == 0) return &item;
    return nullptr;
}

bool shown(const Harness& h, const std::string& text) {
    const ui::Item* item = find_prefix(h, text);
    return item && item->label == text;
}

bool disabled(const Harness& h, const std::string& label) {
    const ui::Item* item = h.find(label);
    return item && (item->state & ui::ItemState_Disabled);
}

const ui::Item* Harness::find(const std::string& label_or_id) const {
    return ui::registry_find(app.registry, label_or_id);
}

bool Harness::click(const std::string& label_or_id) {
    const ui::Item* item = find(label_or_id);
    if (!item) return false;
    activate();
    const ImVec2 centre((item->min.x + item->max.x) * 0.5f, (item->min.y + item->max.y) * 0.5f);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(centre.x, centre.y);
    frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    frame(2);
    return true;
}

void Harness::type(const std::string& text) {
    activate();
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame(2);
}

void Harness::press(ImGuiKey key, ImGuiKeyChord mods) {
    activate();
    ImGuiIO& io = ImGui::GetIO();
    if (mods & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
    if (mods & ImGuiMod_Shift) io.AddKeyEvent(ImGuiMod_Shift, true);
    io.AddKeyEvent(key, true);
    frame();
    io.AddKeyEvent(key, false);
    if (mods & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
    if (mods & ImGuiMod_Shift) io.AddKeyEvent(ImGuiMod_Shift, false);
    frame(2);
}

void Harness::navigate(const std::string& hash) {
    history.push_back(hash);
    ui::app_set_route(app, hash);
    frame(2);
}

void Harness::back() {
    if (history.size() < 2) return;
    history.pop_back();
    ui::app_set_route(app, history.back());
    frame(2);
}

void Harness::advance(double seconds) {
    const int frames = static_cast<int>(seconds * 60.0) + 1;
    frame(frames);
}

}  // namespace harness
