// Several openzro-server replicas behind one PostgreSQL database: concurrent SCIM creates with
// racing duplicates, concurrent PATCHes of one resource, SIGKILL of a replica mid-burst, and a
// replica whose database goes away and comes back.
// Needs OPENZRO_TEST_POSTGRES (scripts/postgres start DIR prints one); without it these tests
// are skipped, except on CI (CI set) or with OPENZRO_REQUIRE_POSTGRES=1, where they fail.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  api, createTestDatabase, postgresRequired, root, serverBinary, startServer, tempDir, testPostgres,
} from '../server/node/server-process.mjs';

const postgres = testPostgres();
const skip = !serverBinary() ? 'openzro-server is not built'
  : !postgres && !postgresRequired()
    ? 'OPENZRO_TEST_POSTGRES is not set (scripts/postgres start DIR prints one; scripts/test sets it)'
    : false;

// Runs `body`, after checking PostgreSQL is there when it is required.
function pgTest(name, options, body) {
  test(name, { skip, ...options }, async (t) => {
    assert.ok(postgres, 'OPENZRO_TEST_POSTGRES is not set, and CI or OPENZRO_REQUIRE_POSTGRES=1 requires the PostgreSQL tests');
    await body(t);
  });
}

// Past the default per-address limit (128) a burst of 200 from 127.0.0.1 would evict idle
// keep-alive connections; the tests measure the database, not that limit.
const REPLICA_ARGS = ['--max-connections', '1024', '--max-connections-per-address', '512'];
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
after(() => agent.destroy());
const SCIM = '/api/scim/v2';
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

// One HTTP call on the keep-alive agent: { status, body } or, when no answer came (refused,
// reset), { status: 0, error }.
function call(base, method, path, { bearer, token, body, timeoutMs = 60000 } = {}) {
  const url = new URL(base + path);
  const payload = body ? JSON.stringify(body) : undefined;
  const headers = {
    Accept: bearer ? 'application/scim+json' : 'application/json',
    ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
    ...(token ? { Authorization: `Token ${token}` } : {}),
    ...(payload ? { 'Content-Type': bearer ? 'application/scim+json' : 'application/json',
      'Content-Length': Buffer.byteLength(payload) } : {}),
  };
  return new Promise((ok) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, agent, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { text += d; });
        res.on('error', (error) => ok({ status: 0, error }));
        res.on('end', () => {
          let parsed = null;
          try { parsed = text ? JSON.parse(text) : null; } catch { parsed = text; }
          ok({ status: res.statusCode, body: parsed });
        });
      });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', (error) => ok({ status: 0, error }));
    req.end(payload);
  });
}

// Runs `run(job)` for every job with `concurrency` in flight.
async function pool(jobs, concurrency, run) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, async () => {
    while (next < jobs.length) await run(jobs[next++]);
  }));
}

function scimUser(userName, i = 0) {
  return { schemas: [USER_SCHEMA], userName, name: { givenName: 'Replica', familyName: `User${i}` },
    emails: [{ primary: true, value: userName, type: 'work' }], displayName: `Replica User${i}`,
    locale: 'en-US', externalId: `00u${i}`, groups: [], password: 'Placeholder-1!', active: true };
}

const addMember = (user) => ({ schemas: [PATCH_SCHEMA],
  Operations: [{ op: 'add', path: 'members', value: [{ value: user.id, display: user.userName }] }] });

// Stops a server (SIGTERM, SIGKILL after 5 s); nothing if it already exited.
async function shutDown(server) {
  if (server.proc.exitCode !== null || server.proc.signalCode !== null) return;
  const timer = setTimeout(() => server.proc.kill('SIGKILL'), 5000);
  await server.stop();
  clearTimeout(timer);
}

// Cleanups run last-in first-out after the test, whatever its outcome.
function cleanups(t) {
  const list = [];
  t.after(async () => {
    const errors = [];
    for (const f of list.reverse()) {
      try { await f(); } catch (e) { errors.push(e); }
    }
    if (errors.length) throw errors[0];
  });
  return (f) => list.push(f);
}

