// The real openzro-server with --jwt-issuer against a tiny OIDC issuer on 127.0.0.1 (discovery
// + JWKS, tokens signed by npm jose): proves the real outbound client end to end, a hanging
// JWKS endpoint answered within a bounded time, and the HTTPS checks (a self-signed
// certificate and plain http to another host are refused).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { api, serverBinary, tempDir, withServer } from '../server/node/server-process.mjs';

const skip = serverBinary() ? false : 'openzro-server is not built';
const OWNER = 'owner@openzro.local';

function listen(server) {
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server.address().port)));
}

// An issuer whose JWKS answer can be made to hang; counts JWKS requests.
async function startIssuer() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const state = { hang: false, jwksRequests: 0, hung: [] };
  const server = createServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      res.setHeader('Content-Type', 'application/json');
      return res.end(JSON.stringify({
        issuer: state.issuer, authorization_endpoint: `${state.issuer}/authorize`,
        token_endpoint: `${state.issuer}/token`, jwks_uri: `${state.issuer}/keys`,
      }));
    }
    if (req.url === '/keys') {
      state.jwksRequests += 1;
      if (state.hang) return state.hung.push(res);  // never answers
      res.setHeader('Content-Type', 'application/json');
      return res.end(JSON.stringify({ keys: [jwk] }));
    }
    res.statusCode = 404;
    res.end();
  });
  const port = await listen(server);
  state.issuer = `http://127.0.0.1:${port}`;
  state.sign = (claims) => new SignJWT({ email: OWNER, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(state.issuer).setAudience('openzro-api').setIssuedAt().setExpirationTime('10m')
    .sign(privateKey);
  state.close = () => {
    for (const res of state.hung) res.destroy();
    server.closeAllConnections();
    return new Promise((ok) => server.close(ok));
  };
  return state;
}

async function bearer(server, token) {
  const res = await fetch(`${server.base}/api/users/current`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

test('a Bearer JWT from --jwt-issuer signs in as the user with that email', { skip }, async () => {
  const issuer = await startIssuer();
  try {
    await withServer(['--jwt-issuer', issuer.issuer, '--jwt-audience', 'openzro-api'], async (server) => {
      const ok = await bearer(server, await issuer.sign({}));
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.email, OWNER);
      const stranger = await bearer(server, await issuer.sign({ email: 'stranger@example.com' }));
      assert.equal(stranger.status, 403);
      assert.match(stranger.body.message, /no openZro user has the email stranger@example.com/);
      const hmac = await bearer(server, await new SignJWT({ email: OWNER })
        .setProtectedHeader({ alg: 'HS256' }).setIssuer(issuer.issuer).setAudience('openzro-api')
        .setExpirationTime('10m').sign(new TextEncoder().encode('x'.repeat(32))));
      assert.equal(hmac.status, 401);
      assert.match(hmac.body.message, /HMAC-signed tokens \(HS256\) are refused/);
      assert.equal(issuer.jwksRequests, 1, 'the keys are cached');
    });
  } finally {
    await issuer.close();
  }
});

test('a hanging JWKS endpoint is answered 503 within the outbound timeout', { skip }, async () => {
  const issuer = await startIssuer();
  issuer.hang = true;
  try {
    await withServer(['--jwt-issuer', issuer.issuer, '--jwt-audience', 'openzro-api'], async (server) => {
      const started = Date.now();
      const res = await bearer(server, await issuer.sign({}));
      const took = Date.now() - started;
      assert.equal(res.status, 503);
      assert.match(res.body.message, /signing keys are unavailable.*timed out/);
      assert.ok(took < 15000, `answered after ${took} ms`);
      // The server goes on serving.
      assert.equal((await api(server, 'GET', '/api/users/current')).status, 200);
    });
  } finally {
    await issuer.close();
  }
});

test('the identity provider check refuses a self-signed certificate and plain http elsewhere', { skip }, async () => {
  const dir = tempDir('selfsigned');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  let requests = 0;
  const tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (req, res) => { requests += 1; res.end('{}'); });
  const port = await listen(tls);
  try {
    await withServer([], async (server) => {
      const selfSigned = await api(server, 'POST', '/api/identity-providers/test', { issuer: `https://127.0.0.1:${port}` });
      assert.equal(selfSigned.status, 200);
      assert.equal(selfSigned.body.ok, false);
      assert.equal(selfSigned.body.reason, 'unreachable');
      assert.match(selfSigned.body.message, /TLS handshake failed: certificate verify failed/);
      assert.equal(requests, 0, 'no request went over the untrusted connection');

      const plain = await api(server, 'POST', '/api/identity-providers/test', { issuer: 'http://example.com' });
      assert.equal(plain.body.reason, 'insecure');
      assert.match(plain.body.message, /plain http is only allowed to a loopback host/);
    });
  } finally {
    tls.closeAllConnections();
    await new Promise((ok) => tls.close(ok));
    rmSync(dir, { recursive: true, force: true });
  }
});
