// Team > Users in headless Chromium against the real server, with users and groups pushed by
// scripts/okta-sim over SCIM: the table shows exactly the pushed users, each group's members
// under the group's name, and blocking one survives a reload.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { clickItem, findItem, items, outputDir, waitForNoItem } from './lib/browser.mjs';
import { serverAndBrowser } from './lib/fixture.mjs';

const root = path.resolve(import.meta.dirname, '../..');
let server, browser, page, pushed;

async function call(method, url, authorization, body) {
  const response = await fetch(server.baseUrl + url, {
    method,
    headers: { Authorization: authorization, Accept: 'application/json',
      ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `${method} ${url}: HTTP ${response.status} ${await response.clone().text()}`);
  return response.json();
}

// What Okta pushed, read back over SCIM: emails by group name, and every user's email.
async function pushedByOkta(token) {
  const scim = (p) => call('GET', `/api/scim/v2${p}`, `Bearer ${token}`);
  const users = (await scim('/Users?count=500')).Resources;
  const emailOf = new Map(users.map((u) => [u.id, u.userName]));
  const groups = (await scim('/Groups?count=500')).Resources;
  return {
    emails: users.map((u) => u.userName).sort(),
    groups: groups.map((g) => ({ name: g.displayName,
      emails: (g.members ?? []).map((m) => emailOf.get(m.value)).sort() })),
  };
}

// The emails of the table's rows ("Open <email>"), as the registry reports them.
async function rowEmails() {
  return (await items(page)).filter((i) => i.label.startsWith('Open '))
    .map((i) => i.label.slice(5)).sort();
}

async function waitForRows(expected) {
  await page.waitForFunction((want) => {
    const got = window.openzroItems().filter((i) => i.label.startsWith('Open '))
      .map((i) => i.label.slice(5)).sort();
    return JSON.stringify(got) === JSON.stringify(want);
  }, expected, { timeout: 10000 }).catch(() => {});
  assert.deepEqual(await rowEmails(), expected);
}

// Rows are ImGui items that allow overlap (the kebab sits on the row): like a person's pointer,
// this one rests on the item for a frame before it presses.
async function hoverClick(label) {
  const item = await findItem(page, label);
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.move(box.x + item.x + item.w / 2, box.y + item.y + item.h / 2);
  await page.waitForTimeout(100);
  await page.mouse.down();
  await page.mouse.up();
}

async function openRowMenu(email, item) {
  await hoverClick(`Actions for ${email}`);
  await findItem(page, item);
}

const env = serverAndBrowser();
before(async () => {
  await env.ready;
  ({ server, browser } = env);
  const owner = `Token ${server.ownerToken()}`;
  const integration = await call('POST', '/api/integrations/okta-scim-idp', owner,
    { connection_name: 'Okta', group_prefixes: [], user_group_prefixes: [] });
  await promisify(execFile)(path.join(root, 'scripts/okta-sim'), ['--base-url',
    `${server.baseUrl}/api/scim/v2`, '--token', integration.auth_token, '--users', '6',
    '--groups', '2', '--prefix', 'uitest', '--quiet']);
  pushed = await pushedByOkta(integration.auth_token);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(server.signInUrl);  // the one-time link sets the session cookie
  await page.goto(`${server.baseUrl}/#/team/users?source=okta`);
  await page.waitForFunction(() => window.openzroFrameCount && window.openzroFrameCount() > 0);
});

test('the table shows exactly the users Okta pushed', async () => {
  assert.equal(pushed.emails.length, 6);
  await waitForRows(pushed.emails);
  await findItem(page, 'Remove filter Source: Okta');
  await page.screenshot({ path: path.join(outputDir, 'users-okta.png') });
  assert.deepEqual(page.errors, []);
});

test('each pushed group lists its members under the group name', async () => {
  assert.ok(pushed.groups.length >= 1);
  for (const group of pushed.groups) {
    await clickItem(page, 'Filter by Group');
    await clickItem(page, `Group ${group.name}`);
    await findItem(page, `Remove filter Group: ${group.name}`);
    await waitForRows(group.emails);
  }
  await clickItem(page, `Remove filter Group: ${pushed.groups.at(-1).name}`);
  await waitForRows(pushed.emails);
});

test('the detail panel shows a pushed user under the same rules', async () => {
  const email = pushed.emails[1];
  await hoverClick(`Open ${email}`);
  await findItem(page, 'Close details');
  assert.equal((await findItem(page, 'Remove')).state.disabled, true);  // Okta removes them
  assert.equal((await findItem(page, 'Block')).state.disabled, undefined);
  await page.screenshot({ path: path.join(outputDir, 'users-detail.png') });
  await clickItem(page, 'Close details');
  await waitForNoItem(page, 'Close details');
});

test('a search typed with pauses is one history entry, and Back leaves it', async () => {
  const email = pushed.emails[2];
  const start = await page.evaluate(() => ({ hash: location.hash, length: history.length }));
  await clickItem(page, 'Search users');
  await page.keyboard.type(email.slice(0, 3));
  await page.waitForFunction(() => location.hash.includes('q='));  // after the pause
  await page.keyboard.type(email.slice(3));
  await page.waitForFunction((want) => decodeURIComponent(location.hash).includes(`q=${want}`),
    email);
  await waitForRows([email]);
  assert.equal(await page.evaluate(() => history.length), start.length + 1);
  await page.goBack();
  await page.waitForFunction((hash) => location.hash === hash, start.hash);
  await waitForRows(pushed.emails);
  assert.equal((await findItem(page, 'Search users')).value ?? '', '');
});

test('blocking a user survives a reload', async () => {
  const email = pushed.emails[0];
  await openRowMenu(email, `Block ${email}`);
  await clickItem(page, `Block ${email}`);
  await clickItem(page, 'Block user');  // the confirmation: it disconnects their peers
  await page.waitForTimeout(500);
  await page.reload();
  await page.waitForFunction(() => window.openzroFrameCount && window.openzroFrameCount() > 0);
  await page.evaluate(() => { location.hash = '#/team/users?status=blocked'; });
  await waitForRows([email]);
  await openRowMenu(email, `Unblock ${email}`);
  const users = await call('GET', '/api/users?service_user=false', `Token ${server.ownerToken()}`);
  assert.equal(users.find((u) => u.email === email).is_blocked, true);
  await page.screenshot({ path: path.join(outputDir, 'users-blocked.png') });
});
