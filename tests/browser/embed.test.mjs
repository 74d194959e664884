// <openzro-admin> inside other pages: the example dashboard host (with its strict CSP), two
// elements on one page, and the host's own inputs beside them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { outputDir } from './lib/browser.mjs';
import { serverAndBrowser } from './lib/fixture.mjs';

const env = serverAndBrowser();

// Items of one element, in page coordinates.
const elementItems = (page, selector) => page.evaluate((sel) => {
  const el = document.querySelector(sel);
  if (!el.items || !el.frameCount || el.frameCount() === 0) return null;
  const box = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
  return el.items().map((i) => ({ ...i, x: i.x + box.left, y: i.y + box.top }));
}, selector);

async function elementItem(page, selector, label) {
  const handle = await page.waitForFunction(([sel, l]) => {
    const el = document.querySelector(sel);
    if (!el || !el.items || el.frameCount() === 0) return null;
    const item = el.items().find((i) => i.label === l);
    if (!item) return null;
    const box = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { ...item, x: item.x + box.left, y: item.y + box.top };
  }, [selector, label]);
  return handle.jsonValue();
}

async function clickElementItem(page, selector, label) {
  const item = await elementItem(page, selector, label);
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
}

// Types into the element's search, then into the host's own input (a word, less its last letter
// by Backspace): each keeps its own keys.
async function typeInElementThenHost(page, selector, search, hostInput, hostWord) {
  await clickElementItem(page, selector, 'Search users');
  await page.keyboard.type(search);
  await page.click(hostInput);
  await page.keyboard.type(hostWord);
  await page.keyboard.press('Backspace');
  assert.equal(await page.inputValue(hostInput), hostWord.slice(0, -1));
  const field = (await elementItems(page, selector)).find((i) => i.label === 'Search users');
  assert.equal(field.value, search);
}

async function newPage() {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/.test(m.text())) page.errors.push(m.text()); });
  return page;
}

test('the example dashboard embeds the app under a strict CSP', async () => {
  const page = await newPage();
  await page.goto(env.server.baseUrl + '/examples/dashboard-host.html');
  await page.fill('#token', env.server.ownerToken());
  await page.click('button[type=submit]');
  await elementItem(page, 'openzro-admin', 'Connect Okta');
  await page.screenshot({ path: path.join(outputDir, 'embed-dashboard-host.png') });

  // The host's sidebar drives the element's route...
  await page.click('.side a[data-route="#/team/users"]');
  await elementItem(page, 'openzro-admin', 'Search users');
  assert.equal(new URL(page.url()).hash, '#team/users');

  // ...and navigation inside the element is reported to the host, which mirrors it.
  const navigated = page.evaluate(() => new Promise((resolve) =>
    document.querySelector('openzro-admin').addEventListener('openzro-navigate',
      (e) => resolve(e.detail.route), { once: true })));
  await clickElementItem(page, 'openzro-admin', 'Integrations');
  assert.equal(await navigated, '#/integrations');
  assert.equal(new URL(page.url()).hash, '#integrations');

  // Typing in the app, then in the host's own field: each keeps its keys.
  await page.click('.side a[data-route="#/team/users"]');
  await typeInElementThenHost(page, 'openzro-admin', 'ops', '#host-note', 'notes');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('two elements on one page run independently beside a host input', async () => {
  const page = await newPage();
  // The host's script: a separate file, as the page's CSP allows no inline script.
  await page.route(env.server.baseUrl + '/examples/two.js', (route) => route.fulfill({
    contentType: 'text/javascript',
    body: `import '/openzro-admin.js';
      for (const el of document.querySelectorAll('openzro-admin'))
        el.tokenProvider = async () => 'Token ${env.server.ownerToken()}';`,
  }));
  await page.route(env.server.baseUrl + '/examples/two.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="script-src 'self' 'wasm-unsafe-eval'">
      <style>body{margin:0;display:grid;grid-template-columns:1fr 1fr;gap:8px;height:100vh}
      openzro-admin{height:560px} input{grid-column:1/3}</style>
      <script type="module" src="/examples/two.js"></script>
      <openzro-admin id="a" route="#/integrations"></openzro-admin>
      <openzro-admin id="b" route="#/team/users" theme="light"></openzro-admin>
      <input id="host" placeholder="host">`,
  }));
  await page.goto(env.server.baseUrl + '/examples/two.html');
  await elementItem(page, '#a', 'Connect Okta');
  await elementItem(page, '#b', 'Search users');
  await page.screenshot({ path: path.join(outputDir, 'embed-two-elements.png') });

  // A click in one element changes only that one.
  await clickElementItem(page, '#a', 'Users');
  await elementItem(page, '#a', 'Search users');
  assert.ok((await elementItems(page, '#b')).some((i) => i.label === 'Search users'));
  await clickElementItem(page, '#b', 'Integrations');
  await elementItem(page, '#b', 'Connect Okta');
  await elementItem(page, '#a', 'Search users');
  // The host page's URL never changed.
  assert.equal(new URL(page.url()).hash, '');

  await typeInElementThenHost(page, '#a', 'x', '#host', 'typed');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('tokenProvider: asked for every request, asked again after a 401, unauthorized reported', async () => {
  const page = await newPage();
  const token = env.server.ownerToken();
  // The host's script: the first answer is stale, a refresh gives the real token; a second
  // element's provider has no session at all.
  await page.route(env.server.baseUrl + '/examples/tokens.js', (route) => route.fulfill({
    contentType: 'text/javascript',
    body: `import '/openzro-admin.js';
      window.calls = { fresh: 0, refresh: 0, unauthorized: 0 };
      const good = document.getElementById('good');
      good.tokenProvider = async ({ refresh }) => {
        window.calls[refresh ? 'refresh' : 'fresh'] += 1;
        return refresh ? 'Token ${token}' : 'Token stale-token';
      };
      const bad = document.getElementById('bad');
      bad.tokenProvider = async () => null;
      bad.addEventListener('openzro-unauthorized', () => { window.calls.unauthorized += 1; });`,
  }));
  await page.route(env.server.baseUrl + '/examples/tokens.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="script-src 'self' 'wasm-unsafe-eval'">
      <style>body{margin:0;display:grid;grid-template-columns:1fr 1fr;height:100vh}</style>
      <script type="module" src="/examples/tokens.js"></script>
      <openzro-admin id="good" route="#/team/users"></openzro-admin>
      <openzro-admin id="bad" route="#/team/users"></openzro-admin>`,
  }));
  await page.goto(env.server.baseUrl + '/examples/tokens.html');
  // The refreshed token works: the owner's row shows up.
  await elementItem(page, '#good', 'Actions for owner@openzro.local');
  const calls = await page.evaluate(() => window.calls);
  assert.ok(calls.fresh >= 3, `provider asked for each request (${calls.fresh})`);
  assert.ok(calls.refresh >= 1, 'asked again after a 401');
  // Without a session the element reports it to the host and says so.
  await page.waitForFunction(() => window.calls.unauthorized >= 1);
  await page.locator('#bad').getByRole('heading', { name: 'You are signed out' }).waitFor();
  await page.context().close();
});
