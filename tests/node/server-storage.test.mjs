// The data folder belongs to one server: a second one refuses to start with a clear message,
// and a database that is empty or corrupt is refused at start-up (issue 12, points 13-14).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { serverBinary, startServer, tempDir } from '../server/node/server-process.mjs';

const skip = serverBinary() ? false : 'openzro-server is not built';

function startOnce(dataDir) {
  return spawnSync(serverBinary(), ['--listen', '127.0.0.1:0', '--data-dir', dataDir, '--no-access-log'],
    { encoding: 'utf8', timeout: 15000 });
}

test('a second server on the same data folder refuses to start', { skip, timeout: 60000 }, async () => {
  const dataDir = tempDir('lock');
  const server = await startServer({ dataDir });
  try {
    const second = startOnce(dataDir);
    assert.equal(second.error, undefined, 'the second server must exit, not serve');
    assert.notEqual(second.status, 0);
    assert.match(second.stderr, /another openzro-server/);
    assert.ok(second.stderr.includes(dataDir), second.stderr);
    // The lock goes with the process, even a killed one: the folder can be served again.
    await server.kill();
    const again = await startServer({ dataDir });
    await again.stop();
  } finally {
    server.proc.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('an empty database file is refused at start-up', { skip, timeout: 60000 }, () => {
  const dataDir = tempDir('empty-db');
  try {
    writeFileSync(join(dataDir, 'openzro.db'), '');
    const run = startOnce(dataDir);
    assert.equal(run.error, undefined, 'the server must exit, not serve');
    assert.notEqual(run.status, 0);
    assert.ok(run.stderr.includes(join(dataDir, 'openzro.db')), run.stderr);
    assert.doesNotMatch(run.stdout, /Account owner created/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
