// The server's web root is the app's own folder (issue 12, point 18): the wasm build installs
// the app into build/wasm/app, which holds only what a browser loads, so build files (CMake
// scripts with absolute paths, objects, archives) can never be served.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { webRoot } from '../browser/lib/server.mjs';
import { serverBinary, startServer, tempDir } from '../server/node/server-process.mjs';

const skip = serverBinary() ? false : 'openzro-server is not built';

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)));
}

test('the web root holds only the app, its element and the example host', () => {
  const allowed = /^((index\.html|openzro\.(js|wasm)|openzro-admin\.js)(\.br|\.gz)?|examples\/[\w.-]+\.(html|css|js)|examples\/vendor\/(oidc-client-ts\.min\.js|LICENSE))$/;
  const files = filesUnder(webRoot);
  assert.ok(files.includes('index.html') && files.includes('openzro.wasm'), files.join('\n'));
  assert.deepEqual(files.filter((f) => !allowed.test(f)), [], 'files in the web root that are not the app');
});

test('build files are not served, and every answer carries the security headers', { skip, timeout: 60000 }, async () => {
  const dataDir = tempDir('web-root');
  const server = await startServer({ dataDir, args: ['--web-root', webRoot] });
  try {
    // What the web root held when it was CMake's build folder for web/.
    for (const probe of ['/cmake_install.cmake', '/CMakeFiles/openzro.dir/main.cpp.o',
      '/CMakeFiles/openzro.dir/link.txt', '/libimgui_opengl3.a', '/../CMakeCache.txt',
      '/%2e%2e/CMakeCache.txt']) {
      const res = await fetch(server.base + probe);
      assert.equal(res.status, 404, probe);
    }
    const page = await fetch(server.base + '/');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

// The raw answer, undecoded (fetch() would decode it and hide what was sent).
function rawGet(base, pathname, acceptEncoding) {
  return new Promise((resolve, reject) => {
    http.get(base + pathname, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('the app is sent as the build compressed it: Brotli when accepted, else gzip', { skip, timeout: 60000 }, async () => {
  const dataDir = tempDir('web-root');
  const server = await startServer({ dataDir, args: ['--web-root', webRoot] });
  try {
    for (const file of ['openzro.wasm', 'openzro.js', 'index.html']) {
      const original = readFileSync(path.join(webRoot, file));
      const br = await rawGet(server.base, '/' + file, 'gzip, deflate, br');
      assert.equal(br.headers['content-encoding'], 'br', file);
      assert.deepEqual(br.body, readFileSync(path.join(webRoot, file + '.br')), file);
      assert.ok(brotliDecompressSync(br.body).equals(original), file);
      const gz = await rawGet(server.base, '/' + file, 'gzip');
      assert.equal(gz.headers['content-encoding'], 'gzip', file);
      assert.deepEqual(gz.body, readFileSync(path.join(webRoot, file + '.gz')), file);
      assert.ok(gunzipSync(gz.body).equals(original), file);
      assert.equal(gz.headers.vary, 'Accept-Encoding');
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
