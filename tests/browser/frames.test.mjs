// What frames cost where WebGL runs in software (SwiftShader, as in this headless Chromium):
// each wheel event over a long table is drawn once, not once per settle frame; frames that
// would draw what is on screen are skipped; a frame fills the screen about once, and redraws only
// the rectangle that changed, to the same pixels as a whole redraw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newAppPage } from './lib/browser.mjs';
import { serverAndBrowser } from './lib/fixture.mjs';

const env = serverAndBrowser({ args: ['--seed-users', '2000'] });

const drawn = (page) => page.evaluate(() => window.openzroFrameStats().framesDrawn);

test('scrolling draws one frame per wheel event, then none while idle', async () => {
  const page = await newAppPage(env.browser, { server: env.server, hash: '#/team/users' });
  await page.waitForFunction(() => window.openzroItems().filter((i) => i.label.startsWith('Open ')).length > 5);
  await page.mouse.move(700, 500);
  await page.waitForTimeout(500);
  const before = await drawn(page);
  const firstRow = async () => (await page.evaluate(() => window.openzroItems()))
    .find((i) => i.label.startsWith('Open ')).label;
  const top = await firstRow();
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(150);
  }
  const during = (await drawn(page)) - before;
  assert.notEqual(await firstRow(), top, 'the table scrolled');
  assert.ok(during >= 10 && during <= 12, `10 wheel events drew ${during} frames (one each)`);

  await page.waitForTimeout(400);
  const settled = await drawn(page);
  await page.waitForTimeout(1500);
  assert.equal((await drawn(page)) - settled, 0, 'no frame drawn while idle');
  const stats = await page.evaluate(() => window.openzroFrameStats());
  assert.ok(stats.overdraw < 1.1, `a frame fills ${stats.overdraw.toFixed(2)} screens`);
  await page.context().close();
});

test('no frames at all while idle after load, past the first poll for Okta pushes', async () => {
  const page = await newAppPage(env.browser, { server: env.server, hash: '#/team/users' });
  await page.waitForFunction(() => window.openzroItems().some((i) => i.label.startsWith('Open ')));
  await page.waitForTimeout(1000);
  const settled = await page.evaluate(() => window.openzroFrameCount());
  // The page polls for pushes every 5 s while an integration may push; with none, the poll
  // stops, and its last wake-up must not run frames.
  await page.waitForTimeout(5500);
  assert.equal((await page.evaluate(() => window.openzroFrameCount())) - settled, 0);
  await page.context().close();
});

test('scrolling redraws only the table, and the picture is what a whole redraw paints', async () => {
  const page = await newAppPage(env.browser, { server: env.server, hash: '#/team/users' });
  await page.waitForFunction(() => window.openzroItems().filter((i) => i.label.startsWith('Open ')).length > 5);
  await page.mouse.move(700, 500);  // a hovered row, redrawn as it scrolls under the pointer
  for (let i = 0; i < 5; i++) {
    await page.mouse.wheel(0, 170);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(400);
  const { redrawn } = await page.evaluate(() => window.openzroFrameStats());
  // Composited as is: a filtered copy of the whole canvas cost ~5 ms a frame in software.
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('canvas')).imageRendering), 'pixelated');
  assert.ok(redrawn > 0.3 && redrawn < 0.6, `the last frame redrew ${redrawn} of the screen`);
  const partial = await page.locator('#canvas').screenshot();
  // A new size redraws everything; back at the old one the layout is the same.
  await page.setViewportSize({ width: 1280, height: 801 });
  await page.waitForTimeout(300);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(400);
  assert.equal((await page.evaluate(() => window.openzroFrameStats())).redrawn, 1);
  const whole = await page.locator('#canvas').screenshot();
  assert.ok(partial.equals(whole), 'the partly redrawn picture differs from a whole redraw');
  await page.context().close();
});
