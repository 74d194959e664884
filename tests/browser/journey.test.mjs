// The whole journey on the example dashboard host, acting only through role queries on the
// accessibility mirror, as a screen-reader user or any role-based tool would: sign in, open
// Integrations, run the Okta wizard, fill the SSO form, copy the SCIM token, let
// scripts/okta-sim play Okta with it, see the verification and the counts, finish, find every
// pushed user in Team > Users, block one, reload: still blocked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { outputDir } from './lib/browser.mjs';
import { serverAndBrowser } from './lib/fixture.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const env = serverAndBrowser();

// A person moves the pointer onto a control before pressing it.
async function press(locator) {
  await locator.waitFor();
  await locator.hover();
  await locator.page().waitForTimeout(50);
  await locator.click();
}

async function signIn(page) {
  await page.goto(env.server.baseUrl + '/examples/dashboard-host.html');
  await page.getByRole('textbox', { name: 'Personal access token' }).fill(env.server.ownerToken());
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('the Okta journey on the dashboard host, through roles only', { timeout: 240000 }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.baseUrl });
  const page = await context.newPage();
  const app = page.locator('openzro-admin');
  const button = (name) => app.getByRole('button', { name, exact: true });
  const shot = (name) => page.screenshot({ path: path.join(outputDir, `journey-${name}.png`) });
  await signIn(page);

  await press(button('Connect Okta'));
  await app.getByText('Estimated setup time').first().waitFor();
  await press(button('Get Started'));
  await press(button('Continue'));
  await app.getByRole('textbox', { name: 'Client ID' }).fill('0oa1b2c3d4e5f6g7h8i9');
  await app.getByRole('textbox', { name: 'Client secret' }).fill('a-very-secret-value');
  await app.getByRole('textbox', { name: 'Okta account domain' }).fill('acme.okta.com');
  await app.getByRole('textbox', { name: 'Primary email domain' }).fill('acme.com');
  await shot('sso');
  // The step is taller than the dialog: scroll to the end of the form, as a person would.
  const box = await app.getByRole('textbox', { name: 'Client ID' }).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y);
  await page.mouse.wheel(0, 600);
  await page.waitForTimeout(300);
  await press(button('Save and continue'));
  await press(button('Create integration'));

  await press(button('Copy Authorization (Bearer) token'));
  let token = '';
  for (let i = 0; i < 50 && !token.startsWith('nbs_'); ++i) {
    await page.waitForTimeout(100);
    token = await page.evaluate(() => navigator.clipboard.readText());
  }
  assert.match(token, /^nbs_/);
  await app.getByText('Waiting for Okta...').first().waitFor();
  await promisify(execFile)(path.join(root, 'scripts/okta-sim'), ['--base-url',
    `${env.server.baseUrl}/api/scim/v2`, '--token', token, '--users', '4', '--groups', '2',
    '--prefix', 'journey', '--quiet']);
  await app.getByText(/Okta reached openZro at/).first().waitFor({ timeout: 20000 });
  await shot('verified');
  await press(button('Continue'));
  await press(button('Continue'));
  await press(button('Continue'));
  await app.getByText('4 users received').first().waitFor({ timeout: 20000 });
  await app.getByText('2 groups received').first().waitFor();
  await press(button('Finish Setup'));

  // Team > Users, filtered to Okta: every pushed user has a row.
  const scim = await fetch(`${env.server.baseUrl}/api/scim/v2/Users?count=100`,
    { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.json());
  const emails = scim.Resources.map((u) => u.userName);
  assert.equal(emails.length, 4);
  for (const email of emails) await button(`Actions for ${email}`).waitFor();
  await shot('users');

  await press(button(`Actions for ${emails[0]}`));
  await press(button(`Block ${emails[0]}`));
  await press(button('Block user'));
  await page.waitForTimeout(500);

  await page.reload();
  await signIn(page);
  await press(page.locator('nav.side').getByRole('link', { name: 'Users' }));
  await press(button(`Actions for ${emails[0]}`));
  await button(`Unblock ${emails[0]}`).waitFor();
  await shot('still-blocked');
  await context.close();
});
