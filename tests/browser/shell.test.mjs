// The app shell in headless Chromium, served by the real server: navigation, deep links and
// history, clipboard, typing, the host page's own keyboard, at device scale factors 1 and 2.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { clickItem, findItem, items, newAppPage, outputDir, waitForNoItem } from './lib/browser.mjs';
import { serverAndBrowser } from './lib/fixture.mjs';

const env = serverAndBrowser();

for (const deviceScaleFactor of [1, 2]) {
  describe(`at devicePixelRatio ${deviceScaleFactor}`, () => {
    const open = (hash = '') => newAppPage(env.browser, { server: env.server, hash, deviceScaleFactor });

    test('renders the shell, with crisp device-pixel backing store', async () => {
      const page = await open();
      await findItem(page, 'Integrations');
      const canvas = await page.evaluate(() => {
        const c = document.getElementById('canvas');
        return { width: c.width, height: c.height, css: c.getBoundingClientRect().width };
      });
      assert.equal(canvas.width, Math.round(canvas.css * deviceScaleFactor));
      await page.screenshot({ path: path.join(outputDir, `shell-integrations-dpr${deviceScaleFactor}.png`) });
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });

    test('clicking the sidebar navigates and the route follows', async () => {
      const page = await open();
      await clickItem(page, 'Users');
      await findItem(page, 'Search users');
      assert.equal(await page.evaluate(() => location.hash), '#/team/users');
      const users = (await items(page)).find((i) => i.label === 'Users');
      assert.equal(users.state.selected, true);
      await clickItem(page, 'Integrations');
      await findItem(page, 'Connect Okta');
      await waitForNoItem(page, 'Search users');
      assert.equal(await page.evaluate(() => location.hash), '#/integrations');
      await page.context().close();
    });

    test('deep link, back and forward', async () => {
      const page = await open('#/team/users');
      await findItem(page, 'Search users');
      await clickItem(page, 'Integrations');
      await findItem(page, 'Connect Okta');
      await page.goBack();
      await findItem(page, 'Search users');
      assert.equal(await page.evaluate(() => location.hash), '#/team/users');
      await page.goForward();
      await findItem(page, 'Connect Okta');
      await page.reload();
      await findItem(page, 'Connect Okta');
      await page.context().close();
    });

    test('copy button puts the value on the system clipboard', async () => {
      const page = await open();
      const field = await findItem(page, 'SCIM connector base URL');
      await clickItem(page, 'Copy SCIM connector base URL');
      await page.waitForFunction(async (want) => (await navigator.clipboard.readText()) === want,
        env.server.baseUrl + '/api/scim/v2');
      assert.equal(field.role, 'generic');
      await page.context().close();
    });

    test('typing and backspace in a text field', async () => {
      const page = await open('#/team/users');
      await clickItem(page, 'Search users');
      await page.keyboard.type('jane doe');
      await page.keyboard.press('Backspace');
      await page.waitForFunction(() =>
        window.openzroItems().find((i) => i.label === 'Search users')?.value === 'jane do');
      await page.context().close();
    });

    test('an <input> of the host page keeps its keyboard', async () => {
      const page = await open('#/team/users');
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.id = 'host-input';
        input.style.cssText = 'position:fixed;right:16px;top:16px;width:200px;z-index:10';
        document.body.appendChild(input);
      });
      // The app had focus first; the user then moves to the host's field.
      await clickItem(page, 'Search users');
      await page.keyboard.type('ab');
      await page.click('#host-input');
      await page.keyboard.type('hello');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('X');
      await page.keyboard.press('Space');
      assert.equal(await page.inputValue('#host-input'), 'helX l');
      // Tab leaves the host's field the browser's way.
      await page.keyboard.press('Tab');
      assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'host-input');
      // Nothing typed in the host field reached the app.
      const search = (await items(page)).find((i) => i.label === 'Search users');
      assert.equal(search.value, 'ab');
      await page.context().close();
    });
  });
}

test('idle: no frames are drawn while nothing happens', async () => {
  const page = await newAppPage(env.browser, { server: env.server });
  await findItem(page, 'Integrations');
  await page.waitForTimeout(300);  // let the first frames settle
  const before = await page.evaluate(() => window.openzroFrameCount());
  await page.waitForTimeout(1000);
  const afterIdle = await page.evaluate(() => window.openzroFrameCount());
  assert.equal(afterIdle - before, 0);
  await page.mouse.move(400, 300);
  await page.waitForFunction((n) => window.openzroFrameCount() > n, afterIdle);
  await page.context().close();
});

// The page asks for the route's data while the app's code downloads (shell.html), and the app
// takes those answers over rather than asking again.
test('a deep link to Users asks for the list once, before the app code arrives', async () => {
  const asked = [];
  const page = await newAppPage(env.browser, { server: env.server, hash: '#/team/users',
    beforeLoad: async (p) => p.on('request', (r) => {
      const url = new URL(r.url());
      asked.push(url.pathname + url.search);
    }) });
  await findItem(page, 'Search users');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-openzro-mirror] button')]
    .some((e) => e.textContent.startsWith('Open ')));
  const count = (url) => asked.filter((u) => u === url).length;
  assert.equal(count('/api/users?service_user=false'), 1);
  assert.equal(count('/api/groups'), 1);
  assert.equal(count('/api/integrations/okta-scim-idp'), 1);
  assert.ok(asked.indexOf('/api/users?service_user=false') < asked.indexOf('/openzro.js'), asked.join(' '));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the mouse cursor follows what is under it', async () => {
  const page = await newAppPage(env.browser, { server: env.server });
  const cursor = (want) => page.waitForFunction(
    (w) => document.getElementById('canvas').style.cursor === w, want);
  const hover = async (label) => {
    const item = await findItem(page, label);
    await page.mouse.move(item.x + item.w / 2, item.y + item.h / 2);
  };
  await hover('Connect Okta');
  await cursor('pointer');
  await hover('SCIM connector base URL');
  await cursor('text');
  await page.context().close();
});

test('external links open in a new tab', async () => {
  const page = await newAppPage(env.browser, { server: env.server });
  await page.context().route('https://developer.okta.com/**', (route) => route.fulfill({ body: 'ok' }));
  const popup = page.waitForEvent('popup');
  await clickItem(page, 'Okta SCIM documentation');
  assert.match((await popup).url(), /^https:\/\/developer\.okta\.com\/docs\/concepts\/scim\//);
  await page.context().close();
});
