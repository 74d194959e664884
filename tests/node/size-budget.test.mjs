// The download weight of the standalone app as the server sends it (tests/support/download-weight.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GZIP_BUDGET, downloadWeight } from '../support/download-weight.mjs';

const webRoot = process.env.OPENZRO_WEB_ROOT ||
  path.resolve(import.meta.dirname, '../../build/wasm/app');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test(`the shell downloads at most ${GZIP_BUDGET} bytes gzip`, () => {
  const weight = downloadWeight(webRoot);
  for (const f of weight.files) console.log(`${f.name}: ${kb(f.gzip)} gzip, ${kb(f.brotli)} brotli`);
  console.log(`total: ${kb(weight.gzip)} gzip of ${kb(GZIP_BUDGET)}, ${kb(weight.brotli)} brotli`);
  assert.ok(weight.gzip <= GZIP_BUDGET, `download weight ${weight.gzip} B exceeds ${GZIP_BUDGET} B`);
  assert.ok(weight.brotli < weight.gzip, 'Brotli copies are smaller than gzip ones');
});

test('the wasm carries the theme\'s fonts only, not ImGui\'s default one', () => {
  // ProggyClean's data starts so (imgui_draw.cpp); web/imgui_left_out.cpp keeps it out.
  const wasm = readFileSync(path.join(webRoot, 'openzro.wasm'));
  assert.equal(wasm.indexOf("7])#######hV0qs'/###"), -1, 'ImGui\'s default font is linked');
});
