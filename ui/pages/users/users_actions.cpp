#include "ui/pages/users/users_actions.h"

namespace ui {

namespace {

enum ConfirmAction { kConfirmBlock = 1, kConfirmRemove, kConfirmReject };

// Applies `after` now, sends it through `send` (given the Api and the callback), and settles
// with the server's answer or rolls back to `before`. `done` is the success message ("Jane was
// blocked."), `failed` the start of the error's ("Couldn't block Jane.").
template <class Send>
void edit_user(UsersPageState& state, Services& services, openzro::User before,
               const openzro::User& after, std::string done, std::string failed, Send send) {
    // `before` is a copy: the edit below may move the user it was read from.
    const std::int64_t row = index_find(state.index, after.id);
    if (row < 0 || !services.api) return;
    index_edit(state.index, static_cast<std::uint32_t>(row), after);
    state.pending[after.id] = {after, false};
    Toasts* toasts = services.toasts;
    send(*services.api, [&state, toasts, before = std::move(before), done = std::move(done),
                         failed = std::move(failed)](openzro::Result<openzro::User> result) {
        state.pending.erase(before.id);
        const std::int64_t at = index_find(state.index, before.id);
        if (at < 0) return;
        const auto i = static_cast<std::uint32_t>(at);
        if (const openzro::User* saved = ok_value(result)) {
            index_edit(state.index, i, *saved);
            toast_push(*toasts, ToastKind::Success, done);
        } else {
            index_edit(state.index, i, before);
            toast_push(*toasts, ToastKind::Error, failed + " " + result.error().summary());
        }
    });
}

// edit_user() through PUT /users/{id}.
void put_user(UsersPageState& state, Services& services, const openzro::User& before,
              const openzro::User& after, std::string done, std::string failed) {
    edit_user(state, services, before, after, std::move(done), std::move(failed),
              [&state, &after](openzro::Api& api, auto settle) {
                  api.update_user(state.writes, after.id,
                                  {after.role, after.auto_groups, after.is_blocked},
                                  std::move(settle));
              });
}

// Hides the user now, sends DELETE /users/{id} (or /reject), and shows them again when refused.
void remove_user(UsersPageState& state, Services& services, const openzro::User& user,
                 bool reject) {
    const std::int64_t row = index_find(state.index, user.id);
    if (row < 0 || !services.api) return;
    index_set_deleted(state.index, static_cast<std::uint32_t>(row), true);
    state.pending[user.id] = {user, true};
    if (state.selected == user.id) state.selected.clear();
    Toasts* toasts = services.toasts;
    const std::string name = display_name(user);
    auto done = [&state, toasts, id = user.id, name,
                 reject](const openzro::Result<openzro::Done>& result) {
        state.pending.erase(id);
        const std::int64_t at = index_find(state.index, id);
        if (result) {
            toast_push(*toasts, ToastKind::Success,
                       name + (reject ? " was rejected." : " was removed."));
            return;
        }
        if (at >= 0) index_set_deleted(state.index, static_cast<std::uint32_t>(at), false);
        toast_push(*toasts, ToastKind::Error,
                   (reject ? "Couldn't reject " : "Couldn't remove ") + name + ". " +
                       result.error().summary());
    };
    if (reject)
        services.api->reject_user(state.writes, user.id, std::move(done));
    else
        services.api->delete_user(state.writes, user.id, std::move(done));
}

void set_blocked(UsersPageState& state, Services& services, const openzro::User& user,
                 bool blocked) {
    openzro::User after = user;
    after.is_blocked = blocked;
    after.status = blocked ? "blocked" : "active";
    const std::string& name = display_name(user);
    put_user(state, services, user, after, name + (blocked ? " was blocked." : " was unblocked."),
             std::string("Couldn't ") + (blocked ? "block " : "unblock ") + name + ".");
}

// Asks to confirm `verb` ("Block") on the user; `consequence` follows their name.
void ask(UsersPageState& state, const openzro::User& user, const std::string& verb,
         const std::string& consequence, int action) {
    const std::string& name = display_name(user);
    confirm_open(state.confirm, verb + " " + name + "?", name + consequence, verb + " user",
                 action);
    state.confirm_user = user.id;
}

}  // namespace

const std::string& display_name(const openzro::User& user) {
    return user.name.empty() ? user.email : user.name;
}

void approve(UsersPageState& state, Services& services, const openzro::User& user) {
    openzro::User after = user;
    after.pending_approval = false;
    const std::string& name = display_name(user);
    edit_user(state, services, user, after, name + " was approved and can sign in.",
              "Couldn't approve " + name + ".", [&state, &after](openzro::Api& api, auto settle) {
                  api.approve_user(state.writes, after.id, std::move(settle));
              });
}

void ask_reject(UsersPageState& state, const openzro::User& user) {
    ask(state, user, "Reject",
        " is removed and can't sign in. If they sign in with Okta again, they wait for approval "
        "again.",
        kConfirmReject);
}

void ask_set_blocked(UsersPageState& state, Services& services, const openzro::User& user,
                     bool blocked) {
    if (!blocked) {
        set_blocked(state, services, user, false);
        return;
    }
    std::string consequence =
        " will be signed out and their peers disconnected until you unblock them.";
    if (user_from_okta(user))
        consequence +=
            " Okta may unblock them on its next push: to keep them out, unassign them "
            "from the openZro app in Okta.";
    ask(state, user, "Block", consequence, kConfirmBlock);
}

void ask_remove(UsersPageState& state, const openzro::User& user) {
    ask(state, user, "Remove",
        " loses access to the account and their peers are removed. This can't be undone.",
        kConfirmRemove);
}

void set_role(UsersPageState& state, Services& services, const openzro::User& user,
              const std::string& role) {
    if (user.role == role) return;
    openzro::User after = user;
    after.role = role;
    const std::string& name = display_name(user);
    put_user(state, services, user, after, name + " is now " + role_label(role) + ".",
             "Couldn't change the role of " + name + ".");
}

void draw_user_confirm(UsersPageState& state, Services& services) {
    if (confirm_draw(state.confirm) != ConfirmResult::Confirmed) return;
    const std::int64_t row = index_find(state.index, state.confirm_user);
    if (row < 0) return;
    // A copy: the edit below replaces the user the reference would point to.
    const openzro::User user = index_user(state.index, static_cast<std::uint32_t>(row));
    if (state.confirm.action == kConfirmBlock) set_blocked(state, services, user, true);
    if (state.confirm.action == kConfirmRemove) remove_user(state, services, user, false);
    if (state.confirm.action == kConfirmReject) remove_user(state, services, user, true);
}

}  // namespace ui
