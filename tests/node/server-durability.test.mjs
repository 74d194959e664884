// Restart keeps all data: the server is SIGKILLed in the middle of an okta-sim run; after a
// restart every request that got a 2xx answer is still there and integrity_check passes.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { api, root, serverBinary, startServer, tempDir } from '../server/node/server-process.mjs';

const skip = serverBinary() ? false : 'openzro-server is not built';

function readJournal(path) {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

async function waitFor(check, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  return false;
}

for (const style of ['patch', 'put']) {
  test(`SIGKILL mid okta-sim (${style} style) loses no acknowledged change`, { skip, timeout: 120000 }, async () => {
    const dataDir = tempDir('durability');
    const journal = join(dataDir, 'journal.jsonl');
    let server = await startServer({ dataDir });
    try {
      const created = await api(server, 'POST', '/api/integrations/okta-scim-idp', { connection_name: 'okta' });
      const scimToken = created.body.auth_token;
      const sim = spawn(join(root, 'scripts/okta-sim'), ['--base-url', `${server.base}/api/scim/v2`, '--token', scimToken,
        '--users', '400', '--groups', '4', '--style', style, '--journal', journal, '--quiet'], { stdio: 'ignore' });
      const simExit = new Promise((ok) => sim.on('exit', (code) => ok(code)));
      // Kill once users, groups and some state changes are acknowledged.
      const reached = await waitFor(() => {
        try {
          return readJournal(journal).some((e) => e.phase === 'done' && e.kind === 'profile');
        } catch {
          return false;
        }
      }, 90000);
      assert.ok(reached, 'okta-sim never reached the profile updates');
      await server.kill();
      assert.notEqual(await simExit, 0, 'okta-sim must notice the dead server');

      const check = spawnSync(serverBinary(), ['--data-dir', dataDir, '--check-db'], { encoding: 'utf8' });
      assert.equal(check.status, 0, check.stdout + check.stderr);
      assert.match(check.stdout, /integrity_check: ok/);

      server = await startServer({ dataDir });
      const entries = readJournal(journal);
      const sent = entries.filter((e) => e.phase === 'sent');
      const inFlight = sent[sent.length - 1];
      const acknowledged = entries.filter((e) => e.phase === 'done' && e.seq !== inFlight.seq);
      const scim = async (path) => {
        const res = await fetch(`${server.base}/api/scim/v2${path}`, { headers: { Authorization: `Bearer ${scimToken}` } });
        return { status: res.status, body: await res.json() };
      };
      // The one request without an answer may or may not have landed: its resource is not judged.
      const inFlightPath = inFlight.path;
      let users = 0;
      let groups = 0;
      const lastState = new Map();
      for (const e of acknowledged) {
        if (e.kind === 'user') users++;
        if (e.kind === 'group') groups++;
        if (e.kind === 'active' || e.kind === 'members') lastState.set(e.kind === 'active' ? e.userId : e.groupId, e);
        if (e.kind === 'user') {
          const res = await scim(`/Users/${e.id}`);
          assert.equal(res.status, 200, `user ${e.userName} lost`);
          assert.equal(res.body.userName, e.userName);
        }
        if (e.kind === 'group') assert.equal((await scim(`/Groups/${e.id}`)).status, 200, `group ${e.displayName} lost`);
      }
      for (const [id, e] of lastState) {
        if (inFlightPath.endsWith(id)) continue;
        if (e.kind === 'active') assert.equal((await scim(`/Users/${id}`)).body.active, e.active, `user ${id} state lost`);
        else assert.deepEqual((await scim(`/Groups/${id}`)).body.members.map((m) => m.value).sort(), [...e.members].sort());
      }
      assert.ok(users > 0 && groups === 4, `users ${users}, groups ${groups}`);
      const listed = await api(server, 'GET', '/api/users?service_user=false');
      assert.ok(listed.body.filter((u) => u.issued === 'integration').length >= users);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
