// Starts the real reference server (build/native) serving the real wasm build (build/wasm) on
// a free 127.0.0.1 port with a fresh data folder, and stops it afterwards.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
export const serverBin = process.env.OPENZRO_SERVER_BIN ||
  path.join(root, 'build/native/server/openzro-server');
export const webRoot = process.env.OPENZRO_WEB_ROOT || path.join(root, 'build/wasm/app');

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Resolves once the server printed its URL and sign-in link. `web` serves another folder.
// `restartOf` (a started server) starts again on its port and data folder, after its stop().
// `replicaOf` (a started server on a PostgreSQL --database) starts another replica of it: its
// data folder (the key file), another port; stop it with keepData, the first owns the folder.
export async function startServer({ args = [], web = webRoot, restartOf = null, replicaOf = null } = {}) {
  const dataDir = restartOf?.dataDir ?? replicaOf?.dataDir ??
    mkdtempSync(path.join(tmpdir(), 'openzro-test-'));
  const port = restartOf?.port ?? await freePort();
  const tokenFile = path.join(dataDir, 'owner-token');
  const child = spawn(serverBin, ['--listen', `127.0.0.1:${port}`, '--data-dir', dataDir,
    '--web-root', web, '--token-file', tokenFile, '--sign-in-link', ...args],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + output)), 15000);
    const onData = (chunk) => {
      output += chunk;
      const url = output.match(/^openZro Admin: (\S+)$/m);
      const signIn = output.match(/^Sign in: (\S+)$/m);
      if (url && signIn) {
        clearTimeout(timer);
        resolve({ signInUrl: signIn[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => { output += c; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${output}`)); });
  });
  const { signInUrl } = await ready;
  child.removeAllListeners('exit');
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    signInUrl,
    ownerToken: () => readFileSync(tokenFile, 'utf8').trim(),
    output: () => output,
    dataDir, port,
    // `keepData`: for a restart (startServer({ restartOf })), which then owns the folder.
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