// `count` replicas on a fresh database and data folder, the first started alone (it creates
// the owner and writes the token file), and an Okta SCIM integration: { servers, bearer, token }.
// `database`: a URL to use instead of a fresh database; `onEnd`: the test's cleanup list.
async function replicas(t, count, { database = null, onEnd = cleanups(t) } = {}) {
  let url = database;
  if (!url) {
    const db = createTestDatabase('openzro_replicas');
    onEnd(() => db.drop());
    url = db.url;
  }
  const dataDir = tempDir('replicas');
  onEnd(() => rmSync(dataDir, { recursive: true, force: true }));
  const servers = [];
  for (let i = 0; i < count; ++i) {
    const server = await startServer({ dataDir, database: url, args: REPLICA_ARGS });
    onEnd(() => shutDown(server));
    servers.push(server);
  }
  assert.ok(servers.every((s) => s.token === servers[0].token));
  const integration = await api(servers[0], 'POST', '/api/integrations/okta-scim-idp', { connection_name: 'okta' });
  assert.equal(integration.status, 200, JSON.stringify(integration.body));
  return { servers, bearer: integration.body.auth_token, token: servers[0].token };
}

// Every user of the integration through one replica, read in SCIM pages of 100, with the
// ListResponse's paging checked on each page: { total, users }.
async function listUsers(base, bearer) {
  const users = [];
  let total = null;
  for (let start = 1; total === null || start <= total; start += 100) {
    const page = await call(base, 'GET', `${SCIM}/Users?startIndex=${start}&count=100`, { bearer });
    assert.equal(page.status, 200, `page at ${start}: ${JSON.stringify(page.body)}`);
    const b = page.body;
    assert.equal(typeof b.totalResults, 'number');
    if (total === null) total = b.totalResults;
    assert.equal(b.totalResults, total, `totalResults changed between pages (${total} -> ${b.totalResults})`);
    assert.equal(b.startIndex, start);
    assert.equal(b.itemsPerPage, b.Resources.length);
    assert.equal(b.Resources.length, Math.min(100, total - start + 1), `page at ${start} of ${total}`);
    users.push(...b.Resources);
  }
  return { total: total ?? 0, users };
}

function assertDistinct(values, what) {
  const seen = new Set();
  const twice = values.filter((v) => seen.has(v) || !seen.add(v));
  assert.deepEqual(twice, [], `${what} listed twice`);
}

function tally(list) {
  const counts = {};
  for (const x of list) counts[x] = (counts[x] ?? 0) + 1;
  return counts;
}

