// shell.html on browsers that cannot run the app, and paste from the system clipboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickItem, findItem, newAppPage } from './lib/browser.mjs';
import { serverAndBrowser } from './lib/fixture.mjs';

const env = serverAndBrowser();

async function pageWithout(initScript) {
  const context = await env.browser.newContext();
  await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto(env.server.baseUrl + '/');
  return page;
}

test('without WebGL 2 the page says so', async () => {
  const page = await pageWithout(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  });
  await page.getByText('WebGL 2 is not available').waitFor();
  assert.equal(await page.locator('#status').isVisible(), true);
  await page.context().close();
});

test('without WebAssembly the page says so', async () => {
  const page = await pageWithout(() => { delete window.WebAssembly; });
  await page.getByText('WebAssembly is not available').waitFor();
  await page.context().close();
});

test('a missing wasm file is reported, not a blank page', async () => {
  const context = await env.browser.newContext();
  await context.route('**/openzro.wasm', (route) => route.fulfill({ status: 404, body: 'nope' }));
  const page = await context.newPage();
  await page.goto(env.server.baseUrl + '/');
  await page.getByText('openZro Admin could not load').waitFor();
  await page.getByText('HTTP 404').waitFor();
  await context.close();
});

test('the loading indicator goes away once the app runs', async () => {
  const page = await newAppPage(env.browser, { server: env.server });
  await page.waitForFunction(() => document.getElementById('status').hidden);
  await page.context().close();
});

test('paste from the system clipboard into a text field', async () => {
  const page = await newAppPage(env.browser, { server: env.server, hash: '#/team/users' });
  await page.evaluate(() => navigator.clipboard.writeText('pasted@example.com'));
  await clickItem(page, 'Search users');
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() =>
    window.openzroItems().find((i) => i.label === 'Search users')?.value === 'pasted@example.com');
  await page.context().close();
});

// A click waits for a frame before ImGui sees it; a paste in the same moment must wait behind
// it, or the text arrives before the field is active and is lost. Both in one task: no frame
// can run between them.
test('a paste right after the click that focuses a field lands in that field', async () => {
  const page = await newAppPage(env.browser, { server: env.server, hash: '#/team/users' });
  const field = await findItem(page, 'Search users');
  await page.evaluate(({ x, y }) => {
    const canvas = document.getElementById('canvas');
    const r = canvas.getBoundingClientRect();
    const at = { clientX: r.left + x, clientY: r.top + y, button: 0, bubbles: true };
    canvas.dispatchEvent(new MouseEvent('mousemove', at));
    canvas.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 1 }));
    canvas.dispatchEvent(new MouseEvent('mouseup', at));
    const data = new DataTransfer();
    data.setData('text/plain', 'same-frame@example.com');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data }));
  }, { x: field.x + field.w / 2, y: field.y + field.h / 2 });
  await page.waitForFunction(() =>
    window.openzroItems().find((i) => i.label === 'Search users')?.value ===
      'same-frame@example.com', null, { timeout: 5000 });
  await page.context().close();
});
