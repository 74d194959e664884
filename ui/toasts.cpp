#include "ui/toasts.h"

#include <imgui.h>

#include <algorithm>

#include "ui/icons.h"
#include "ui/item_registry.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ui {

namespace {
constexpr double kToastSeconds = 4.0;
constexpr std::size_t kMaxToasts = 5;

struct ToastLook {
    const char* icon;
    ImU32 color;
};

ToastLook look(ToastKind kind) {
    const Palette& p = colors();
    switch (kind) {
        case ToastKind::Success:
            return {OZ_ICON_CHECK_CIRCLE, p.success};
        case ToastKind::Warning:
            return {OZ_ICON_WARNING, p.warning};
        case ToastKind::Error:
            return {OZ_ICON_ERROR, p.danger};
        case ToastKind::Info:
            break;
    }
    return {OZ_ICON_INFO, p.accent};
}
}  // namespace

void toast_push(Toasts& toasts, ToastKind kind, std::string message) {
    if (toasts.items.size() >= kMaxToasts) toasts.items.erase(toasts.items.begin());
    toasts.items.push_back({toasts.next_id++, kind, std::move(message), ImGui::GetTime()});
}

double toasts_draw(Toasts& toasts) {
    const double now = ImGui::GetTime();
    auto expired = [now](const Toast& t) {
        return t.kind != ToastKind::Error && now - t.created >= kToastSeconds;
    };
    toasts.items.erase(std::remove_if(toasts.items.begin(), toasts.items.end(), expired),
                       toasts.items.end());

    double next = -1;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float y = vp->WorkPos.y + vp->WorkSize.y - px(24);
    const float width = px(360);
    for (auto it = toasts.items.rbegin(); it != toasts.items.rend(); ++it) {
        Toast& t = *it;
        if (t.kind != ToastKind::Error) {
            const double left = t.created + kToastSeconds - now;
            next = next < 0 ? left : std::min(next, left);
        }
        const ToastLook l = look(t.kind);
        char name[32];
        snprintf(name, sizeof name, "##toast%u", t.id);
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - px(24), y),
                                ImGuiCond_Always, ImVec2(1, 1));
        ImGui::SetNextWindowSize(ImVec2(width, 0));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, colors().surface_raised);
        ImGui::PushStyleColor(ImGuiCol_Border, colors().border);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(16), px(12)));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, px(1));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, px(8));
        const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_AlwaysAutoResize |
                                       ImGuiWindowFlags_NoFocusOnAppearing;
        bool close = false;
        if (ImGui::Begin(name, nullptr, flags)) {
            ImGui::PushStyleColor(ImGuiCol_Text, l.color);
            ImGui::TextUnformatted(l.icon);
            ImGui::PopStyleColor();
            ImGui::SameLine(0, px(10));
            ImGui::PushTextWrapPos(width - px(56));
            ImGui::TextUnformatted(t.message.c_str());
            registry_add_text(Role::Status, t.message.c_str());
            ImGui::PopTextWrapPos();
            ImGui::SameLine(width - px(48));
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() - px(8));
            close = icon_button("close", OZ_ICON_CLOSE, "Dismiss");
            y -= ImGui::GetWindowHeight() + px(8);
        }
        ImGui::End();
        ImGui::PopStyleVar(3);
        ImGui::PopStyleColor(2);
        if (close) {  // expires on the next frame
            t.kind = ToastKind::Info;
            t.created = -1e9;
        }
    }
    return next;
}

}  // namespace ui