pgTest('2,000 SCIM creates over two replicas, 200 in flight, and 100 duplicates raced on both', { timeout: 600000 }, async (t) => {
  const { servers: [a, b], bearer } = await replicas(t, 2);
  const SINGLES = 2000;
  const PAIRS = 100;
  // 2,000 distinct creates alternating A/B, and every 20th job a pair: one userName sent to
  // A and B at the same moment.
  const jobs = [];
  for (let i = 0; i < SINGLES; ++i) {
    jobs.push({ i, userName: `replica.user.${i}@example.com`, on: i % 2 ? b : a });
    if (i % (SINGLES / PAIRS) === SINGLES / PAIRS - 1) jobs.push({ pair: jobs.length, userName: `replica.pair.${jobs.length}@example.com` });
  }
  const statuses = [];
  const unexpected = [];
  const pairOutcomes = [];
  const created = new Map();  // userName -> id
  const record = (userName, replica, r) => {
    statuses.push(r.status);
    if (r.status === 201) {
      assert.equal(r.body.userName, userName);
      created.set(userName, r.body.id);
    } else if (r.status === 409) {
      if (r.body?.scimType !== 'uniqueness') unexpected.push({ userName, replica, status: 409, body: r.body });
    } else {
      unexpected.push({ userName, replica, status: r.status, body: r.body, error: r.error?.message });
    }
  };
  const started = Date.now();
  await pool(jobs, 200, async (job) => {
    if (job.pair === undefined) {
      record(job.userName, job.on === a ? 'A' : 'B', await call(job.on.base, 'POST', `${SCIM}/Users`, { bearer, body: scimUser(job.userName, job.i) }));
      return;
    }
    const both = await Promise.all([a, b].map((s) => call(s.base, 'POST', `${SCIM}/Users`, { bearer, body: scimUser(job.userName, job.pair) })));
    record(job.userName, 'A', both[0]);
    record(job.userName, 'B', both[1]);
    pairOutcomes.push({ userName: job.userName, statuses: both.map((r) => r.status) });
  });
  const seconds = (Date.now() - started) / 1000;
  t.diagnostic(`${statuses.length} creates in ${seconds.toFixed(1)} s (${(statuses.length / seconds).toFixed(0)}/s): ${JSON.stringify(tally(statuses))}`);

  assert.deepEqual(unexpected.slice(0, 5), [], `${unexpected.length} answers other than 201, or 409 uniqueness`);
  const badPairs = pairOutcomes.filter((p) => [...p.statuses].sort().join() !== '201,409');
  assert.deepEqual(badPairs.slice(0, 5), [], `${badPairs.length} of ${PAIRS} raced pairs did not answer one 201 and one 409`);
  assert.equal(statuses.filter((s) => s === 409).length, PAIRS);
  assert.equal(created.size, SINGLES + PAIRS);

  const fromA = await listUsers(a.base, bearer);
  const fromB = await listUsers(b.base, bearer);
  assert.equal(fromA.total, fromB.total, 'A and B disagree on totalResults');
  for (const listing of [fromA, fromB]) {
    assert.equal(listing.total, SINGLES + PAIRS);
    assertDistinct(listing.users.map((u) => u.userName.toLowerCase()), 'userName');
    assertDistinct(listing.users.map((u) => u.id), 'id');
    const listed = new Map(listing.users.map((u) => [u.userName, u.id]));
    const missing = [...created].filter(([name, id]) => listed.get(name) !== id).map(([name]) => name);
    const extra = [...listed.keys()].filter((name) => !created.has(name));
    assert.deepEqual({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }, { missing: [], extra: [] },
      `${missing.length} created users missing from the listing, ${extra.length} listed that were not created`);
  }
});

pgTest('PATCHes on one user and on one group from two replicas lose no update', { timeout: 300000 }, async (t) => {
  const { servers: [a, b], bearer } = await replicas(t, 2);
  const on = (i) => (i % 2 ? b : a).base;
  const N = 100;
  const made = async (r, what) => {
    assert.equal(r.status, 201, `${what}: ${JSON.stringify(r.body ?? r.error?.message)}`);
    return r.body;
  };
  const patchedOk = (results, what) => {
    const bad = results.map((r, i) => ({ i, status: r.status, body: r.body ?? r.error?.message }))
      .filter((r) => r.status !== 200 && r.status !== 204);
    assert.deepEqual(bad.slice(0, 5), [], `${bad.length} of ${results.length} ${what} PATCHes failed`);
  };

  // One user joins 100 groups at once, each PATCH /Groups/{id} through A or B.
  const user = await made(await call(a.base, 'POST', `${SCIM}/Users`, { bearer, body: scimUser('patched.user@example.com') }), 'user');
  const groups = [];
  await pool(Array.from({ length: N }, (_, i) => i), 20, async (i) => {
    groups[i] = await made(await call(on(i), 'POST', `${SCIM}/Groups`,
      { bearer, body: { schemas: [GROUP_SCHEMA], displayName: `replica-group-${i}`, members: [] } }), `group ${i}`);
  });
  patchedOk(await Promise.all(groups.map((g, i) => call(on(i), 'PATCH', `${SCIM}/Groups/${g.id}`, { bearer, body: addMember(user) }))),
    'one-user');
  // Reads `path` through A and B, handing each body to `check(body, name)`.
  const throughBoth = async (path, check) => {
    for (const [name, s] of [['A', a], ['B', b]]) {
      const read = await call(s.base, 'GET', path, { bearer });
      assert.equal(read.status, 200);
      check(read.body, name);
    }
  };
  const groupIds = groups.map((g) => g.id).sort();
  await throughBoth(`${SCIM}/Users/${user.id}`, (body, name) => assert.deepEqual(
    (body.groups ?? []).map((g) => g.value).sort(), groupIds, `the user's groups through ${name}`));

  // 100 users join one group at once: each PATCH reads, changes and writes the same group.
  const group = await made(await call(b.base, 'POST', `${SCIM}/Groups`,
    { bearer, body: { schemas: [GROUP_SCHEMA], displayName: 'replica-shared-group', members: [] } }), 'shared group');
  const members = [];
  await pool(Array.from({ length: N }, (_, i) => i), 20, async (i) => {
    members[i] = await made(await call(on(i), 'POST', `${SCIM}/Users`, { bearer, body: scimUser(`member.${i}@example.com`, i) }), `member ${i}`);
  });
  patchedOk(await Promise.all(members.map((u, i) => call(on(i), 'PATCH', `${SCIM}/Groups/${group.id}`, { bearer, body: addMember(u) }))),
    'one-group');
  const memberIds = members.map((u) => u.id).sort();
  await throughBoth(`${SCIM}/Groups/${group.id}`, (body, name) => {
    const listed = (body.members ?? []).map((m) => m.value).sort();
    assert.equal(listed.length, N, `the group has ${listed.length} of ${N} members through ${name}`);
    assert.deepEqual(listed, memberIds);
  });
});

