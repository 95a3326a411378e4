// The web app's layers (ARCHITECTURE.md, "Invariants"): the shell on top,
// then pages, then components, then the bottom (load → nav → io, charts,
// panic). A module imports only from layers below its own; pages never
// import another page; components may use each other. Also: no .rs file in
// src/ is longer than 500 lines. Reads the sources, runs in milliseconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');

/** Layer of a top-level module: higher may import lower. */
const LAYER = { app: 5, pages: 4, components: 3, load: 2, nav: 1, io: 0, charts: 0, panic: 0 };
/** What a module may import from its own layer. */
const SAME_LAYER = { app: ['app'], components: ['components'], load: [], nav: [], io: [], charts: [], panic: [] };

/** The module path of a file: src/pages/cooperation/card.rs → [pages, cooperation, card]. */
export function modulePath(file) {
  const parts = relative(SRC, file).split(sep);
  const last = parts.pop().replace(/\.rs$/, '');
  if (last !== 'mod' && last !== 'lib' && last !== 'main') parts.push(last);
  return parts;
}

/** Parses a use tree at `pos` (`a::b`, `a::{b, c::{d}}`, `{a, b}`):
 * its paths and where it ends. */
function useTree(code, pos) {
  const paths = [];
  const ws = () => { while (/\s/.test(code[pos] ?? '')) pos++; };
  const prefix = [];
  for (;;) {
    ws();
    if (code[pos] === '{') {
      pos++;
      for (;;) {
        ws();
        if (code[pos] === '}') { pos++; break; }
        const inner = useTree(code, pos);
        for (const p of inner.paths) paths.push([...prefix, ...p]);
        pos = inner.end;
        ws();
        if (code[pos] === ',') pos++;
      }
      return { paths, end: pos };
    }
    const m = /^[A-Za-z_]\w*/.exec(code.slice(pos));
    if (!m) break;
    prefix.push(m[0]);
    pos += m[0].length;
    if (code.startsWith('::', pos)) pos += 2;
    else break;
  }
  paths.push(prefix);
  return { paths, end: pos };
}

/** Every crate path a source names (`use crate::…`, `crate::io::f()`,
 * `super::x`, groups `crate::{a, b::{c}}`), as absolute module paths. */
export function imports(text, own) {
  const code = text.replace(/\/\/.*$/gm, '');
  const out = [];
  for (const m of code.matchAll(/\b(crate|super|self)((?:::(?:super|self))*)::/g)) {
    // super/self are relative to the module a file is (mod.rs is its folder).
    const base = m[1] === 'crate' ? [] : [...own];
    if (m[1] !== 'crate') for (const s of (m[1] + m[2]).split('::')) if (s === 'super') base.pop();
    for (const p of useTree(code, m.index + m[0].length).paths) {
      const segs = p.filter((s) => s !== 'self');
      if (segs.length) out.push([...base, ...segs]);
    }
  }
  return out;
}

/** Why `from` (a module path) may not name `to`, or null when it may. */
export function violation(from, to) {
  const [fromTop] = from;
  const [toTop] = to;
  if (!(toTop in LAYER) || fromTop === undefined) return null; // a type or fn of the crate root (lib.rs)
  if (!(fromTop in LAYER)) return null; // lib.rs / main.rs: the root wires everything
  if (fromTop === 'pages' && toTop === 'pages') {
    return to.length === 1 || to[1] === from[1] ? null : `page ${from[1]} imports page ${to[1] ?? '(pages)'}`;
  }
  if (toTop === fromTop) return null; // within a module's own folder (load/files.rs → load)
  if (LAYER[toTop] < LAYER[fromTop]) return null;
  if (LAYER[toTop] === LAYER[fromTop] && (SAME_LAYER[fromTop] ?? []).includes(toTop)) return null;
  return `${fromTop} (layer ${LAYER[fromTop]}) imports ${toTop} (layer ${LAYER[toTop]})`;
}

function rustFiles(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? rustFiles(p) : n.endsWith('.rs') ? [p] : [];
  });
}

test('no module in src/ imports a module above its layer; pages never import pages', () => {
  const found = [];
  for (const file of rustFiles(SRC)) {
    const own = modulePath(file);
    for (const to of imports(readFileSync(file, 'utf8'), own)) {
      const why = violation(own, to);
      if (why) found.push(`${relative(ROOT, file)}: ${to.join('::')}: ${why}`);
    }
  }
  assert.deepEqual(found, []);
});

test('no .rs file in src/ is longer than 500 lines', () => {
  const long = rustFiles(SRC)
    .map((f) => [relative(ROOT, f), readFileSync(f, 'utf8').split('\n').length - 1])
    .filter(([, n]) => n > 500);
  assert.deepEqual(long, []);
});

test('the check itself catches what it should', () => {
  const page = ['pages', 'region'];
  assert.match(violation(page, ['pages', 'overview', 'X']), /page region imports page overview/);
  assert.equal(violation(['pages', 'cooperation', 'card'], ['pages', 'cooperation', 'Chosen']), null);
  assert.match(violation(['components', 'map'], ['pages', 'overview']), /components .* imports pages/);
  assert.match(violation(['components', 'map'], ['app', 'embed']), /imports app/);
  assert.match(violation(['load'], ['components', 'cards']), /imports components/);
  assert.match(violation(['io'], ['nav']), /io .* imports nav/);
  assert.equal(violation(['nav'], ['io']), null);
  assert.equal(violation(['load', 'files'], ['load', 'LoadError']), null);
  assert.equal(violation(['components', 'ranking'], ['components', 'cards', 'value_cell']), null);
  assert.equal(violation(['app'], ['pages', 'region', 'RegionPage']), null);
  const text = 'use crate::{nav::Nav, pages::overview::X};\nfn f() { crate::io::fetch(); }\nuse super::super::app;\n// use crate::app;';
  assert.deepEqual(imports(text, ['components', 'map']), [['nav', 'Nav'], ['pages', 'overview', 'X'], ['io', 'fetch'], ['app']]);
  assert.deepEqual(imports('use crate::pages::{region::{self, R}, overview::O};', ['app']), [['pages', 'region'], ['pages', 'region', 'R'], ['pages', 'overview', 'O']]);
  assert.deepEqual(imports('use super::{Chosen, Presets};', ['pages', 'cooperation', 'card']), [['pages', 'cooperation', 'Chosen'], ['pages', 'cooperation', 'Presets']]);
});
