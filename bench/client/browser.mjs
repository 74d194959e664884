// The wasm parse benchmark again, in headless Chromium instead of Node.js: the same
// client_parse_bench.js from the wasm build, served by the reference server from 127.0.0.1,
// its output read from the console. Usage: node bench/client/browser.mjs <wasm build dir> [users]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../../tests/browser/lib/browser.mjs';
import { startServer } from '../../tests/browser/lib/server.mjs';

const dir = path.resolve(process.argv[2] ?? 'build/wasm', 'bench/client');
const users = Number(process.argv[3] ?? 100000);
writeFileSync(path.join(dir, 'index.html'), `<!doctype html><script>
var Module = { arguments: ['${users}'], print: (t) => console.log(t),
               printErr: (t) => console.error(t) };
</script><script src="client_parse_bench.js"></script>`);

console.log('browser: "cpu" is performance.now() here (a page cannot read its CPU time)');
const server = await startServer({ web: dir });
const browser = await launchBrowser();
try {
  const tab = await browser.newPage();
  const done = new Promise((resolve, reject) => {
    tab.on('console', (m) => {
      if (!m.text().startsWith('wasm')) return;  // e.g. the page's missing favicon
      const line = m.text().replace(/^wasm/, 'browser');
      console.log(line);
      if (line.includes('targets:')) resolve();
    });
    tab.on('pageerror', reject);
  });
  await tab.goto(`${server.baseUrl}/`);
  await Promise.race([done, new Promise((_, reject) =>
    setTimeout(() => reject(new Error('no result in 120 s')), 120000))]);
} finally {
  await browser.close();
  await server.stop();
}
