// Prints what the browser downloads (gzip and Brotli, as the server sends them) and how many
// frames the app draws while idle.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { findItem, launchBrowser, newAppPage } from '../../tests/browser/lib/browser.mjs';
import { startServer, webRoot } from '../../tests/browser/lib/server.mjs';
import { GZIP_BUDGET, downloadWeight } from '../../tests/support/download-weight.mjs';

const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

// [SECTION] Download weight
const weight = downloadWeight(webRoot);
for (const f of weight.files)
  console.log(`download  ${f.name.padEnd(14)} ${kb(f.gzip).padStart(9)} gzip ${kb(f.brotli).padStart(9)} brotli`);
// Fonts are compiled into the wasm; their subset files show their share of it.
const fontDir = path.resolve(webRoot, '../ui');
for (const file of readdirSync(fontDir).filter((f) => f.endsWith('.font')))
  console.log(`  of which font ${file.padEnd(22)} ${kb(gz(path.join(fontDir, file))).padStart(9)} gzip`);
console.log(`download  total          ${kb(weight.gzip).padStart(9)} gzip ${kb(weight.brotli).padStart(9)} brotli ` +
  `(gzip budget ${kb(GZIP_BUDGET)}, ${(100 * weight.gzip / GZIP_BUDGET).toFixed(0)}%)`);

// [SECTION] Idle frames
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await newAppPage(browser, { server });
  await findItem(page, 'Integrations');
  await page.waitForTimeout(250);  // the frames that settle the first layout
  const atLoad = await page.evaluate(() => window.openzroFrameCount());
  await page.waitForTimeout(3000);
  const idle = (await page.evaluate(() => window.openzroFrameCount())) - atLoad;
  console.log(`frames    to first settled paint ${atLoad}`);
  console.log(`frames    in 3 s idle            ${idle} (target 0)`);
  if (idle !== 0) process.exitCode = 1;
} finally {
  await browser.close();
  await server.stop();
}
