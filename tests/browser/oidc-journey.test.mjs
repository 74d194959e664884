// "Sign in with Okta" from end to end on the standalone app, through role queries on the
// accessibility mirror only: the owner runs the Okta wizard with okta-sim's issuer as the Okta
// domain, okta-sim pushes users over SCIM, the owner signs out; "Continue with Okta" signs a
// pushed member in (read-only), a blocked user is refused with the reason, an unknown user of the
// domain waits for approval until an admin approves; a server restart keeps the admin signed
// in; and no token, code, secret or cookie reaches the server's log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { outputDir } from './lib/browser.mjs';
import { serverAndBrowser } from './lib/fixture.mjs';
import { ownerApi, pushUsers, secretsIn, signInAtOkta, startOktaFor, userByEmail } from './lib/okta.mjs';
import { startServer } from './lib/server.mjs';
import { DOMAIN, pushedUser } from '../../server/okta_sim/users.mjs';

const PREFIX = 'journey';
const blocked = pushedUser(PREFIX, 0), member = pushedUser(PREFIX, 1), colleague = pushedUser(PREFIX, 2);
const newcomer = `${PREFIX}.newcomer@${DOMAIN}`;
const env = serverAndBrowser();
let okta;
const secrets = [];  // everything that must never reach the server's log
const logs = [];     // the output of server runs already stopped
const contexts = [];
let ownerCookie = '';

before(async () => {
  await env.ready;
  okta = await startOktaFor(env.server, 0, ['--users', '3', '--prefix', PREFIX]);
  secrets.push(okta.clientSecret);
});
after(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await okta?.stop();
});

// A fresh browser profile on the app, recording the sign-in callback's code and state.
async function openApp(hash = '#/integrations') {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.baseUrl });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/auth/oidc/callback') secrets.push(url.searchParams.get('code'), url.searchParams.get('state'));
  });
  page.shot = (name) => page.screenshot({ path: path.join(outputDir, `oidc-journey-${name}.png`) });
  if (hash !== null) await page.goto(env.server.baseUrl + '/' + hash);
  return page;
}

// A person moves the pointer onto a control before pressing it.
async function press(locator) {
  await locator.waitFor({ timeout: 15000 });
  await locator.hover();
  await locator.page().waitForTimeout(50);
  await locator.click();
}
const button = (page, name) => page.getByRole('button', { name, exact: true });
// The provider's name is the wizard's: "Okta (example.com)".
const continueButton = (page) => page.getByRole('button', { name: /^Continue with Okta/ });

// The signed-out screen's "Continue with Okta", then okta-sim's form (without `email`: still
// signed in at okta-sim, which answers at once), back on the app.
async function continueWithOkta(page, email) {
  await press(continueButton(page));
  if (!email) return;
  await page.waitForURL(`${okta.issuer}/**`);
  await signInAtOkta(page, email);
  await page.waitForURL(`${env.server.baseUrl}/**`).catch(async (e) => {
    await page.shot(`failed-${email}`);
    throw new Error(`${e.message}\nstill at ${page.url()}: ${(await page.textContent('body')).slice(0, 300)}`);
  });
}

// Presses a copy button; the clipboard's text once `ready` accepts it (the browser writes it
// asynchronously).
async function copied(page, name, ready) {
  await press(button(page, name));
  let text = '';
  for (let i = 0; i < 50 && !(text && ready(text)); ++i) {
    await page.waitForTimeout(100);
    text = await page.evaluate(() => navigator.clipboard.readText());
  }
  return text;
}

const signedInAs = (page, email) => button(page, `Account menu for ${email}`).waitFor({ timeout: 15000 });

async function refusedWith(page, code, reason) {
  await page.waitForFunction((c) => location.hash.startsWith('#/sign-in') && location.hash.includes(`error=${c}`), code)
    .catch((e) => { throw new Error(`${e.message}: the page is at ${page.url()}`); });
  await page.getByText(reason).first().waitFor();
  await continueButton(page).waitFor();
  const cookies = await page.context().cookies(env.server.baseUrl);
  assert.deepEqual(cookies.filter((c) => c.name === 'openzro_session'), [], 'no session for a refused sign-in');
}

