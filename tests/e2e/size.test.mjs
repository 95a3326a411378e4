// The first-load budget: wasm + js + css of the release build, brotli 11,
// at most 400 KiB (a size check, not a timing: the same build gives the same
// bytes). scripts/bench.sh prints the figures in detail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { DIST } from './harness.mjs';

test('wasm + js + css stay within the 400 KiB brotli first-load budget', (t) => {
  const files = readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f));
  assert.equal(files.filter((f) => f.endsWith('.wasm')).length, 1);
  const total = files.reduce((sum, f) => sum + brotliCompressSync(readFileSync(join(DIST, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
  t.diagnostic(`first load: ${(total / 1024).toFixed(2)} KiB brotli (${total} bytes)`);
  assert.ok(total <= 400 * 1024, `${(total / 1024).toFixed(1)} KiB brotli`);
});
