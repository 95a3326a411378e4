// The Content-Security-Policy of a build of Innsyn (default: dist/):
//   node scripts/csp.mjs [DIR]
// scripts/harden.mjs writes it into the build's index.html as a <meta>;
// a host that can set headers sends the same as a header, adding
// frame-ancestors, which a <meta> cannot carry (see README).
// trunk inlines a small start-up script (and harden.mjs an import map),
// whose hashes change with every build: they are read from the build.
// connect-src is 'self', the origins of absolute addresses in the bundled
// catalog, SSB's API when a definition is live, the site configuration's
// trusted catalog origins, and any https host only where the site lets
// foreign catalogs be opened (with a notice).
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The origins the bundled catalog and site configuration need to fetch from. */
export function connectSources(dir) {
  const read = (f) => (existsSync(join(dir, f)) ? JSON.parse(readFileSync(join(dir, f), 'utf8')) : {});
  const site = read('data/site.json');
  const catalog = read('data/catalog.json');
  const origins = new Set(["'self'"]);
  const add = (u) => { try { if (/^https?:\/\//.test(u)) origins.add(new URL(u).origin); } catch { /* not an address */ } };
  for (const i of catalog.indicators ?? []) {
    add(i.url);
    if (i.ssb?.live && !i.url) origins.add('https://data.ssb.no');
  }
  add(catalog.regions);
  add(catalog.boundaries?.url);
  for (const o of site.trusted_catalog_origins ?? []) add(o);
  if (site.foreign_catalogs === 'mark') origins.add('https:');
  return [...origins];
}

export function policy(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connectSources(dir).join(' ')}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(policy(process.argv[2] ?? 'dist'));
}
