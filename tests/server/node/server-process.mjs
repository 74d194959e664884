// Starts the real openzro-server on a free 127.0.0.1 port with a temp data folder, for the
// Node checks in tests/node/server-*.test.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

// OPENZRO_SERVER_BIN, else the newest build/*/server/openzro-server; null if none is built.
export function serverBinary() {
  if (process.env.OPENZRO_SERVER_BIN) return process.env.OPENZRO_SERVER_BIN;
  const build = join(root, 'build');
  if (!existsSync(build)) return null;
  const found = spawnSync('find', [build, '-maxdepth', '3', '-path', '*/server/openzro-server', '-type', 'f'], { encoding: 'utf8' });
  const candidates = found.stdout.split('\n').filter(Boolean).filter((p) => !p.includes('asan'));
  candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return candidates[0] ?? null;
}

export function tempDir(name) {
  return mkdtempSync(join(tmpdir(), `openzro-${name}-`));
}

// Resolves once the server printed its address; `stop()` sends SIGTERM, `kill()` SIGKILL.
// `accessLog`: keep the access log (stderr, read with `errors()`) on. `bin`: another build.
export async function startServer({ dataDir, args = [], accessLog = false, bin = serverBinary() }) {
  const tokenFile = join(dataDir, 'owner-token');
  const proc = spawn(bin, ['--listen', '127.0.0.1:0', '--data-dir', dataDir, '--token-file', tokenFile,
    ...(accessLog ? [] : ['--no-access-log']), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start: ${err}`)), 15000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/^openZro Admin: (http:\/\/127\.0\.0\.1:\d+)\/$/m);
      if (m && /^SCIM base URL: /m.test(out)) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    proc.on('exit', (code) => fail(new Error(`server exited with ${code}: ${err}`)));
  });
  const exited = new Promise((ok) => proc.on('exit', (code, signal) => ok({ code, signal })));
  return {
    base, proc, exited, output: () => out, errors: () => err,
    token: readFileSync(tokenFile, 'utf8').trim(),
    stop: () => { proc.kill('SIGTERM'); return exited; },
    kill: () => { proc.kill('SIGKILL'); return exited; },
  };
}

// Runs `body(server)` against a server on a fresh data folder, then stops it and removes the folder.
export async function withServer(args, body) {
  const dataDir = tempDir('server');
  const server = await startServer({ dataDir, args });
  try {
    await body(server);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Management API call with the owner's token; returns { status, headers, body }.
export async function api(server, method, path, body) {
  const res = await fetch(server.base + path, {
    method,
    headers: { Authorization: `Token ${server.token}`, Accept: 'application/json',
      ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

export function runOktaSim(args) {
  return spawnSync(join(root, 'scripts/okta-sim'), args, { encoding: 'utf8' });
}
