// A whole sign-in with okta-sim's OIDC side against the real openzro-server binary, its
// access log on: the user lands signed in, signs out, and no token, code, state, secret or
// cookie of the journey appears in anything the server printed (issue 13, acceptance).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startOktaOidc } from '../server/node/okta-oidc-process.mjs';
import { api, serverBinary, startServer, tempDir } from '../server/node/server-process.mjs';

const skip = serverBinary() ? false : 'no openzro-server built';
let server;
let okta;
let dataDir;

before(async () => {
  if (skip) return;
  dataDir = tempDir('oidc-log');
  server = await startServer({ dataDir, accessLog: true });
  okta = await startOktaOidc(['--port', '0', '--redirect-uri', `${server.base}/auth/oidc/callback`]);
});

after(async () => {
  await okta?.stop();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// The cookies a response sets, as name -> value.
function setCookies(res) {
  return new Map(res.headers.getSetCookie().map((c) => {
    const pair = c.split(';')[0];
    return [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
  }));
}

// Follows redirects inside okta-sim by hand, keeping its cookies, until it sends the browser
// back to `stopAt`; returns that URL.
async function throughOkta(start, form, stopAt) {
  const jar = new Map();
  let url = start;
  let body;
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET', redirect: 'manual', body,
      headers: { Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    });
    for (const [k, v] of setCookies(res)) jar.set(k, v);
    body = undefined;
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location'), url).href;
      if (url.startsWith(stopAt)) return url;
      continue;
    }
    const html = await res.text();
    const action = html.match(/<form method="post" action="([^"]+)"/)?.[1];
    assert.ok(action, `okta-sim page without a sign-in form at ${url}: ${html.slice(0, 300)}`);
    url = new URL(action.replaceAll('&amp;', '&'), url).href;
    body = new URLSearchParams(form).toString();
  }
  throw new Error('too many redirects at okta-sim');
}

test('a sign-in through okta-sim leaves no secret in the access log', { skip }, async () => {
  const idp = await api(server, 'POST', '/api/identity-providers', {
    type: 'okta', name: 'Okta', issuer: okta.issuer, client_id: okta.clientId,
    client_secret: okta.clientSecret, email_domain: 'example.com',
  });
  assert.equal(idp.status, 200, JSON.stringify(idp.body));

  const login = await fetch(`${server.base}/auth/oidc/login?idp=${idp.body.id}&return_to=%23%2Fteam%2Fusers`,
    { redirect: 'manual' });
  assert.equal(login.status, 302);
  const authorize = login.headers.get('location');
  assert.ok(authorize.startsWith(okta.issuer), authorize);
  const loginCookie = setCookies(login).get('openzro_login');

  const email = 'okta-sim.newcomer@example.com';
  const callback = await throughOkta(authorize, { username: email, password: 'password' },
    `${server.base}/auth/oidc/callback`);
  const params = new URL(callback).searchParams;
  const landed = await fetch(callback, { redirect: 'manual', headers: { Cookie: `openzro_login=${loginCookie}` } });
  assert.equal(landed.status, 302);
  assert.equal(landed.headers.get('location'), '/#/team/users');
  const session = setCookies(landed).get('openzro_session');
  assert.ok(session, 'a session cookie is set');

  const headers = { Cookie: `openzro_session=${session}`, 'X-OpenZro-Request': '1' };
  const me = await fetch(`${server.base}/api/users/current`, { headers });
  assert.equal(me.status, 200);
  assert.equal((await me.json()).email, email);
  assert.equal((await fetch(`${server.base}/auth/logout`, { method: 'POST', headers })).status, 204);
  assert.equal((await fetch(`${server.base}/api/users/current`, { headers })).status, 401);

  const log = server.errors();
  assert.match(log, /"path":"\/auth\/oidc\/callback"/, 'the access log is on');
  const secrets = [session, loginCookie, params.get('code'), params.get('state'), okta.clientSecret,
    new URL(authorize).searchParams.get('nonce'), new URL(authorize).searchParams.get('code_challenge'),
    server.token];  // the owner's token is printed once on stdout, never in the log (stderr)
  const found = secrets.filter((s) => s && log.includes(s)).map((s) => `${s.slice(0, 6)}...`);
  assert.deepEqual(found, [], 'secrets in the server output');
});
