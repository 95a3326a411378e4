// The real SSB figures bundled in public/data/ssb are exactly what
// scripts/bundle-ssb.mjs makes from tests/data/ssb: they cannot drift from
// the published figures they were made from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundled } from '../../scripts/bundle-ssb.mjs';
import { ROOT } from '../e2e/harness.mjs';

test('bundled SSB snapshots are the figures of tests/data/ssb', () => {
  for (const [file, ds] of Object.entries(bundled())) {
    const onDisk = JSON.parse(readFileSync(join(ROOT, 'public', 'data', 'ssb', file), 'utf8'));
    assert.deepEqual(onDisk, ds, `${file}: run node scripts/bundle-ssb.mjs`);
  }
});
