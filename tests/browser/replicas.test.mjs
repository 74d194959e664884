// Two openzro-server replicas on one PostgreSQL database, as behind a load balancer: okta-sim
// pushes users over SCIM through replica A while the Users page, loaded from replica B, shows
// them as they arrive (its live refresh), without a reload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { findItem, launchBrowser, newAppPage, outputDir } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { createTestDatabase, postgresRequired, testPostgres } from '../server/node/server-process.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const skip = !testPostgres() && !postgresRequired() &&
  'OPENZRO_TEST_POSTGRES is not set (scripts/postgres start DIR prints one; scripts/test sets it)';
let database, a, b, browser;

before(async () => {
  if (skip) return;
  assert.ok(testPostgres(), 'OPENZRO_TEST_POSTGRES is required here');
  database = createTestDatabase('openzro_browser');
  a = await startServer({ args: ['--database', database.url] });
  b = await startServer({ args: ['--database', database.url], replicaOf: a });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await b?.stop({ keepData: true });
  await a?.stop();
  database?.drop();
});

async function ownerCall(server, method, url, body) {
  const response = await fetch(server.baseUrl + url, {
    method,
    headers: { Authorization: `Token ${server.ownerToken()}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `${method} ${url}: HTTP ${response.status}`);
  return response.json();
}

test('users pushed through replica A appear on the Users page of replica B', { skip, timeout: 60000 }, async () => {
  const integration = await ownerCall(a, 'POST', '/api/integrations/okta-scim-idp',
    { connection_name: 'Okta', group_prefixes: [], user_group_prefixes: [] });
  const page = await newAppPage(browser, { server: b, hash: '#/team/users?source=okta' });
  await findItem(page, 'Remove filter Source: Okta');
  const rows = () => page.evaluate(() => window.openzroItems()
    .filter((i) => i.label.startsWith('Open ')).map((i) => i.label.slice(5)).sort());
  assert.deepEqual(await rows(), []);

  await promisify(execFile)(path.join(root, 'scripts/okta-sim'), ['--base-url',
    `${a.baseUrl}/api/scim/v2`, '--token', integration.auth_token, '--users', '5',
    '--groups', '2', '--prefix', 'replica', '--quiet']);
  const pushed = (await ownerCall(a, 'GET', '/api/users?service_user=false'))
    .filter((u) => u.issued === 'integration').map((u) => u.email).sort();
  assert.equal(pushed.length, 5);
  // B's page polls the integration every few seconds while Okta is active.
  await page.waitForFunction((want) => JSON.stringify(window.openzroItems()
    .filter((i) => i.label.startsWith('Open ')).map((i) => i.label.slice(5)).sort()) === want,
  JSON.stringify(pushed), { timeout: 20000 }).catch(() => {});
  assert.deepEqual(await rows(), pushed);
  await page.screenshot({ path: path.join(outputDir, 'replicas-users-on-b.png') });
  assert.deepEqual(page.errors, []);
});
