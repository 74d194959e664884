// The few pages okta-sim's OIDC side shows a person: plain HTML, no scripts, nothing fetched
// from elsewhere, every value escaped.
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)} · okta-sim</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px system-ui,sans-serif;background:#f4f4f6;margin:0}main{max-width:22rem;margin:4rem auto;
background:#fff;padding:2rem;border-radius:6px;box-shadow:0 1px 4px #0003}label{display:block;margin:1rem 0}
input{display:block;width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem}
button{padding:.6rem 1.2rem;background:#1662dd;color:#fff;border:0;border-radius:4px}
.error{color:#b00020}</style></head>
<body><main>${body}</main></body></html>`;

export function signInPage(action, username, error = '') {
  return page('Sign In', `<h1>Sign In</h1>
<p>okta-sim: every user's password is <code>password</code>.</p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="${escape(action)}">
<label>Username <input name="username" autocomplete="username" value="${escape(username)}" required autofocus></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>`);
}

// oidc-provider's sign-out confirmation; `form` is its hidden form (id op.logoutForm).
export const logoutPage = (form) => page('Sign out', `<h1>Sign out of okta-sim?</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<button type="submit" form="op.logoutForm">Stay signed in</button>`);

export const loggedOutPage = () => page('Signed out', '<h1>Signed out</h1><p>You are signed out of okta-sim.</p>');

export const errorPage = (out) => page('Error', `<h1>Something went wrong</h1>
${Object.entries(out).map(([k, v]) => `<p><strong>${escape(k)}</strong>: ${escape(v)}</p>`).join('\n')}`);
