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
// `database`: a postgresql:// URL (--database); replicas of one account share it and `dataDir`
// (start the first alone: it creates the owner and writes the token file the others read).
export async function startServer({ dataDir, args = [], accessLog = false, bin = serverBinary(), database }) {
  const tokenFile = join(dataDir, 'owner-token');
  const proc = spawn(bin, ['--listen', '127.0.0.1:0', '--data-dir', dataDir, '--token-file', tokenFile,
    ...(database ? ['--database', database] : []),
    ...(accessLog ? [] : ['--no-access-log']), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      fail(new Error(`server did not start: ${err}`));
    }, 15000);
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

// [PostgreSQL] OPENZRO_TEST_POSTGRES: the libpq URI of a database in a throwaway cluster
// (scripts/postgres start DIR prints one) whose role may create databases. Each test makes its
// own database next to that one and drops it at the end.
export const testPostgres = () => process.env.OPENZRO_TEST_POSTGRES || null;

// Whether tests that need PostgreSQL must run: on CI (CI set) and with OPENZRO_REQUIRE_POSTGRES=1
// a missing OPENZRO_TEST_POSTGRES is a failure, not a skip.
export function postgresRequired() {
  const ci = process.env.CI;
  return (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false')
    || process.env.OPENZRO_REQUIRE_POSTGRES === '1';
}

// `uri` with its database (the path segment) replaced by `database`; query and host are kept.
export function databaseUrl(uri, database) {
  const m = uri.match(/^(postgres(?:ql)?:\/\/[^/?#]*)(\/[^?#]*)?([?#].*)?$/);
  if (!m) throw new Error(`not a postgresql:// URI: ${uri}`);
  return `${m[1]}/${encodeURIComponent(database)}${m[3] ?? ''}`;
}

// Runs `sql` with psql against `uri`; its rows, unaligned (throws on failure).
export function psql(uri, sql) {
  const r = spawnSync('psql', [uri, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8', timeout: 60000 });
  if (r.error) throw new Error(`psql: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`psql ${sql}: ${r.stderr.trim()}`);
  return r.stdout;
}

let databases = 0;
// Creates a fresh database in the cluster of `base` (OPENZRO_TEST_POSTGRES unless given):
// { name, url, drop() }.
export function createTestDatabase(prefix = 'openzro_t', base = testPostgres()) {
  if (!base) throw new Error('OPENZRO_TEST_POSTGRES is not set');
  const name = `${prefix}_${process.pid}_${++databases}_${Date.now().toString(36)}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  psql(base, `CREATE DATABASE ${name}`);
  return { name, url: databaseUrl(base, name), drop: () => dropTestDatabase(name, base) };
}

// Drops `name`, closing the connections still open to it.
export function dropTestDatabase(name, base = testPostgres()) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  psql(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
