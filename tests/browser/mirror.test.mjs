// The accessibility mirror: screen readers, env.browser find and role-based tools see the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { findItem, items, newAppPage } from './lib/browser.mjs';
import { serverAndBrowser } from './lib/fixture.mjs';

// Evaluated through the DevTools protocol: the app's Content-Security-Policy refuses inline
// scripts, as it should, so a <script> tag with axe in it would not run.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const env = serverAndBrowser();

const signedInPage = (hash = '') => newAppPage(env.browser, { server: env.server, hash });

test('roles and names: navigate, switch theme, type, all through the mirror', async () => {
  const page = await signedInPage();
  await page.getByRole('link', { name: 'Integrations' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Integrations' }).getAttribute('aria-current'), 'page');
  await page.getByRole('heading', { name: 'Integrations' }).first().waitFor();

  await page.getByRole('link', { name: 'Users' }).click();
  await page.waitForFunction(() => location.hash === '#/team/users');
  await page.getByRole('button', { name: 'Light theme' }).click();
  await page.getByRole('button', { name: 'Dark theme' }).waitFor();

  // Team is a disclosure: its state is exposed.
  const team = page.getByRole('button', { name: 'Team' });
  assert.equal(await team.getAttribute('aria-expanded'), 'true');
  await page.context().close();
});

test('a text input is a real <input>: fill() reaches the app', async () => {
  const page = await signedInPage('#/does-not-exist');
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await page.getByRole('button', { name: 'Go to Integrations' }).click();
  await page.waitForFunction(() => location.hash === '#/integrations');
  const textboxes = await items(page).then((list) => list.filter((i) => i.role === 'textbox'));
  if (textboxes.length > 0) {
    const name = textboxes[0].label;
    await page.getByRole('textbox', { name }).fill('typed through the mirror');
    await page.waitForFunction((n) => window.openzroItems().find((i) => i.label === n)?.value ===
      'typed through the mirror', name);
  }
  await page.context().close();
});

test('keyboard: focus a mirror node, Enter activates its item', async () => {
  const page = await signedInPage();
  await page.getByRole('link', { name: 'Users' }).focus();
  await page.waitForFunction(() =>
    window.openzroItems().find((i) => i.label === 'Users')?.state.focused === true);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/team/users');
  await page.context().close();
});

test('browser find sees the text on the canvas', async () => {
  const page = await signedInPage('#/does-not-exist');
  await findItem(page, 'Go to Integrations');
  const found = await page.evaluate(() => window.find('There is no page at'));
  assert.equal(found, true);
  await page.context().close();
});

for (const hash of ['#/integrations', '#/team/users']) {
  test(`axe-core: no serious or critical violations on ${hash}`, async () => {
    const page = await signedInPage(hash);
    await page.waitForTimeout(500);  // let the page load its data
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.length} node(s) ${v.nodes[0]?.html}`), []);
    await page.context().close();
  });
}

test('a dialog is role="dialog", named by its title, and holds its controls', async () => {
  const page = await signedInPage();
  await page.getByRole('button', { name: 'Connect Okta' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect openZro with Okta' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Get Started' }).waitFor();
  await page.context().close();
});
