// What the accessibility mirror costs per frame while scrolling the Team > Users table with
// 100,000 users, in headless Chromium against the real server (target: under 1 ms).
import { launchBrowser, newAppPage } from '../../tests/browser/lib/browser.mjs';
import { startServer } from '../../tests/browser/lib/server.mjs';

const users = Number(process.argv[2] || 100000);
const server = await startServer({ args: ['--seed-users', String(users)] });
const browser = await launchBrowser();
try {
  const page = await newAppPage(browser, { server, hash: '#/team/users' });
  // The table is there once the frame shows many rows.
  await page.waitForFunction(() => window.openzroItems().length > 20, null, { timeout: 120000 });
  const samples = [];
  for (let i = 0; i < 120; i++) {
    await page.mouse.move(700, 500);
    await page.mouse.wheel(0, i % 40 < 20 ? 240 : -240);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    samples.push(await page.evaluate(() => window.openzroMirrorMs()));
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  const nodes = await page.evaluate(() => document.querySelectorAll('[data-openzro-mirror] *').length);
  console.log(`mirror    ${users} users, ${nodes} mirror nodes on screen`);
  console.log(`mirror    per frame while scrolling: p50 ${at(0.5).toFixed(3)} ms, ` +
    `p95 ${at(0.95).toFixed(3)} ms, max ${samples[samples.length - 1].toFixed(3)} ms (target < 1 ms)`);
} finally {
  await browser.close();
  await server.stop();
}
