// The wasm parse benchmark again, in headless Chromium instead of Node.js: the same
// client_parse_bench.js from the wasm build, served from 127.0.0.1, its output read from the
// console. Usage: node bench/client/browser.mjs <wasm build dir> [users]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from '../../tests/browser/lib/browser.mjs';

const dir = path.resolve(process.argv[2] ?? 'build/wasm', 'bench/client');
const users = process.argv[3] ?? '100000';
const page = `<!doctype html><script>
var Module = { arguments: ['${Number(users)}'], print: (t) => console.log(t),
               printErr: (t) => console.error(t) };
</script><script src="client_parse_bench.js"></script>`;
const types = { '.js': 'text/javascript', '.wasm': 'application/wasm' };

const server = createServer(async (req, res) => {
  const name = path.basename(new URL(req.url, 'http://x').pathname);
  if (name === '' || name === 'index.html') {
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
    return;
  }
  try {
    const body = await readFile(path.join(dir, name));
    res.writeHead(200, { 'Content-Type': types[path.extname(name)] ?? 'application/octet-stream' })
      .end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
console.log('browser: "cpu" is performance.now() here (a page cannot read its CPU time)');
const browser = await launchBrowser();
try {
  const tab = await browser.newPage();
  const done = new Promise((resolve, reject) => {
    tab.on('console', (m) => {
      const line = m.text().replace(/^wasm/, 'browser');
      console.log(line);
      if (line.includes('targets:')) resolve();
    });
    tab.on('pageerror', reject);
  });
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await Promise.race([done, new Promise((_, reject) =>
    setTimeout(() => reject(new Error('no result in 120 s')), 120000))]);
} finally {
  await browser.close();
  server.close();
}
