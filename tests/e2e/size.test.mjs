// The first-load budget: the first-load module's wasm and JS (with its
// snippets) and the stylesheet of the release build, brotli 11, at most
// 400 KiB (a size check, not a timing: the same build gives the same
// bytes). The tools module (scripts/tools.mjs), loaded only when a reader
// opens the simulator, the file checker or the accessibility statement, is
// not part of it; its size is reported. scripts/bench.sh prints the figures
// in detail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { DIST } from './harness.mjs';

const brotli = (f) => brotliCompressSync(readFileSync(join(DIST, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kib = (n) => `${(n / 1024).toFixed(2)} KiB`;

test('the first load (wasm + js + css) stays within the 400 KiB brotli budget; the tools load on their own', (t) => {
  const files = readdirSync(DIST, { recursive: true }).filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'embed.js');
  const tools = files.filter((f) => f.startsWith('innsyn-tools-'));
  const first = files.filter((f) => !tools.includes(f));
  assert.equal(first.filter((f) => f.endsWith('.wasm')).length, 1, `one wasm in the first load: ${first}`);
  assert.equal(tools.filter((f) => f.endsWith('.wasm')).length, 1, `one tools module: ${tools}`);
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  for (const f of first.filter((f) => /^innsyn-web-|^style-/.test(f))) assert.ok(html.includes(f), `${f} is loaded by index.html`);
  assert.ok(!tools.some((f) => new RegExp(`(src|href)="\\./${f}"`).test(html)), 'the tools are not loaded up front');
  const total = first.reduce((sum, f) => sum + brotli(f), 0);
  const rest = tools.reduce((sum, f) => sum + brotli(f), 0);
  t.diagnostic(`first load: ${kib(total)} brotli (${total} bytes); tools module, on demand: ${kib(rest)}`);
  assert.ok(total <= 400 * 1024, kib(total));
});