pgTest('SIGKILL of one replica mid-burst loses no acknowledged write', { timeout: 300000 }, async (t) => {
  const { servers: [a, b], bearer } = await replicas(t, 2);
  const TOTAL = 1000;
  const KILL_AFTER = 300;
  const acknowledged = new Map();  // userName -> id
  const lost = [];                 // creates sent to A that got no answer
  const unexpected = [];
  let killed = null;
  const jobs = Array.from({ length: TOTAL }, (_, i) => ({ i, userName: `burst.user.${i}@example.com` }));
  await pool(jobs, 100, async (job) => {
    const target = !killed && job.i % 2 === 0 ? a : b;
    const r = await call(target.base, 'POST', `${SCIM}/Users`, { bearer, body: scimUser(job.userName, job.i) });
    if (r.status === 201) {
      acknowledged.set(job.userName, r.body.id);
      if (!killed && acknowledged.size >= KILL_AFTER) killed = a.kill();
    } else if (r.status === 0 && target === a && killed) {
      lost.push(job);
    } else {
      unexpected.push({ userName: job.userName, replica: target === a ? 'A' : 'B', status: r.status, body: r.body, error: r.error?.message });
    }
  });
  assert.ok(killed, 'replica A was never killed');
  assert.equal((await killed).signal, 'SIGKILL');
  assert.deepEqual(unexpected.slice(0, 5), [], `${unexpected.length} unexpected answers`);
  // A client resends what got no answer: to B now, which knows it (409) if A committed it.
  const resent = [];
  for (const job of lost) {
    const r = await call(b.base, 'POST', `${SCIM}/Users`, { bearer, body: scimUser(job.userName, job.i) });
    resent.push(r.status);
    assert.ok(r.status === 201 || (r.status === 409 && r.body?.scimType === 'uniqueness'),
      `resending ${job.userName} to B: ${r.status} ${JSON.stringify(r.body ?? r.error?.message)}`);
  }
  t.diagnostic(`${acknowledged.size} acknowledged before the resends, ${lost.length} without an answer from the killed A; resent to B: ${JSON.stringify(tally(resent))}`);

  const { total, users } = await listUsers(b.base, bearer);
  assertDistinct(users.map((u) => u.userName.toLowerCase()), 'userName');
  assertDistinct(users.map((u) => u.id), 'id');
  const listed = new Map(users.map((u) => [u.userName, u.id]));
  const missing = [...acknowledged].filter(([name, id]) => listed.get(name) !== id).map(([name]) => name);
  assert.deepEqual(missing.slice(0, 5), [], `${missing.length} acknowledged creates are missing`);
  assert.equal(total, TOTAL, 'after the resends every userName is there once');
});

