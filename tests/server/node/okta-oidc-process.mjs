// Starts `scripts/okta-sim oidc` (okta-sim's OIDC side) on a free 127.0.0.1 port for Node and
// browser tests, reads what it prints, and stops it afterwards.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from './server-process.mjs';

// `args` are okta-sim's own (--redirect-uri ... is required). Resolves to { issuer, clientId,
// clientSecret, publicClientId, audience, output(), stop() }.
export async function startOktaOidc(args) {
  const proc = spawn(join(root, 'scripts/okta-sim'), ['oidc', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d) => { out += d; });
  proc.stderr.on('data', (d) => { out += d; });
  const exited = new Promise((ok) => proc.once('exit', ok));
  const line = (name) => out.match(new RegExp(`^${name}: (\\S+)$`, 'm'))?.[1];
  await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`okta-sim did not start:\n${out}`)), 15000);
    proc.stdout.on('data', () => {
      if (/^users: /m.test(out)) {
        clearTimeout(timer);
        ok();
      }
    });
    exited.then((code) => { clearTimeout(timer); fail(new Error(`okta-sim exited ${code}:\n${out}`)); });
  });
  return {
    issuer: line('issuer'), clientId: line('client_id'), clientSecret: line('client_secret'),
    publicClientId: line('public_client_id'), audience: line('audience'), output: () => out,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        await exited;
      }
    },
  };
}
