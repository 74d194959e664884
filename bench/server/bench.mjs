// SCIM create and list throughput and latency, and GET /api/users with many users:
// openzro-server against npm scimmy + scimmy-routers on express, same requests, same machine.
// Then SCIM creates by storage: SQLite, PostgreSQL with one replica, and two replicas of one
// account on one PostgreSQL database (OPENZRO_TEST_POSTGRES; bench/server/run starts a cluster).
import { spawn } from 'node:child_process';
import http from 'node:http';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, createTestDatabase, psql, startServer, tempDir, testPostgres } from '../../tests/server/node/server-process.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const USERS = Number(process.env.BENCH_USERS ?? 10000);
const LIST_USERS = Number(process.env.BENCH_LIST_USERS ?? 100000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const LIST_REPEATS = 10;
const LIST_BUDGET_MS = 30000;
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function request(base, method, path, headers, body) {
  const url = new URL(base + path);
  const payload = body ? JSON.stringify(body) : undefined;
  return new Promise((ok, fail) => {
    const started = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method, agent,
      headers: { ...headers, ...(payload ? { 'Content-Type': 'application/scim+json', 'Content-Length': Buffer.byteLength(payload) } : {}) } },
    (res) => {
      let size = 0;
      res.on('data', (d) => { size += d.length; });
      res.on('end', () => ok({ status: res.statusCode, size, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on('error', fail);
    req.end(payload);
  });
}

// Runs up to `count` calls with `concurrency` in flight, starting none after `budgetMs`;
// fails on any unexpected status.
async function load(count, call, expected, { concurrency = CONCURRENCY, budgetMs = Infinity } = {}) {
  const latencies = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + budgetMs;
  const worker = async () => {
    while (next < count && Date.now() < deadline) {
      const i = next++;
      const r = await call(i);
      if (r.status !== expected) throw new Error(`request ${i}: status ${r.status}`);
      latencies.push(r.ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.floor(q * (latencies.length - 1))];
  return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), n: latencies.length };
}

function oktaUser(i) {
  const userName = `bench.user.${i}@example.com`;
  return { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName,
    name: { givenName: 'Bench', familyName: `User${i}` }, emails: [{ primary: true, value: userName, type: 'work' }],
    displayName: `Bench User${i}`, locale: 'en-US', externalId: `00u${i}`, groups: [], password: 'Placeholder-1!', active: true };
}

const scimHeaders = (bearer) => ({ Authorization: `Bearer ${bearer}`, Accept: 'application/scim+json' });

// USERS creates, spread round-robin over the servers at `bases`.
function createPhase(bases, bearer) {
  const headers = scimHeaders(bearer);
  return load(USERS, (i) => request(bases[i % bases.length], 'POST', '/api/scim/v2/Users', headers, oktaUser(i)), 201);
}

async function scimPhases(base, bearer) {
  const headers = scimHeaders(bearer);
  const create = await createPhase([base], bearer);
  // Import reads pages one after another, as Okta does; a slow server gets a time budget.
  const pages = Math.ceil(USERS / 100);
  const list = await load(pages, (i) => request(base, 'GET', `/api/scim/v2/Users?startIndex=${i * 100 + 1}&count=100`, headers), 200,
    { concurrency: 1, budgetMs: LIST_BUDGET_MS });
  return { create, list };
}

async function listPhase(base, authorization) {
  return load(LIST_REPEATS, () => request(base, 'GET', '/api/users', { Authorization: authorization, Accept: 'application/json' }), 200);
}

async function startScimmy(seed) {
  const proc = spawn(process.execPath, [join(here, 'scimmy-server.mjs'), '--seed-users', String(seed)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((ok, fail) => {
    proc.stdout.on('data', (d) => { const m = String(d).match(/listening (\d+)/); if (m) ok(m[1]); });
    proc.on('exit', (code) => fail(new Error(`scimmy server exited ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => new Promise((ok) => { proc.on('exit', ok); proc.kill('SIGTERM'); }) };
}

// `body(bases, bearer)` against `replicas` servers of one account (one data folder, and with
// `database` one PostgreSQL database; the first started alone creates the owner) with an Okta
// SCIM integration; then stops them and removes the folder.
async function withOpenzro({ bin = undefined, database = undefined, replicas = 1 }, body) {
  const dataDir = tempDir('bench');
  const servers = [];
  try {
    for (let i = 0; i < replicas; ++i) servers.push(await startServer({ dataDir, bin, database }));
    const integration = await api(servers[0], 'POST', '/api/integrations/okta-scim-idp', { connection_name: 'bench' });
    return await body(servers.map((s) => s.base), integration.body.auth_token);
  } finally {
    for (const server of servers) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function openzroScim(bin = undefined) {
  return withOpenzro({ bin }, ([base], bearer) => scimPhases(base, bearer));
}

// SCIM creates on SQLite, on a fresh PostgreSQL database with one replica and with two;
// interleaved (SQLite, 1, 2, SQLite, 1, 2) so the machine's noise falls on all three, the
// better of two runs each.
async function storagePhases(postgres) {
  const onPostgres = async (replicas) => {
    const db = createTestDatabase('openzro_bench', postgres);
    try {
      return await withOpenzro({ database: db.url, replicas }, createPhase);
    } finally {
      db.drop();
    }
  };
  const runs = { sqlite: [], pg1: [], pg2: [] };
  for (let i = 0; i < 2; ++i) {
    runs.sqlite.push(await withOpenzro({}, createPhase));
    runs.pg1.push(await onPostgres(1));
    runs.pg2.push(await onPostgres(2));
  }
  const best = (list) => [...list].sort((a, b) => b.rps - a.rps)[0];
  const settings = psql(postgres, "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings "
    + "WHERE name IN ('fsync', 'synchronous_commit', 'server_version')").trim();
  return { sqlite: best(runs.sqlite), pg1: best(runs.pg1), pg2: best(runs.pg2), settings };
}

async function openzroList() {
  const dataDir = tempDir('bench-list');
  const server = await startServer({ dataDir, args: ['--seed-users', String(LIST_USERS)] });
  try {
    return await listPhase(server.base, `Token ${server.token}`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function scimmyScim() {
  const s = await startScimmy(0);
  try { return await scimPhases(s.base, 'bench-token'); } finally { await s.stop(); }
}

async function scimmyList() {
  const s = await startScimmy(LIST_USERS);
  try { return await listPhase(s.base, 'Token bench-token'); } finally { await s.stop(); }
}

const fmt = (n, digits = 1) => n.toFixed(digits).padStart(10);
function row(label, ours, theirs, unit, higherIsBetter) {
  const ratio = higherIsBetter ? ours / theirs : theirs / ours;
  console.log(`${label.padEnd(60)}${fmt(ours)} ${unit.padEnd(6)}${fmt(theirs)} ${unit.padEnd(6)}   x${ratio.toFixed(2)}`);
}
function rows(label, ours, theirs) {
  if (ours.n !== theirs.n) console.log(`${label}: openzro-server answered ${ours.n}, scimmy ${theirs.n} requests in the time budget`);
  row(`${label}: throughput`, ours.rps, theirs.rps, 'req/s', true);
  row(`${label}: p50 latency`, ours.p50, theirs.p50, 'ms', false);
  row(`${label}: p99 latency`, ours.p99, theirs.p99, 'ms', false);
}

// BENCH_BASELINE_BIN (bench/server/run --baseline REV): the SCIM phases of this build against
// another one, interleaved (ours, baseline, ours, baseline) so the machine's noise falls on both;
// the better of two runs each.
const BASELINE = process.env.BENCH_BASELINE_BIN;
let baseline = null;
if (BASELINE) {
  const runs = { ours: [], base: [] };
  for (let i = 0; i < 2; ++i) {
    runs.ours.push(await openzroScim());
    runs.base.push(await openzroScim(BASELINE));
  }
  const best = (list, phase) => list.map((r) => r[phase]).sort((a, b) => b.rps - a.rps)[0];
  baseline = ['create', 'list'].map((phase) => [phase, best(runs.ours, phase), best(runs.base, phase)]);
}

const results = { ours: await openzroScim(), theirs: await scimmyScim() };
const lists = { ours: await openzroList(), theirs: await scimmyList() };
const POSTGRES = testPostgres();
const storage = POSTGRES ? await storagePhases(POSTGRES) : null;
console.log(`bench/server: 127.0.0.1, ${CONCURRENCY} requests in flight unless sequential; ratio = how many times better openzro-server is`);
console.log(`${''.padEnd(60)}${'openzro-server'.padStart(17)}${'scimmy+express'.padStart(17)}   ratio`);
rows(`SCIM POST /Users (${USERS} users)`, results.ours.create, results.theirs.create);
rows(`SCIM GET /Users pages of 100 (${USERS} users, sequential)`, results.ours.list, results.theirs.list);
rows(`GET /api/users (${LIST_USERS} users, ${LIST_REPEATS}x)`, lists.ours, lists.theirs);
if (baseline) {
  console.log(`\nbench/server: this build against the baseline ${process.env.BENCH_BASELINE_REV ?? BASELINE} (best of 2 each, interleaved); ratio = this / baseline throughput`);
  console.log(`${''.padEnd(60)}${'this build'.padStart(17)}${'baseline'.padStart(17)}   ratio`);
  const names = { create: `SCIM POST /Users (${USERS} users)`, list: `SCIM GET /Users pages of 100 (${USERS} users, sequential)` };
  for (const [phase, ours, base] of baseline) rows(names[phase], ours, base);
}
if (storage) {
  console.log(`\nbench/server: SCIM POST /Users by storage (${USERS} users, ${CONCURRENCY} requests in flight; two replicas: round-robin;`
    + ` best of 2 each, interleaved)\nSQLite: WAL, synchronous=NORMAL; PostgreSQL: ${storage.settings}`);
  console.log(`${''.padEnd(60)}${'creates/s'.padStart(10)}${'p50 ms'.padStart(11)}${'p99 ms'.padStart(11)}`);
  const line = (label, r) => console.log(`${label.padEnd(60)}${fmt(r.rps)}${fmt(r.p50, 2).padStart(11)}${fmt(r.p99, 2).padStart(11)}`);
  line('SQLite (one server)', storage.sqlite);
  line('PostgreSQL, 1 replica', storage.pg1);
  line('PostgreSQL, 2 replicas', storage.pg2);
  console.log(`ratio (creates/s): PostgreSQL 1 replica / SQLite x${(storage.pg1.rps / storage.sqlite.rps).toFixed(2)}, `
    + `2 replicas / 1 replica x${(storage.pg2.rps / storage.pg1.rps).toFixed(2)}`);
} else {
  console.log('\nbench/server: storage phase skipped: OPENZRO_TEST_POSTGRES is not set (bench/server/run starts a cluster)');
}
agent.destroy();
