// The example dashboard host with a real OIDC provider: it signs its user in at okta-sim
// (authorization code flow with PKCE, oidc-client-ts), hands the access token to
// <openzro-admin>, whose API calls the server accepts as Bearer JWTs (--jwt-issuer,
// --jwt-audience); the short-lived token expires, the host renews it, nothing breaks.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { outputDir } from './lib/browser.mjs';
import { serverAndBrowser } from './lib/fixture.mjs';
import { HOST_PAGE, ownerApi, provisionOkta, secretsIn, signInAtOkta, startOktaFor, userByEmail } from './lib/okta.mjs';
import { freePort } from './lib/server.mjs';
import { pushedUser } from '../../server/okta_sim/users.mjs';

const AUDIENCE = 'api://openzro';
const TOKEN_SECONDS = 15;
const oktaPort = await freePort();
const env = serverAndBrowser({ args: ['--jwt-issuer', `http://127.0.0.1:${oktaPort}`, '--jwt-audience', AUDIENCE] });
const admin = pushedUser('host', 0), member = pushedUser('host', 1);
let okta;

before(async () => {
  await env.ready;
  okta = await startOktaFor(env.server, oktaPort, ['--audience', AUDIENCE, '--access-token-ttl', String(TOKEN_SECONDS),
    '--users', '2', '--prefix', 'host']);
  await provisionOkta(env.server, { prefix: 'host', users: 2 });
  const user = await userByEmail(env.server, admin.email);
  await ownerApi(env.server, 'PUT', `/api/users/${user.id}`, { role: 'admin', auto_groups: user.auto_groups, is_blocked: false });
});
after(() => okta?.stop());

test('the host signs in over OIDC; the app works with its Bearer tokens as they expire and renew', { timeout: 120000 }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [], bearers = [], refused = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const api = env.server.baseUrl + '/api/';
  page.on('request', (r) => {
    const auth = r.headers().authorization;
    if (r.url().startsWith(api) && auth) bearers.push(auth);
  });
  page.on('response', (r) => { if (r.url().startsWith(api) && r.status() >= 400) refused.push(`${r.status()} ${r.url()}`); });
  const app = page.locator('openzro-admin');

  await page.goto(`${env.server.baseUrl}${HOST_PAGE}?authority=${encodeURIComponent(okta.issuer)}&client_id=dashboard#team/users`);
  await page.getByRole('button', { name: 'Sign in with Okta' }).click();
  await page.waitForURL(`${okta.issuer}/**`);
  await signInAtOkta(page, admin.email);
  // Back on the host, on the route it left from, signed in as that person.
  await page.waitForURL(`${env.server.baseUrl}${HOST_PAGE}#team/users`);
  await page.locator('#who', { hasText: `${admin.given} ${admin.family}` }).waitFor();
  await app.getByRole('button', { name: `Actions for ${member.email}`, exact: true }).waitFor({ timeout: 15000 });
  await page.screenshot({ path: path.join(outputDir, 'oidc-host-signed-in.png') });

  // Every API call carried a Bearer JWT for the API's audience, with the person's email.
  assert.ok(bearers.length > 0);
  for (const value of bearers) {
    assert.match(value, /^Bearer /);
    const claims = decodeJwt(value.slice(7));
    assert.equal(claims.aud, AUDIENCE);
    assert.equal(claims.email, admin.email);
    assert.equal(claims.iss, okta.issuer);
  }
  const first = bearers[0];

  // Past the first token's lifetime the app still works, with renewed tokens.
  const expiredAt = decodeJwt(first.slice(7)).exp * 1000;
  await page.waitForTimeout(Math.max(0, expiredAt - Date.now()) + 1000);
  await page.locator('nav.side').getByRole('link', { name: 'Integrations' }).click();
  await app.getByRole('button', { name: /Okta/ }).first().waitFor();
  await page.locator('nav.side').getByRole('link', { name: 'Users' }).click();
  await app.getByRole('button', { name: `Actions for ${member.email}`, exact: true }).waitFor();
  const later = bearers.filter((b) => b !== first);
  assert.ok(later.length > 0, 'requests after the first token expired carried a renewed token');
  for (const value of later) assert.ok(decodeJwt(value.slice(7)).exp * 1000 > expiredAt);
  assert.deepEqual(refused, []);
  assert.deepEqual(errors, []);

  // None of the tokens reached the server's log.
  assert.deepEqual(secretsIn(env.server.output(), bearers.map((b) => b.slice(7))), []);
  await context.close();
});