async function keepCookies(page) {
  for (const c of await page.context().cookies(env.server.baseUrl)) secrets.push(c.value);
}

let owner, admin, waiting;

test('the owner sets up Okta with the wizard, okta-sim pushes users, the owner signs out', { timeout: 180000 }, async () => {
  owner = await openApp(null);
  await owner.goto(env.server.signInUrl);  // the one-time link printed on the console
  await owner.goto(`${env.server.baseUrl}/#/integrations`);
  await press(button(owner, 'Connect Okta'));
  await press(button(owner, 'Get Started'));
  await press(button(owner, 'Continue'));
  await owner.getByRole('textbox', { name: 'Client ID' }).fill(okta.clientId);
  await owner.getByRole('textbox', { name: 'Client secret' }).fill(okta.clientSecret);
  await owner.getByRole('textbox', { name: 'Okta account domain' }).fill(okta.issuer);
  await owner.getByRole('textbox', { name: 'Primary email domain' }).fill(DOMAIN);
  await owner.shot('sso');
  // The step gives what to register in the Okta app: what okta-sim was started with.
  assert.equal(await copied(owner, 'Copy Sign-in redirect URI', (t) => t.includes('/auth/')), `${env.server.baseUrl}/auth/oidc/callback`);
  assert.equal(await copied(owner, 'Copy Sign-out redirect URI', (t) => !t.includes('/auth/')), `${env.server.baseUrl}/`);
  await press(button(owner, 'Save and continue'));
  await press(button(owner, 'Create integration'));
  const scimToken = await copied(owner, 'Copy Authorization (Bearer) token', (t) => t.startsWith('nbs_'));
  assert.match(scimToken, /^nbs_/);
  secrets.push(scimToken);
  await pushUsers(env.server, scimToken, { prefix: PREFIX, users: 3, groups: 1 });
  await owner.getByText(/Okta reached openZro at/).first().waitFor({ timeout: 20000 });
  await press(button(owner, 'Continue'));
  await press(button(owner, 'Continue'));
  await press(button(owner, 'Continue'));
  await press(button(owner, 'Finish Setup'));
  await button(owner, `Actions for ${member.email}`).waitFor();

  // What the owner also decides (through the API here): a blocked user, a colleague who is an
  // admin, and approval for newcomers.
  const user = async (email) => userByEmail(env.server, email);
  const b = await user(blocked.email), c = await user(colleague.email);
  await ownerApi(env.server, 'PUT', `/api/users/${b.id}`, { role: b.role, auto_groups: b.auto_groups, is_blocked: true });
  await ownerApi(env.server, 'PUT', `/api/users/${c.id}`, { role: 'admin', auto_groups: c.auto_groups, is_blocked: false });
  const [account] = await ownerApi(env.server, 'GET', '/api/accounts');
  const settings = { ...account.settings, extra: { ...account.settings.extra, user_approval_required: true } };
  await ownerApi(env.server, 'PUT', `/api/accounts/${account.id}`, { settings });

  await keepCookies(owner);
  ownerCookie = (await owner.context().cookies(env.server.baseUrl)).find((c) => c.name === 'openzro_session')?.value;
  assert.ok(ownerCookie);
  await press(button(owner, 'Account menu for owner@openzro.local'));
  await press(owner.getByRole('menuitem', { name: 'Sign out' }).or(button(owner, 'Sign out')));
  await continueButton(owner).waitFor();
  await owner.shot('signed-out');
  assert.deepEqual(owner.errors, []);
});

