// The download weight of the standalone app (wasm + JS + page; fonts are inside the wasm),
// gzip-compressed as the server sends it: at most 450 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const webRoot = process.env.OPENZRO_WEB_ROOT ||
  path.resolve(import.meta.dirname, '../../build/wasm/app');
const BUDGET = 450 * 1024;

test('the shell downloads at most 450 KB gzip', () => {
  let total = 0;
  for (const file of ['index.html', 'openzro.js', 'openzro.wasm']) {
    const size = gzipSync(readFileSync(path.join(webRoot, file)), { level: 9 }).length;
    console.log(`${file}: ${(size / 1024).toFixed(1)} KB gzip`);
    total += size;
  }
  console.log(`total: ${(total / 1024).toFixed(1)} KB gzip of ${BUDGET / 1024} KB`);
  assert.ok(total <= BUDGET, `download weight ${total} B exceeds ${BUDGET} B`);
});
