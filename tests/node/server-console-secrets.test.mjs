// What the server prints on start is read by service logs and terminals (issue 12, point 17):
// with --token-file the owner's token goes to that file only, and a one-time sign-in link is
// printed only when asked for with --sign-in-link.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { serverBinary, tempDir } from '../server/node/server-process.mjs';

const skip = serverBinary() ? false : 'openzro-server is not built';

// Starts the server, waits for its address line, stops it; resolves to its stdout.
async function startAndStop(args) {
  const proc = spawn(serverBinary(), ['--listen', '127.0.0.1:0', '--no-access-log', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((ok) => proc.on('exit', ok));
  try {
    await new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`server did not start: ${err}`)), 15000);
      proc.stdout.on('data', (d) => {
        out += d;
        if (/^SCIM base URL: /m.test(out)) { clearTimeout(timer); ok(); }
      });
      proc.on('exit', (code) => { clearTimeout(timer); fail(new Error(`server exited ${code}: ${err}`)); });
    });
    const base = out.match(/^openZro Admin: (http:\/\/127\.0\.0\.1:\d+)\/$/m)[1];
    const link = out.match(/^Sign in: (\S+)$/m)?.[1];
    // The link, when printed, really signs the owner in (one time).
    const signedIn = link ? await fetch(link, { redirect: 'manual' }) : null;
    return { out, base, signedIn };
  } finally {
    proc.kill('SIGTERM');
    await exited;
  }
}

test('with --token-file the owner token is only in the file, and no sign-in link is printed unasked',
  { skip, timeout: 60000 }, async () => {
    const dataDir = tempDir('console');
    try {
      const tokenFile = join(dataDir, 'owner-token');
      const first = await startAndStop(['--data-dir', dataDir, '--token-file', tokenFile]);
      const token = readFileSync(tokenFile, 'utf8').trim();
      assert.ok(token.length > 20);
      assert.equal(statSync(tokenFile).mode & 0o777, 0o600);
      assert.ok(!first.out.includes(token), 'the owner token must not be printed:\n' + first.out);
      assert.match(first.out, /token written to /);
      assert.doesNotMatch(first.out, /one-time\?code=/);
      assert.match(first.out, /--sign-in-link/, 'says how to get a link');

      const asked = await startAndStop(['--data-dir', dataDir, '--sign-in-link']);
      assert.match(asked.out, /^Sign in: http:\/\/127\.0\.0\.1:\d+\/auth\/one-time\?code=\S+$/m);
      assert.equal(asked.signedIn.status, 302);
      assert.match(asked.signedIn.headers.get('set-cookie') ?? '', /HttpOnly/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

test('without --token-file the new owner token is shown once on the console',
  { skip, timeout: 60000 }, async () => {
    const dataDir = tempDir('console-once');
    try {
      const first = await startAndStop(['--data-dir', dataDir]);
      assert.match(first.out, /Personal access token \(shown once\): \S+/);
      const again = await startAndStop(['--data-dir', dataDir]);
      assert.doesNotMatch(again.out, /Personal access token/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