// The cluster of `dir` (scripts/postgres start) stopped or started again, as its OS user.
function pgCtl(dir, action) {
  const data = join(dir, 'data');
  const args = ['-D', data, '-w', '-t', '60', ...(action === 'stop' ? ['-m', 'fast', 'stop'] : ['-l', join(dir, 'log'), 'start'])];
  const owner = statSync(data).uid;
  const pgctl = '/usr/lib/postgresql/15/bin/pg_ctl';
  const r = owner === process.getuid() ? spawnSync(pgctl, args, { encoding: 'utf8' })
    : spawnSync('runuser', ['-u', String(spawnSync('id', ['-nu', String(owner)], { encoding: 'utf8' }).stdout.trim()), '--', pgctl, ...args],
      { encoding: 'utf8', cwd: '/' });
  assert.equal(r.status, 0, `pg_ctl ${action}: ${r.stdout}${r.stderr}`);
}

pgTest('a replica that loses its database answers 503 and recovers', { timeout: 180000 }, async (t) => {
  // A cluster of its own: the shared one must stay up for the other tests.
  const script = join(root, 'scripts/postgres');
  assert.ok(existsSync(script), 'scripts/postgres is missing');
  const dir = tempDir('pg-outage');
  const onEnd = cleanups(t);
  // Last in the list, so it runs after the replica stopped.
  onEnd(() => {
    const stopped = spawnSync(script, ['stop', dir], { encoding: 'utf8', timeout: 120000 });
    assert.equal(stopped.status, 0, `scripts/postgres stop ${dir}: ${stopped.stderr}`);
  });
  const started = spawnSync(script, ['start', dir], { encoding: 'utf8', timeout: 180000 });
  assert.equal(started.status, 0, started.stderr);
  const url = started.stdout.trim().split('\n').pop();
  const { servers: [server], bearer, token } = await replicas(t, 1, { database: url, onEnd });
  const before = await call(server.base, 'POST', `${SCIM}/Users`, { bearer, body: scimUser('outage.user@example.com') });
  assert.equal(before.status, 201, JSON.stringify(before.body));

  pgCtl(dir, 'stop');
  const scimDown = await call(server.base, 'GET', `${SCIM}/Users?startIndex=1&count=100`, { bearer, timeoutMs: 30000 });
  assert.equal(scimDown.status, 503, `SCIM GET /Users with the database down: ${scimDown.status} ${JSON.stringify(scimDown.body ?? scimDown.error?.message)}`);
  assert.ok(scimDown.body?.schemas?.includes(ERROR_SCHEMA), JSON.stringify(scimDown.body));
  assert.equal(scimDown.body.status, '503');
  assert.ok(scimDown.body.detail, 'the SCIM error has a detail');
  const createDown = await call(server.base, 'POST', `${SCIM}/Users`, { bearer, body: scimUser('during.outage@example.com'), timeoutMs: 30000 });
  assert.equal(createDown.status, 503, `SCIM POST /Users with the database down: ${createDown.status} ${JSON.stringify(createDown.body ?? createDown.error?.message)}`);
  const apiDown = await call(server.base, 'GET', '/api/users', { token, timeoutMs: 30000 });
  assert.equal(apiDown.status, 503, `GET /api/users with the database down: ${apiDown.status} ${JSON.stringify(apiDown.body ?? apiDown.error?.message)}`);
  assert.equal(server.proc.exitCode, null, 'the replica keeps running without its database');

  pgCtl(dir, 'start');
  const restarted = Date.now();
  let scimUp;
  do {
    await new Promise((ok) => setTimeout(ok, 200));
    scimUp = await call(server.base, 'GET', `${SCIM}/Users?startIndex=1&count=100`, { bearer, timeoutMs: 30000 });
  } while (scimUp.status !== 200 && Date.now() - restarted < 10000);
  t.diagnostic(`SCIM answered ${scimUp.status} ${Date.now() - restarted} ms after the cluster was back`);
  assert.equal(scimUp.status, 200, `SCIM GET /Users 10 s after the database came back: ${scimUp.status} ${JSON.stringify(scimUp.body ?? scimUp.error?.message)}`);
  assert.deepEqual(scimUp.body.Resources.map((u) => u.userName), ['outage.user@example.com']);
  const apiUp = await call(server.base, 'GET', '/api/users', { token });
  assert.equal(apiUp.status, 200, JSON.stringify(apiUp.body));
  assert.ok(apiUp.body.some((u) => u.email === 'outage.user@example.com'), JSON.stringify(apiUp.body.map((u) => u.email)));
});
