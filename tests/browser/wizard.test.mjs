// The Okta journey in headless Chromium against the real server: Connect Okta, the SSO form,
// the SCIM token copied through the clipboard and used by scripts/okta-sim playing Okta, the
// live verification and counts, Finish Setup, then the configuration dialog. Saves a
// screenshot of every step in test-results/ (wizard-NN-*.png).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { clickItem, findItem, items, outputDir } from './lib/browser.mjs';
import { serverAndBrowser } from './lib/fixture.mjs';

const root = path.resolve(import.meta.dirname, '../..');
let server, browser, page, shots = 0;

async function shot(name) {
  // Let the dialog settle (it re-centres as it fits a new step) before the picture.
  await page.waitForTimeout(250);
  shots += 1;
  await page.screenshot({ path: path.join(outputDir, `wizard-${String(shots).padStart(2, '0')}-${name}.png`) });
}

// Status lines and text reach the page through the accessibility mirror.
async function waitForText(text, timeout = 15000) {
  await page.waitForFunction((t) => document.body.textContent.includes(t), text, { timeout });
}

// A field below the step's visible part: the wheel over the dialog brings it up, as a person
// would scroll, until it sits above the dialog's footer (its Back button).
async function scrollIntoView(label) {
  for (let i = 0; i < 10; ++i) {
    const all = await items(page);
    const item = all.find((i) => i.label === label), back = all.find((i) => i.label === 'Back');
    if (!item || !back || item.y + item.h <= back.y - 16) return;
    const box = await page.locator('#canvas').boundingBox();
    await page.mouse.move(box.x + item.x + item.w / 2, box.y + back.y - 80);
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(100);
  }
}

// Types into a text field and waits until the app holds the text (secrets are not reported).
// A field clicked while the dialog still moves may miss keystrokes: select all and retype.
async function fill(label, text, { secret = false } = {}) {
  for (let attempt = 0; attempt < 3; ++attempt) {
    await page.waitForTimeout(150);
    await scrollIntoView(label);
    await clickItem(page, label);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text, { delay: 20 });
    if (secret) return;
    const held = await page.waitForFunction(([l, t]) => window.openzroItems()
      .some((i) => i.label === l && i.value === t), [label, text], { timeout: 3000 })
      .catch(() => null);
    if (held) return;
  }
  await page.screenshot({ path: path.join(outputDir, `wizard-failed-${label}.png`) });
  throw new Error(`${label} does not hold "${text}"`);
}

// Clicks once the item is there and enabled, then waits for the location hash to contain
// `hash`; a click that lands while the dialog is still settling is repeated.
async function press(label, hash) {
  for (let attempt = 0; attempt < 3; ++attempt) {
    await page.waitForFunction((l) => window.openzroItems()
      .some((i) => i.label === l && !i.state.disabled), label, { timeout: 15000 })
      .catch(async (e) => {
        await page.screenshot({ path: path.join(outputDir, `wizard-failed-${label}.png`) });
        throw e;
      });
    await page.waitForTimeout(100);
    await clickItem(page, label);
    if (hash === undefined) return;
    const moved = await page.waitForFunction((h) => location.hash.includes(h), hash,
      { timeout: 2000 }).catch(() => null);
    if (moved) return;
  }
  throw new Error(`pressing ${label} did not take effect`);
}

const atStep = (n) => `step=${n}`;

const env = serverAndBrowser();
before(async () => {
  await env.ready;
  ({ server, browser } = env);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
  page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(server.signInUrl);  // the one-time link sets the session cookie
  await page.goto(`${server.baseUrl}/#/integrations`);
  await page.waitForFunction(() => window.openzroFrameCount && window.openzroFrameCount() > 0);
});

test('the Okta wizard from Connect Okta to Finish Setup', async () => {
  await waitForText('Not connected');
  await shot('card-not-connected');
  await press('Connect Okta', atStep(1));
  await waitForText('Estimated setup time');
  await shot('step1-permissions');
  await press('Get Started', atStep(2));
  await shot('step2-install');
  await press('Continue', atStep(3));
  await findItem(page, 'Client ID');
  await shot('step3-sso-empty');
  await fill('Client ID', '0oa1b2c3d4e5f6g7h8i9');
  await fill('Client secret', 'a-very-secret-value', { secret: true });
  await fill('Okta account domain', 'acme.okta.com');
  await fill('Primary email domain', 'acme.com');
  await shot('step3-sso-filled');
  await press('Save and continue', atStep(4));
  await findItem(page, 'Connection name');
  await shot('step4-create');
  await press('Create integration', 'integration=');
  assert.ok(!(await page.evaluate(() => location.hash)).includes('nbs_'), 'no secret in the URL');

  await press('Copy Authorization (Bearer) token');
  let token = '';
  for (let i = 0; i < 50 && !token.startsWith('nbs_'); ++i) {
    await page.waitForTimeout(100);  // the browser writes the clipboard asynchronously
    token = await page.evaluate(() => navigator.clipboard.readText());
  }
  assert.match(token, /^nbs_/);
  await waitForText('Waiting for Okta...');
  await shot('step4-waiting-for-okta');
  await promisify(execFile)(path.join(root, 'scripts/okta-sim'), ['--base-url',
    `${server.baseUrl}/api/scim/v2`, '--token', token, '--users', '5', '--groups', '3',
    '--prefix', 'wizard', '--quiet']);
  await waitForText('Okta reached openZro at');
  await shot('step4-verified');

  await press('Continue', atStep(5));
  await shot('step5-provisioning');
  await press('Continue', atStep(6));
  await shot('step6-assign-groups');
  await press('Continue', atStep(7));
  await waitForText('5 users received');
  await waitForText('3 groups received');
  await shot('step7-push-groups');
  await press('Finish Setup', '#/team/users?source=okta');
  await page.waitForTimeout(500);
  await shot('team-users-from-okta');
  assert.deepEqual(page.errors, []);
});

test('the connected card and the configuration dialog', async () => {
  await page.evaluate(() => { location.hash = '#/integrations'; });
  await findItem(page, 'Configure Okta');
  await waitForText('Synced');
  await shot('card-connected');
  await press('Configure Okta');
  await findItem(page, 'Settings');
  await shot('config-settings');
  for (const tab of ['Group sync', 'User sync', 'Sync log', 'Danger zone']) {
    await press(tab);
    await page.waitForTimeout(300);
    await shot(`config-${tab.toLowerCase().replace(' ', '-')}`);
  }
  await press('Group sync');
  await press('Add group prefix');
  await fill('Group prefix 1', 'wizard');
  await press('Save changes');
  await waitForText('Okta sync settings saved');
  await shot('config-group-saved');
  assert.deepEqual(page.errors, []);
});
