// Conformance with the reference reader: for every dataset in every file of
// tests/data/jsonstat (and every valid validator case), `innsyn cells`
// gives the same cells as jsonstat-toolkit: same count, same category ids in
// the same order, and at each coordinate the same value and status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { ROOT } from '../e2e/harness.mjs';

const JSONstat = createRequire(import.meta.url)('jsonstat-toolkit');
const CORPUS = join(ROOT, 'tests', 'data', 'jsonstat');
// cargo's target folder, wherever CARGO_TARGET_DIR puts it.
const CLI = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug', 'innsyn');
execFileSync('cargo', ['build', '-q', '-p', 'innsyn-cli'], { cwd: ROOT, stdio: 'inherit' });

/** Splits one CSV line (fields may be double-quoted, "" inside quotes). */
function splitCsv(line) {
  const out = [];
  let cur = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Parses the output of `innsyn cells`: [{ head, rows }] per dataset. */
function cells(file) {
  let out;
  try { out = execFileSync(CLI, ['cells', file], { encoding: 'utf8', maxBuffer: 1 << 28 }); }
  catch (e) { out = e.stdout; } // exit 1 (invalid) still prints the cells
  const sets = [];
  for (const line of out.split('\n').filter(Boolean)) {
    if (line.startsWith('# dataset ')) { sets.push({ head: null, rows: [] }); continue; }
    const fields = splitCsv(line);
    const cur = sets[sets.length - 1];
    if (!cur.head) cur.head = fields; else cur.rows.push(fields);
  }
  return sets;
}

/** The datasets jsonstat-toolkit finds in a document (embedded ones only). */
function toolkitDatasets(doc) {
  const j = JSONstat(doc);
  if (j.class === 'dataset') return [j];
  if (j.class === 'bundle') return Array.from({ length: j.length }, (_, i) => j.Dataset(i));
  if (j.class === 'collection') {
    return doc.link.item.flatMap((item) => (item.class === 'dataset' && (item.value !== undefined || item.dimension)) ? [JSONstat(item)]
      : (item.class === 'collection' && item.link) ? toolkitDatasets(item) : []);
  }
  return [];
}

function compare(file, doc) {
  const ours = cells(file);
  const theirs = toolkitDatasets(doc);
  assert.equal(ours.length, theirs.length, 'number of datasets');
  theirs.forEach((ds, n) => {
    const { head, rows } = ours[n];
    assert.deepEqual(head, [...ds.id, 'value', 'status'], `dataset ${n}: dimensions`);
    assert.equal(rows.length, ds.n, `dataset ${n}: cell count`);
    // Row-major order: the toolkit's category order, last dimension fastest.
    const cats = ds.id.map((id) => ds.Dimension(id).id);
    rows.forEach((row, i) => {
      let rest = i;
      const want = new Array(cats.length);
      for (let k = cats.length - 1; k >= 0; k--) { want[k] = cats[k][rest % cats[k].length]; rest = Math.floor(rest / cats[k].length); }
      assert.deepEqual(row.slice(0, cats.length), want, `cell ${i}: coordinates`);
      const coord = Object.fromEntries(ds.id.map((id, k) => [id, row[k]]));
      const ref = ds.Data(coord);
      const value = row[cats.length], status = row[cats.length + 1];
      if (ref.value === null || ref.value === undefined) assert.equal(value, '', `cell ${i}: value`);
      else if (typeof ref.value === 'number') assert.equal(Number(value), ref.value, `cell ${i}: value`);
      else assert.equal(value, String(ref.value), `cell ${i}: value`);
      assert.equal(status, ref.status ?? '', `cell ${i}: status`);
    });
  });
  return theirs.length;
}

for (const sub of ['json-stat.org', 'ssb']) {
  for (const name of readdirSync(join(CORPUS, sub)).filter((f) => f.endsWith('.json')).sort()) {
    test(`${sub}/${name}: every cell as jsonstat-toolkit reads it`, () => {
      const file = join(CORPUS, sub, name);
      compare(file, JSON.parse(readFileSync(file, 'utf8')));
    });
  }
}

test('valid validator cases: every cell as jsonstat-toolkit reads it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'innsyn-cases-'));
  const cases = JSON.parse(readFileSync(join(CORPUS, 'validator-cases', 'cases.json'), 'utf8'));
  let datasets = 0;
  for (const c of cases.filter((c) => c.expected.valid === true)) {
    const file = join(dir, c.id.replace(/\W/g, '_') + '.json');
    writeFileSync(file, JSON.stringify(c.input));
    datasets += compare(file, c.input);
  }
  assert.ok(datasets >= 5, `compared ${datasets} datasets`);
});
