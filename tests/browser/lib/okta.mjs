// okta-sim's two sides for browser tests: its OIDC side beside a started server, and pushing
// users over SCIM through the management API (as an admin would have set up with the wizard);
// the sign-in form at okta-sim, filled by its labels as a person would.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startOktaOidc } from '../../server/node/okta-oidc-process.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
export const HOST_PAGE = '/examples/dashboard-host.html';

// okta-sim's OIDC side on `port`, with the server's sign-in callback and the example host page
// (public client `dashboard`) registered; `args` adds okta-sim options.
export function startOktaFor(server, port, args = []) {
  return startOktaOidc(['--port', String(port), '--redirect-uri', `${server.baseUrl}/auth/oidc/callback`,
    '--public-client', 'dashboard', '--public-redirect', server.baseUrl + HOST_PAGE, ...args]);
}

// A management API call with the owner's personal access token.
export async function ownerApi(server, method, apiPath, body) {
  const res = await fetch(server.baseUrl + apiPath, {
    method,
    headers: { Authorization: `Token ${server.ownerToken()}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${apiPath}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

// scripts/okta-sim pushing `users` users named by `prefix` with this SCIM token.
export function pushUsers(server, scimToken, { prefix, users, groups = 1 }) {
  return promisify(execFile)(path.join(root, 'scripts/okta-sim'), ['--base-url', `${server.baseUrl}/api/scim/v2`,
    '--token', scimToken, '--users', String(users), '--groups', String(groups), '--prefix', prefix, '--quiet']);
}

// Creates the SCIM integration through the API and pushes users; returns the SCIM token.
export async function provisionOkta(server, options) {
  const created = await ownerApi(server, 'POST', '/api/integrations/okta-scim-idp',
    { connection_name: 'okta', group_prefixes: [], user_group_prefixes: [] });
  await pushUsers(server, created.auth_token, options);
  return created.auth_token;
}

export async function userByEmail(server, email) {
  return (await ownerApi(server, 'GET', '/api/users?service_user=false')).find((u) => u.email === email);
}

// On okta-sim's sign-in page: the form, by its labels.
export async function signInAtOkta(page, email) {
  await page.getByRole('textbox', { name: 'Username' }).fill(email);
  await page.getByLabel('Password').fill('password');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

// Which of these secrets a server's output (its access log is on stderr) holds, shortened.
export function secretsIn(log, secrets) {
  return [...new Set(secrets)].filter((s) => s && s.length >= 8 && log.includes(s)).map((s) => `${s.slice(0, 6)}...`);
}
