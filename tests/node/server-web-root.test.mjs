// The server's web root is the app's own folder (issue 12, point 18): the wasm build installs
// the app into build/wasm/app, which holds only what a browser loads, so build files (CMake
// scripts with absolute paths, objects, archives) can never be served.
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { webRoot } from '../browser/lib/server.mjs';
import { serverBinary, startServer, tempDir } from '../server/node/server-process.mjs';

const skip = serverBinary() ? false : 'openzro-server is not built';

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)));
}

test('the web root holds only the app, its element and the example host', () => {
  const allowed = /^(index\.html|openzro\.(js|wasm)|openzro-admin\.js|examples\/[\w.-]+\.(html|css|js)|examples\/vendor\/(oidc-client-ts\.min\.js|LICENSE))$/;
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
