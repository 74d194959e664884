// Headless Chromium (Debian's package) through playwright-core, and helpers that act on the
// app by label through window.openzroItems(), as a user would, never by pixel guesses.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const outputDir = path.resolve(import.meta.dirname, '../../../test-results');
mkdirSync(outputDir, { recursive: true });

// Playwright gives every launch a fresh, temporary profile (--user-data-dir).
// OPENZRO_HEADED=1 shows the window (needs a display: a desktop, or `xvfb-run -a`) and slows
// every action down (OPENZRO_SLOWMO milliseconds, default 250) to watch a test while debugging.
const headed = process.env.OPENZRO_HEADED === '1';
export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: !headed,
    slowMo: headed ? Number(process.env.OPENZRO_SLOWMO ?? 250) : 0,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--enable-unsafe-swiftshader'],
  });
}

// The session cookie of one sign-in per server: sign-in links are single use, so every new
// browser context gets a copy of the cookie instead.
const sessions = new WeakMap();
export function sessionCookies(browser, server) {
  if (!sessions.has(server)) {
    sessions.set(server, (async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.signInUrl);
      const cookies = await context.cookies();
      await context.close();
      return cookies;
    })());
  }
  return sessions.get(server);
}

// A page with the app loaded. With `server` (from startServer) the page is signed in; with a
// bare `baseUrl` it is not. `beforeLoad(page)` runs before the app's URL is opened.
export async function newAppPage(browser, { server, baseUrl = server?.baseUrl, hash = '',
  deviceScaleFactor = 1, beforeLoad = async () => {} }) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    screen: { width: 1600, height: 1000 },
    deviceScaleFactor,
  });
  if (server) await context.addCookies(await sessionCookies(browser, server));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await beforeLoad(page);
  await page.goto(baseUrl + '/' + hash);
  await page.waitForFunction(() => window.openzroFrameCount && window.openzroFrameCount() > 0);
  return page;
}

export const items = (page) => page.evaluate(() => window.openzroItems());

// Waits until an item with this label (or id) is on screen, and returns it.
export async function findItem(page, label, { timeout = 5000 } = {}) {
  const handle = await page.waitForFunction(
    // The hook is not there yet while a (re)loading page starts the app.
    (l) => window.openzroItems && window.openzroItems().find((i) => i.label === l || i.id === l),
    label, { timeout });
  return handle.jsonValue();
}

export async function clickItem(page, label) {
  const item = await findItem(page, label);
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.click(box.x + item.x + item.w / 2, box.y + item.y + item.h / 2);
  return item;
}

export async function waitForNoItem(page, label, { timeout = 5000 } = {}) {
  await page.waitForFunction(
    (l) => window.openzroItems && !window.openzroItems().some((i) => i.label === l), label,
    { timeout });
}
