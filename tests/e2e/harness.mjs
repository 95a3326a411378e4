// End-to-end harness: a static server on 127.0.0.1 (free port) for the release
// build in dist-e2e/, Debian's Chromium driven by playwright-core, and axe-core
// run on every page a test visits. Screenshots go to target/screenshots/.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { TYPES } from '../../scripts/render.mjs';

const require = createRequire(import.meta.url);
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist-e2e');
export const SHOTS = join(ROOT, 'target', 'screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');


/** The demonstration catalog (data/demo/catalog.json) as the site's own
 * catalog at data/catalog.json: its addresses rewritten for that place. */
export function demoAsSiteCatalog(dir) {
  const cat = JSON.parse(readFileSync(join(dir, 'data', 'demo', 'catalog.json'), 'utf8'));
  cat.regions = 'regions.json';
  for (const i of cat.indicators) i.url = `demo/${i.url}`;
  return Buffer.from(JSON.stringify(cat));
}

/** Serves `dir` on a free loopback port, with `headers` on every answer;
 * resolves to { url, close }. With `demo`, the site's catalog is the
 * demonstration catalog: the tests of the views run on its made-up
 * figures, whose every value they know; the real catalog (SSB live and
 * snapshots) has tests of its own (ssb-live.test.mjs). */
export function serve(dir = DIST, headers = {}, { demo = false } = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? path + 'index.html' : path);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = demo && path === '/data/catalog.json' ? demoAsSiteCatalog(dir) : await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => server.close(done)),
  })));
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A new page at `width` px that fails the test on any console error or
 * page error. Nothing leaves the machine: SSB's API answers as if offline
 * unless a test installs its stand-in (ssb-mock.mjs). */
export async function newPage(browser, width = 1280) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.route('https://data.ssb.no/**', (route) => route.abort('internetdisconnected'));
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  // A 404 is a panel's business; ERR_INTERNET_DISCONNECTED is the SSB route above.
  page.on('console', (m) => { if (m.type() === 'error' && !/404|ERR_INTERNET_DISCONNECTED/.test(m.text())) page.errors.push(m.text()); });
  return page;
}

/** Waits for the first chart to be drawn. */
export async function firstChart(page) {
  await page.waitForSelector('.chart[role=img] svg', { timeout: 20000 });
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA, plus best practices) on a page or
 * a frame and returns the violations. */
export async function axe(page) {
  // Evaluated, not added as a <script>: the app's Content-Security-Policy
  // rightly blocks inline scripts.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** A bundled demonstration file, and the bundled region registry, as the tests read them. */
export const demoFile = (name) => JSON.parse(readFileSync(join(ROOT, 'public/data/demo', name), 'utf8'));
export const REGIONS = JSON.parse(readFileSync(join(ROOT, 'public/data/regions.json'), 'utf8'));
/** A number the Norwegian way: 2 073,5. */
export const nb = (v, d) => v.toFixed(d).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

/** sum(numerators)/sum(denominators) (or the sum, for a count) for some
 * municipalities (2024 ids) in a year, computed from the raw file. */
export function expected(doc, memberIds, year) {
  const codes = REGIONS.municipalities.filter((m) => memberIds.includes(m.id))
    .map((m) => m.codes.find((c) => c.from <= year && (c.to ?? 9999) >= year).code);
  const obs = doc.values.filter((o) => o.period === String(year) && codes.includes(o.region));
  if (doc.rate) {
    const used = obs.filter((o) => o.numerator != null && o.denominator != null);
    return { value: used.reduce((a, o) => a + o.numerator, 0) / used.reduce((a, o) => a + o.denominator, 0) * doc.rate.per, used: used.length, total: codes.length };
  }
  const used = obs.filter((o) => o.value != null);
  return { value: used.reduce((a, o) => a + o.value, 0), used: used.length, total: codes.length };
}
