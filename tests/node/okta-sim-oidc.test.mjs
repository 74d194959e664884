// okta-sim's OIDC side as a relying party sees it: Okta's paths in discovery, the sign-in form,
// the authorization code flow with PKCE for the server's confidential client (both secret
// methods) and the dashboard host's public client, ID tokens with the email claims, JWT access
// tokens for the API audience, refresh tokens, and what it refuses.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { startOktaOidc } from '../server/node/okta-oidc-process.mjs';
import { pushedUser } from '../../server/okta_sim/users.mjs';

const SERVER_CALLBACK = 'http://127.0.0.1:9/auth/oidc/callback';
const HOST_PAGE = 'http://127.0.0.1:9/examples/dashboard-host.html';
let sim, discovery, jwks;

before(async () => {
  sim = await startOktaOidc(['--redirect-uri', SERVER_CALLBACK, '--public-client', 'dashboard',
    '--public-redirect', HOST_PAGE, '--audience', 'api://openzro-test', '--access-token-ttl', '30',
    '--users', '3', '--prefix', 'sim']);
  discovery = await (await fetch(`${sim.issuer}/.well-known/openid-configuration`)).json();
  jwks = createRemoteJWKSet(new URL(discovery.jwks_uri));
});
after(() => sim?.stop());

// A browser's cookie jar, enough for one sign-in: every cookie goes with every request.
class Browser {
  cookies = new Map();
  async get(url, init = {}) {
    const res = await fetch(url, { ...init, redirect: 'manual',
      headers: { ...init.headers, Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  }
  post(url, form) {
    return this.get(url, { method: 'POST', body: new URLSearchParams(form),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  }
}

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

// Authorize, sign in on the form, follow the redirects back: the redirect URI's query.
async function authorize({ clientId, redirectUri, username, password = 'password', challenge, extra = {} }) {
  const browser = new Browser();
  const state = randomBytes(8).toString('hex'), nonce = randomBytes(8).toString('hex');
  const url = new URL(discovery.authorization_endpoint);
  const params = { client_id: clientId, redirect_uri: redirectUri, response_type: 'code',
    scope: 'openid email profile', state, nonce, ...(challenge ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}), ...extra };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  let res = await browser.get(url);
  let location = new URL(res.headers.get('location'), sim.issuer);
  if (!location.pathname.startsWith('/signin/')) return { query: location.searchParams, state };
  const form = await browser.get(location);
  const html = await form.text();
  assert.match(html, /<label>Username <input name="username"/);
  assert.match(html, /<label>Password <input name="password" type="password"/);
  res = await browser.post(location, { username, password });
  if (res.status !== 303 && res.status !== 302) return { status: res.status, html: await res.text() };
  for (let hops = 0; hops < 5; ++hops) {
    location = new URL(res.headers.get('location'), sim.issuer);
    if (location.origin !== sim.issuer) break;
    res = await browser.get(location);
  }
  return { query: location.searchParams, state, nonce, redirect: location, browser };
}

async function token(form, { basic } = {}) {
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (basic) headers.Authorization = `Basic ${Buffer.from(`${basic.id}:${basic.secret}`).toString('base64')}`;
  const res = await fetch(discovery.token_endpoint, { method: 'POST', headers, body: new URLSearchParams(form) });
  return { status: res.status, body: await res.json() };
}

test('discovery names Okta\'s org authorization server paths', () => {
  assert.equal(discovery.issuer, sim.issuer);
  assert.match(sim.issuer, /^http:\/\/127\.0\.0\.1:\d+$/);
  for (const [key, path] of [['authorization_endpoint', 'authorize'], ['token_endpoint', 'token'],
    ['jwks_uri', 'keys'], ['userinfo_endpoint', 'userinfo'], ['end_session_endpoint', 'logout']]) {
    assert.equal(discovery[key], `${sim.issuer}/oauth2/v1/${path}`);
  }
  assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
});

test('the server\'s client: code flow with PKCE, client_secret_basic, ID token with email claims', async () => {
  const user = pushedUser('sim', 1);
  const { verifier, challenge } = pkce();
  const back = await authorize({ clientId: sim.clientId, redirectUri: SERVER_CALLBACK, username: user.email, challenge });
  assert.equal(back.redirect.origin + back.redirect.pathname, SERVER_CALLBACK);
  assert.equal(back.query.get('state'), back.state);
  const code = back.query.get('code');
  assert.ok(code);
  const got = await token({ grant_type: 'authorization_code', code, redirect_uri: SERVER_CALLBACK, code_verifier: verifier },
    { basic: { id: sim.clientId, secret: sim.clientSecret } });
  assert.equal(got.status, 200, JSON.stringify(got.body));
  const { payload, protectedHeader } = await jwtVerify(got.body.id_token, jwks, { issuer: sim.issuer, audience: sim.clientId });
  assert.equal(protectedHeader.alg, 'RS256');
  assert.equal(payload.nonce, back.nonce);
  assert.equal(payload.email, user.email);
  assert.equal(payload.email_verified, true);
  assert.equal(payload.name, `${user.given} ${user.family}`);

  // The server's access token opens userinfo.
  const userinfo = () => fetch(discovery.userinfo_endpoint, { headers: { Authorization: `Bearer ${got.body.access_token}` } });
  assert.equal((await (await userinfo()).json()).email, user.email);

  // The code is single use; a second exchange also revokes what the first one gave (RFC 6749 4.1.2).
  const again = await token({ grant_type: 'authorization_code', code, redirect_uri: SERVER_CALLBACK, code_verifier: verifier },
    { basic: { id: sim.clientId, secret: sim.clientSecret } });
  assert.equal(again.status, 400);
  assert.equal(again.body.error, 'invalid_grant');
  assert.equal((await userinfo()).status, 401);
});

test('client_secret_post works; a wrong secret or verifier does not', async () => {
  const user = pushedUser('sim', 0);
  const { verifier, challenge } = pkce();
  const back = await authorize({ clientId: sim.clientId, redirectUri: SERVER_CALLBACK, username: user.email, challenge });
  const form = { grant_type: 'authorization_code', code: back.query.get('code'), redirect_uri: SERVER_CALLBACK,
    client_id: sim.clientId };
  assert.equal((await token({ ...form, client_secret: 'wrong', code_verifier: verifier })).body.error, 'invalid_client');
  assert.equal((await token({ ...form, client_secret: sim.clientSecret, code_verifier: pkce().verifier })).body.error, 'invalid_grant');
  const back2 = await authorize({ clientId: sim.clientId, redirectUri: SERVER_CALLBACK, username: user.email, challenge });
  const ok = await token({ ...form, code: back2.query.get('code'), client_secret: sim.clientSecret, code_verifier: verifier });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(decodeJwt(ok.body.id_token).email, user.email);
});

test('the host\'s public client: JWT access tokens for the audience with the email, refreshed', async () => {
  const user = pushedUser('sim', 2);
  const { verifier, challenge } = pkce();
  const back = await authorize({ clientId: 'dashboard', redirectUri: HOST_PAGE, username: user.email, challenge });
  const got = await token({ grant_type: 'authorization_code', code: back.query.get('code'), redirect_uri: HOST_PAGE,
    client_id: 'dashboard', code_verifier: verifier });
  assert.equal(got.status, 200, JSON.stringify(got.body));
  assert.equal(got.body.expires_in, 30);
  const { payload } = await jwtVerify(got.body.access_token, jwks, { issuer: sim.issuer, audience: 'api://openzro-test' });
  assert.equal(payload.email, user.email);
  assert.equal(payload.exp - payload.iat, 30);
  assert.ok(got.body.refresh_token);

  const renewed = await token({ grant_type: 'refresh_token', refresh_token: got.body.refresh_token, client_id: 'dashboard' });
  assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
  assert.notEqual(renewed.body.access_token, got.body.access_token);
  const again = await jwtVerify(renewed.body.access_token, jwks, { issuer: sim.issuer, audience: 'api://openzro-test' });
  assert.equal(again.payload.email, user.email);
});

test('users outside SCIM sign in too; a wrong password is refused on the form', async () => {
  for (const email of ['sim.newcomer@example.com', 'outsider@elsewhere.test']) {
    const { verifier, challenge } = pkce();
    const back = await authorize({ clientId: sim.clientId, redirectUri: SERVER_CALLBACK, username: email, challenge });
    const got = await token({ grant_type: 'authorization_code', code: back.query.get('code'), redirect_uri: SERVER_CALLBACK,
      code_verifier: verifier, client_id: sim.clientId, client_secret: sim.clientSecret });
    assert.equal(decodeJwt(got.body.id_token).email, email);
  }
  const refused = await authorize({ clientId: sim.clientId, redirectUri: SERVER_CALLBACK,
    username: pushedUser('sim', 0).email, password: 'nope', challenge: pkce().challenge });
  assert.equal(refused.status, 401);
  assert.match(refused.html, /role="alert">Unable to sign in</);
});

test('refused without PKCE, with an unregistered redirect URI or an unknown client', async () => {
  const noPkce = await authorize({ clientId: sim.clientId, redirectUri: SERVER_CALLBACK, username: 'x' });
  assert.equal(noPkce.query.get('error'), 'invalid_request');
  assert.match(noPkce.query.get('error_description'), /PKCE/);
  for (const params of [{ clientId: sim.clientId, redirectUri: 'http://127.0.0.1:9/elsewhere' },
    { clientId: 'nobody', redirectUri: SERVER_CALLBACK }]) {
    const url = new URL(discovery.authorization_endpoint);
    url.search = new URLSearchParams({ client_id: params.clientId, redirect_uri: params.redirectUri, response_type: 'code',
      scope: 'openid', code_challenge: pkce().challenge, code_challenge_method: 'S256' });
    const res = await fetch(url, { redirect: 'manual' });
    assert.equal(res.status, 400);  // an error page, never a redirect to an unregistered place
    const html = await res.text();
    assert.match(html, /Something went wrong/);
    assert.doesNotMatch(html, /https?:\/\/(?!127\.0\.0\.1)/);  // nothing fetched from elsewhere
  }
});

test('the sign-in form refuses an oversized post; an unknown sign-in is a page, not a crash', async () => {
  const browser = new Browser();
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({ client_id: sim.clientId, redirect_uri: SERVER_CALLBACK, response_type: 'code',
    scope: 'openid', code_challenge: pkce().challenge, code_challenge_method: 'S256' });
  const form = new URL((await browser.get(url)).headers.get('location'), sim.issuer);
  const big = await browser.post(form, { username: 'x'.repeat(10000), password: 'password' });
  assert.equal(big.status, 413);
  const unknown = await fetch(`${sim.issuer}/signin/not-a-sign-in`);
  assert.equal(unknown.status, 400);
  assert.match(await unknown.text(), /This sign-in has expired/);
  // Still serving.
  assert.equal((await browser.get(form)).status, 200);
});

test('sign-out at /oauth2/v1/logout asks, then signs out', async () => {
  const { browser } = await authorize({ clientId: sim.clientId, redirectUri: SERVER_CALLBACK,
    username: pushedUser('sim', 0).email, challenge: pkce().challenge });
  const ask = await browser.get(discovery.end_session_endpoint);
  const html = await ask.text();
  assert.match(html, /Sign out of okta-sim\?/);
  assert.doesNotMatch(html, /<script|https?:\/\/(?!127\.0\.0\.1)/);
  const form = Object.fromEntries([...html.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  let res = await browser.post(`${discovery.end_session_endpoint}/confirm`, { ...form, logout: 'yes' });
  while (res.status === 303 || res.status === 302) res = await browser.get(new URL(res.headers.get('location'), sim.issuer));
  assert.match(await res.text(), /You are signed out of okta-sim/);
});
