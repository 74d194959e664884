// A page shaped like the existing dashboard (its own sidebar and header) that embeds
// <openzro-admin>. The access token lives in this module's memory only.
import '../openzro-admin.js';

let token = null;
const main = document.getElementById('main');
const links = [...document.querySelectorAll('.side a[data-route]')];

const routeFromUrl = () => '#/' + (location.hash.slice(1) || 'integrations');
const markActive = (route) => {
  for (const a of links) a.classList.toggle('active', route.startsWith(a.dataset.route));
};

function showApp() {
  const admin = document.createElement('openzro-admin');
  admin.setAttribute('route', routeFromUrl());
  admin.tokenProvider = async () => (token ? `Token ${token}` : null);
  // The host mirrors the app's route in its own URL; the element itself never touches it.
  admin.addEventListener('openzro-navigate', (e) => {
    const url = '#' + e.detail.route.slice(2);
    if (e.detail.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    markActive(e.detail.route);
  });
  admin.addEventListener('openzro-unauthorized', () => {
    token = null;
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
