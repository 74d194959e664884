// Real management API answers validated against the contract's JSON schemas
// (management-openapi.yml components.schemas; OpenAPI 3.1 is JSON Schema 2020-12).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';
import { api, root, runOktaSim, serverBinary, startServer, tempDir } from '../server/node/server-process.mjs';

const skip = serverBinary() ? false : 'openzro-server is not built';
// The contract lives in the workspace's shared folder beside the checkout, or beside the
// repository this one was cloned from (a clean clone in /tmp); OPENZRO_CONTRACT overrides both.
function findContract() {
  if (process.env.OPENZRO_CONTRACT) return process.env.OPENZRO_CONTRACT;
  const beside = (repo) => join(repo, '../shared/contracts/management-openapi.yml');
  if (existsSync(beside(root))) return beside(root);
  try {
    const origin = execFileSync('git', ['-C', root, 'config', '--get', 'remote.origin.url'], { encoding: 'utf8' }).trim();
    if (origin.startsWith('/') && existsSync(beside(origin))) return beside(origin);
  } catch { /* not a clone */ }
  return beside(root);
}
const contractPath = findContract();
let server;
let dataDir;
let validate;

before(async () => {
  if (skip) return;
  assert.ok(existsSync(contractPath), `no contract at ${contractPath}: clone beside shared/ or set OPENZRO_CONTRACT`);
  const contract = YAML.parse(readFileSync(contractPath, 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://openzro.invalid/contract.json', components: contract.components });
  validate = (schema, value) => {
    const check = ajv.getSchema(`https://openzro.invalid/contract.json#/components/schemas/${schema}`);
    assert.ok(check, `no schema ${schema}`);
    assert.ok(check(value), `${schema}: ${ajv.errorsText(check.errors)}\n${JSON.stringify(value)}`);
  };
  dataDir = tempDir('contract');
  server = await startServer({ dataDir, args: ['--seed-users', '3'] });
});

after(async () => {
  if (server) {
    // SIGTERM is a graceful stop: the server drains and exits 0 rather than dying by the signal.
    const { code, signal } = await server.stop();
    assert.equal(signal, null);
    assert.equal(code, 0);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const each = (schema, list) => {
  assert.ok(Array.isArray(list));
  for (const item of list) validate(schema, item);
};

test('users: current, list and update follow User / UserRequest', { skip }, async () => {
  const me = await api(server, 'GET', '/api/users/current');
  assert.equal(me.status, 200);
  assert.match(me.headers.get('x-request-id'), /^[0-9a-f]{16}$/);
  validate('User', me.body);
  validate('UserPermissions', me.body.permissions);
  const list = await api(server, 'GET', '/api/users?service_user=false');
  each('User', list.body);
  assert.equal(list.body.length, 4);
  const group = await api(server, 'POST', '/api/groups', { name: 'devs' });
  validate('Group', group.body);
  const update = { role: 'admin', auto_groups: [group.body.id], is_blocked: false };
  validate('UserRequest', update);
  const put = await api(server, 'PUT', `/api/users/${list.body[1].id}`, update);
  assert.equal(put.status, 200);
  validate('User', put.body);
  assert.deepEqual(put.body.auto_groups, [group.body.id]);
});

test('groups follow Group', { skip }, async () => {
  const groups = await api(server, 'GET', '/api/groups');
  assert.equal(groups.status, 200);
  each('Group', groups.body);
});

test('identity providers follow IdentityProvider and never return client_secret', { skip }, async () => {
  const request = { type: 'okta', name: 'Okta', issuer: 'https://acme.okta.com', client_id: '0oa1', client_secret: 's3cr3t' };
  validate('IdentityProviderRequest', request);
  const created = await api(server, 'POST', '/api/identity-providers', request);
  assert.equal(created.status, 200);
  validate('IdentityProvider', created.body);
  const list = await api(server, 'GET', '/api/identity-providers');
  each('IdentityProvider', list.body);
  const one = await api(server, 'GET', `/api/identity-providers/${created.body.id}`);
  validate('IdentityProvider', one.body);
  for (const body of [created.body, one.body, ...list.body]) assert.equal(body.client_secret, undefined);
  const put = await api(server, 'PUT', `/api/identity-providers/${created.body.id}`, { ...request, name: 'Okta SSO' });
  validate('IdentityProvider', put.body);
});

test('Okta SCIM integration, token and logs follow the contract', { skip }, async () => {
  const request = { connection_name: 'okta', group_prefixes: [], user_group_prefixes: [] };
  validate('CreateOktaScimIntegrationRequest', request);
  const created = await api(server, 'POST', '/api/integrations/okta-scim-idp', request);
  assert.equal(created.status, 200);
  validate('OktaScimIntegration', created.body);
  assert.match(created.body.auth_token, /^nbs_[0-9A-Za-z]{40}$/);
  const path = `/api/integrations/okta-scim-idp/${created.body.id}`;
  const read = await api(server, 'GET', path);
  validate('OktaScimIntegration', read.body);
  assert.match(read.body.auth_token, /^nbs_[0-9A-Za-z]{3}\*+$/);
  each('OktaScimIntegration', (await api(server, 'GET', '/api/integrations/okta-scim-idp')).body);
  const update = { enabled: true, group_prefixes: ['okta-sim'] };
  validate('UpdateOktaScimIntegrationRequest', update);
  validate('OktaScimIntegration', (await api(server, 'PUT', path, update)).body);
  const token = await api(server, 'POST', `${path}/token`);
  validate('ScimTokenResponse', token.body);

  const sim = runOktaSim(['--base-url', `${server.base}/api/scim/v2`, '--token', token.body.auth_token,
    '--users', '6', '--groups', '2', '--style', 'patch', '--quiet']);
  assert.equal(sim.status, 0, sim.stderr);
  const logs = await api(server, 'GET', `${path}/logs`);
  assert.ok(logs.body.length > 10);
  each('IdpIntegrationSyncLog', logs.body);
  const users = await api(server, 'GET', '/api/users?service_user=false');
  each('User', users.body);
  const fromOkta = users.body.filter((u) => u.issued === 'integration');
  assert.equal(fromOkta.length, 6);
  // Each user is in one pushed group, except the one the catalog PATCH removed.
  assert.equal(fromOkta.filter((u) => u.auto_groups.length === 1).length, 5);
  each('Group', (await api(server, 'GET', '/api/groups')).body);
});

test('errors are {message, code} with X-Request-Id', { skip }, async () => {
  const res = await fetch(`${server.base}/api/users`);
  assert.equal(res.status, 401);
  assert.ok(res.headers.get('x-request-id'));
  const body = await res.json();
  assert.equal(body.code, 401);
  assert.equal(typeof body.message, 'string');
  const missing = await api(server, 'GET', '/api/identity-providers/nope');
  assert.deepEqual(Object.keys(missing.body).sort(), ['code', 'message']);
});
