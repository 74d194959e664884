// What a browser downloads to start the standalone app: the page, the JS and the wasm (fonts
// are inside the wasm), as the server sends them: the build's precompressed copies, gzip
// (zopfli) for any browser and Brotli for those that accept it (Chromium, Firefox, Safari).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export const APP_FILES = ['index.html', 'openzro.js', 'openzro.wasm'];
// Issue 18's budget (ARCHITECTURE.md, "What loading costs"): 250 KB, counted in thousands of
// bytes, the stricter of the two readings of "KB".
export const GZIP_BUDGET = 250 * 1000;

export function downloadWeight(webRoot) {
  const files = APP_FILES.map((name) => {
    const size = (suffix) => {
      const file = path.join(webRoot, name + suffix);
      if (!existsSync(file)) throw new Error(`${file} is missing: the wasm build precompresses every app file`);
      return statSync(file).size;
    };
    return { name, raw: size(''), gzip: size('.gz'), brotli: size('.br') };
  });
  const total = (key) => files.reduce((sum, f) => sum + f[key], 0);
  return { files, gzip: total('gzip'), brotli: total('brotli') };
}
