// The README's run command, as a newcomer uses it: it prints a URL on 127.0.0.1, and the app
// renders there in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findItem, launchBrowser, newAppPage, outputDir } from './lib/browser.mjs';
import { freePort } from './lib/server.mjs';

const root = path.resolve(import.meta.dirname, '../..');

test('scripts/run serves the app at the URL it prints', { timeout: 600000 }, async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openzro-run-'));
  const port = await freePort();
  const child = spawn(path.join(root, 'scripts/run'), [], {
    env: { ...process.env, OPENZRO_LISTEN: `127.0.0.1:${port}`, OPENZRO_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,  // its own process group, so the test can stop everything it started
  });
  let output = '';
  child.stdout.on('data', (c) => { output += c; });
  child.stderr.on('data', (c) => { output += c; });
  const browser = await launchBrowser();
  try {
    const url = await new Promise((resolve, reject) => {
      const poll = setInterval(() => {
        const m = output.match(/^openZro Admin: (http:\/\/127\.0\.0\.1:\d+\/?)$/m);
        if (m) { clearInterval(poll); resolve(m[1]); }
      }, 100);
      child.once('exit', (code) => { clearInterval(poll); reject(new Error(`scripts/run exited ${code}:\n${output}`)); });
    });
    const signIn = output.match(/^Sign in: (http:\/\/127\.0\.0\.1:\d+\/auth\/one-time\?code=\S+)$/m);
    assert.ok(signIn, output);
    // A newcomer opens the sign-in link: it signs the browser in and opens the app.
    const page = await newAppPage(browser, { baseUrl: url.replace(/\/$/, '') });
    await page.goto(signIn[1]);
    assert.equal(new URL(page.url()).pathname, '/');
    await page.waitForFunction(() => window.openzroFrameCount && window.openzroFrameCount() > 0);
    await findItem(page, 'Integrations');
    await page.getByRole('heading', { name: 'Integrations' }).first().waitFor();
    assert.equal(await page.getByRole('heading', { name: 'You are signed out' }).count(), 0);
    await page.screenshot({ path: path.join(outputDir, 'run-command.png') });
  } finally {
    await browser.close();
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    rmSync(dataDir, { recursive: true, force: true });
  }
});