test('a pushed member signs in with Okta and lands on the app, read-only', { timeout: 60000 }, async () => {
  await owner.goto(`${env.server.baseUrl}/#/team/users`);
  await continueWithOkta(owner, member.email);
  await signedInAs(owner, member.email);
  await owner.waitForFunction(() => location.hash.startsWith('#/team/users'));
  const me = await owner.evaluate(() => fetch('/api/users/current', { headers: { 'X-OpenZro-Request': '1' } }).then((r) => r.json()));
  assert.equal(me.email, member.email);
  assert.equal(me.role, 'user');
  assert.ok(me.idp_id, 'idp_id is set on a user who signed in through a provider');
  // Read-only: the user list is not a member's to see, and the page says so (no failed load).
  await owner.getByText("Your role can't see the account's users").first().waitFor();
  assert.equal(await button(owner, 'Retry').count(), 0);
  assert.equal(await button(owner, `Actions for ${colleague.email}`).count(), 0);
  await owner.goto(`${env.server.baseUrl}/#/integrations`);
  await owner.getByText('An account owner or an admin sets up Okta', { exact: false }).first().waitFor();
  assert.equal(await button(owner, 'Connect Okta').count(), 0);
  assert.equal(await button(owner, 'Retry').count(), 0);
  await owner.shot('member');
  await keepCookies(owner);
  assert.deepEqual(owner.errors, []);
});

test('a blocked user is refused with the reason, and gets no session', { timeout: 60000 }, async () => {
  const page = await openApp();
  await continueWithOkta(page, blocked.email);
  await refusedWith(page, 'blocked', 'Your account is blocked');
  await page.shot('blocked');
});

test('an unknown user of the domain waits for approval; an admin approves; the user signs in', { timeout: 90000 }, async () => {
  waiting = await openApp();
  await continueWithOkta(waiting, newcomer);
  await refusedWith(waiting, 'pending_approval', 'waits for an admin\'s approval');
  await waiting.shot('pending');

  admin = await openApp('#/team/users?status=pending_approval');
  await continueWithOkta(admin, colleague.email);
  await signedInAs(admin, colleague.email);
  await press(button(admin, `Actions for ${newcomer}`));
  await press(admin.getByRole('menuitem', { name: `Approve ${newcomer}` }).or(button(admin, `Approve ${newcomer}`)));
  await admin.waitForFunction(async (email) => {
    const users = await fetch('/api/users?service_user=false', { headers: { 'X-OpenZro-Request': '1' } }).then((r) => r.json());
    return users.some((u) => u.email === email && !u.pending_approval);
  }, newcomer);
  await admin.shot('approved');

  // Still signed in at okta-sim: Continue with Okta comes straight back, now signed in.
  await continueWithOkta(waiting);
  await signedInAs(waiting, newcomer);
  const me = await waiting.evaluate(() => fetch('/api/users/current', { headers: { 'X-OpenZro-Request': '1' } }).then((r) => r.json()));
  assert.equal(me.role, 'user');
  await keepCookies(waiting);
  await keepCookies(admin);
});

test('a restart of the server keeps the admin signed in', { timeout: 60000 }, async () => {
  const before = env.server;
  await before.stop({ keepData: true });
  logs.push(before.output());
  env.server = await startServer({ restartOf: before });
  await admin.goto(`${env.server.baseUrl}/#/team/users`);
  await signedInAs(admin, colleague.email);
  await button(admin, `Actions for ${member.email}`).waitFor();
  assert.equal(await continueButton(admin).count(), 0);
  await admin.shot('after-restart');
  // The owner signed out before the restart: that cookie stays refused.
  const old = await fetch(`${env.server.baseUrl}/api/users/current`, { headers: { Cookie: `openzro_session=${ownerCookie}` } });
  assert.equal(old.status, 401);
});

test('no token, code, secret or cookie appears in the server\'s log', async () => {
  assert.ok(secrets.filter(Boolean).length >= 6);
  assert.deepEqual(secretsIn([...logs, env.server.output()].join('\n'), secrets), []);
});
