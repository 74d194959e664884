// A page shaped like the existing dashboard (its own sidebar and header) that embeds
// <openzro-admin>. It signs its users in itself, with the authorization code flow (PKCE) of
// oidc-client-ts (vendor/, a classic script: window.oidc), and hands the access token to the
// element through tokenProvider; the openZro server checks it (--jwt-issuer, --jwt-audience).
// Its provider: ?authority=<issuer>&client_id=<public client>, kept for the tab's session.
// Tokens live in this page's memory only.
import '../openzro-admin.js';

const SETTINGS = 'dashboard-host.oidc';
let token = null;  // a personal access token, only when no provider is configured
let users = null;  // the oidc.UserManager
let user = null;
let renewal = null;
const main = document.getElementById('main');
const links = [...document.querySelectorAll('.side a[data-route]')];

const routeFromUrl = () => '#/' + (location.hash.slice(1) || 'integrations');
const markActive = (route) => {
  for (const a of links) a.classList.toggle('active', route.startsWith(a.dataset.route));
};

function showApp() {
  const admin = document.createElement('openzro-admin');
  admin.setAttribute('route', routeFromUrl());
  admin.tokenProvider = users ? oidcToken : async () => (token ? `Token ${token}` : null);
  // The host mirrors the app's route in its own URL; the element itself never touches it.
  admin.addEventListener('openzro-navigate', (e) => {
    const url = '#' + e.detail.route.slice(2);
    if (e.detail.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    markActive(e.detail.route);
  });
  admin.addEventListener('openzro-unauthorized', async () => {
    token = null;
    await users?.removeUser();
    location.reload();
  });
  addEventListener('popstate', () => admin.setAttribute('route', routeFromUrl()));
  for (const a of links) {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      history.pushState(null, '', a.getAttribute('href'));
      admin.setAttribute('route', a.dataset.route);
      markActive(a.dataset.route);
    });
  }
  main.replaceChildren(admin);
  markActive(routeFromUrl());
}

// [SECTION] OIDC sign-in

// The access token for a request; after a 401 (refresh) or once expired, a new one from the
// refresh token. oidc-client-ts also renews it shortly before it expires.
async function oidcToken({ refresh } = {}) {
  if (refresh || !user || user.expired) {
    renewal ??= users.signinSilent().catch(() => null).finally(() => { renewal = null; });
    user = await renewal;
  }
  return user ? user.access_token : null;
}

function oidcSettings() {
  const query = new URLSearchParams(location.search);
  if (query.has('authority') && query.has('client_id')) {
    const settings = { authority: query.get('authority'), client_id: query.get('client_id') };
    sessionStorage.setItem(SETTINGS, JSON.stringify(settings));
    history.replaceState(null, '', location.pathname + location.hash);
    return settings;
  }
  return JSON.parse(sessionStorage.getItem(SETTINGS) || 'null');
}

function signedIn() {
  document.getElementById('who').textContent = user.profile.name || user.profile.email || '';
  document.getElementById('sign-out').hidden = false;
  showApp();
}

async function startOidc(settings) {
  const here = location.origin + location.pathname;
  users = new window.oidc.UserManager({
    ...settings, redirect_uri: here, post_logout_redirect_uri: here, response_type: 'code',
    scope: 'openid email profile offline_access',
    userStore: new window.oidc.WebStorageStateStore({ store: new window.oidc.InMemoryWebStorage() }),
    // Renewed with the refresh token 10 s before it expires (time for a request in flight).
    automaticSilentRenew: true, accessTokenExpiringNotificationTimeInSeconds: 10,
  });
  users.events.addUserLoaded((loaded) => { user = loaded; });
  document.getElementById('sign-out').addEventListener('click', () => users.signoutRedirect());
  const query = new URLSearchParams(location.search);
  if (query.has('state') && (query.has('code') || query.has('error'))) {
    try {
      user = await users.signinRedirectCallback();
      history.replaceState(null, '', location.pathname + (user.state?.route ?? ''));
      return signedIn();
    } catch (e) {
      history.replaceState(null, '', location.pathname);
      document.getElementById('oidc-error').textContent = `Sign-in failed: ${e.message}`;
    }
  }
  document.getElementById('authority').textContent = settings.authority;
  document.getElementById('oidc-sign-in').hidden = false;
  document.getElementById('oidc-start').addEventListener('click',
    () => users.signinRedirect({ state: { route: location.hash } }));
}

// [SECTION] Personal access token (no provider configured: development only)

document.getElementById('sign-in').addEventListener('submit', async (e) => {
  e.preventDefault();
  const candidate = document.getElementById('token').value.trim();
  const error = document.getElementById('sign-in-error');
  const answer = await fetch('/api/users/current', { headers: { Authorization: `Token ${candidate}` } })
    .catch(() => null);
  if (!answer || !answer.ok) {
    error.textContent = answer ? `The server refused this token (HTTP ${answer.status}).` : 'The server cannot be reached.';
    return;
  }
  token = candidate;
  const me = await answer.json();
  document.getElementById('who').textContent = me.name || me.email || '';
  showApp();
});

const settings = oidcSettings();
if (settings) startOidc(settings);
else document.getElementById('sign-in').hidden = false;
