// Renders every page of a build to static HTML, at publish time:
//   node scripts/render.mjs DIR
// DIR is a release build (trunk build --release; scripts/build.sh runs this
// after it). The pages are made by the app itself: each stable path
// (`kommune/3407/`, `nn/region/04/` …, listed by the app's own
// `published_pages`, innsyn-core::route) is opened in headless Chromium,
// and what the app drew — headings, numbers, summaries, tables, chart SVGs —
// is written to DIR/<path>/index.html. So there is one source of truth for
// every page, rendered or live, and no second HTML renderer to drift.
//
// Each page gets: a <base> at the site's root, <meta name="innsyn-paths">
// (the app then writes stable paths), <link rel="canonical">, og:title and
// og:description, the stylesheet inline (its hash added to the page's
// Content-Security-Policy), a <noscript> stylesheet that shows tables
// without JavaScript, and — at the end of <body>, after everything shown —
// the files the page was drawn from as JSON data blocks, so the app taking
// the page over fetches nothing again. Panels the catalog asks SSB for live
// are left loading: they are the reader's browser's business.
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** Content types of a build's files (also the e2e harness's server's). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/json', '.svg': 'image/svg+xml',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The template (trunk's hardened index.html) for a page at `path`. */
function pageTemplate(template, path) {
  const depth = path.split('/').length - 1;
  const base = depth ? '../'.repeat(depth) : './';
  return template.replace('<meta name="viewport"',
    `<base href="${base}">\n  <meta name="innsyn-paths" content="1">\n  <meta name="viewport"`);
}

/** Serves DIR on 127.0.0.1, every page path with the template. */
function serveForRender(dir, template) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '').slice(1);
    const file = join(dir, path);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (path === '' || path.endsWith('/')) {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(pageTemplate(template, path));
      return;
    }
    let body;
    try { body = readFileSync(file); } catch { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close(),
  })));
}

const sha256 = (s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
/** JSON as the text of a data block: `<` escaped, so no `</script>` can end it. */
const dataBlock = (text) => JSON.stringify(JSON.parse(text)).replace(/</g, '\\u003c');

/** Waits until the app has drawn the page: its main heading is there and no
 * request but SSB's is outstanding, for three checks in a row. */
async function settled(page, outstanding) {
  let calm = 0;
  for (let i = 0; i < 400 && calm < 3; i++) {
    await page.waitForTimeout(25);
    const drawn = await page.evaluate(() => Boolean(document.querySelector('main h1, main .loading')));
    calm = drawn && outstanding() === 0 ? calm + 1 : 0;
  }
  if (calm < 3) throw new Error(`${page.url()}: the page did not settle`);
}

async function renderPage(ctx, server, path, css, dir) {
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Live SSB panels stay loading in the rendered page.
  await page.route('https://data.ssb.no/**', () => {});
  let open = 0;
  const files = new Map();
  const own = (u) => u.startsWith(server.url);
  page.on('request', (r) => { if (own(r.url())) open++; });
  page.on('requestfailed', (r) => { if (own(r.url())) open--; });
  page.on('requestfinished', async (r) => {
    const rel = r.url().slice(server.url.length);
    if (own(r.url()) && rel.startsWith('data/')) {
      const resp = await r.response();
      if (resp?.ok()) { try { files.set(rel, dataBlock(await resp.text())); } catch { /* not JSON: the app fetches it */ } }
    }
    if (own(r.url())) open--;
  });
  await page.goto(server.url + path);
  await settled(page, () => open);
  if (errors.length) throw new Error(`${path}: ${errors.join('; ')}`);
  const { html, styles } = await page.evaluate(({ path, files }) => {
    const el = (tag, attrs, text) => {
      const e = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (text !== undefined) e.textContent = text;
      return e;
    };
    const root = el('div', { id: 'innsyn', 'data-rendered': path || './' });
    for (const n of [...document.body.childNodes]) {
      if (!(n.nodeName === 'NOSCRIPT' || n.nodeName === 'SCRIPT' || n.id === 'innsyn-panic')) root.append(n);
      else if (n.nodeName === 'NOSCRIPT') n.remove();
    }
    document.body.prepend(root);
    for (const [file, text] of files) document.body.append(el('script', { type: 'application/json', 'data-innsyn-file': file }, text));
    const head = document.head;
    const summary = (document.querySelector('main .summary') ?? document.querySelector('main h1 + p'))?.textContent?.trim() ?? '';
    const description = document.querySelector('meta[name=description]');
    if (description && summary) description.setAttribute('content', summary.slice(0, 300));
    head.append(el('link', { rel: 'canonical', href: path || './' }));
    head.append(el('meta', { property: 'og:title', content: document.title }));
    head.append(el('meta', { property: 'og:description', content: description?.getAttribute('content') ?? '' }));
    head.append(el('meta', { property: 'og:type', content: 'website' }));
    const noscript = el('noscript', {});
    noscript.innerHTML = '<link rel="stylesheet" href="noscript.css">';
    head.append(noscript);
    const styles = [...new Set([...document.querySelectorAll('[style]')].map((e) => e.getAttribute('style')))];
    return { html: '<!DOCTYPE html>\n' + document.documentElement.outerHTML, styles };
  }, { path, files: [...files] });
  await page.close();
  // The stylesheet inline, and its hash in the page's policy; so are the
  // hashes of the style attributes the app set through the DOM (the tile
  // map's grid), which in markup need 'unsafe-hashes'.
  let out = html.replace(/<link rel="stylesheet" href="\.\/(style-[^"]+\.css)"[^>]*>/, () => `<style>${css}</style>`);
  if (out === html) throw new Error(`${path}: trunk's stylesheet link is not as expected`);
  const attrs = styles.length ? ` 'unsafe-hashes' ${styles.map(sha256).join(' ')}` : '';
  out = out.replace(/(http-equiv="Content-Security-Policy" content="[^"]*style-src 'self')/, `$1 ${sha256(css)}${attrs}`);
  const target = join(dir, path, 'index.html');
  mkdirSync(join(dir, path), { recursive: true });
  writeFileSync(target, out);
  return Buffer.byteLength(out);
}

/** Renders the pages of the build in `dir` (only those in `only`, when
 * given: the tests render a few); resolves to { pages, bytes }. */
export async function render(dir, { concurrency = 2, only } = {}) {
  dir = resolve(dir);
  const template = readFileSync(join(dir, 'index.html'), 'utf8');
  if (template.includes('data-rendered')) throw new Error(`${dir}/index.html is a rendered page already: render a fresh build`);
  const cssFile = template.match(/<link rel="stylesheet" href="\.\/(style-[^"]+\.css)"/)?.[1];
  if (!cssFile) throw new Error(`${dir}/index.html: no stylesheet`);
  const css = readFileSync(join(dir, cssFile), 'utf8');
  const server = await serveForRender(dir, template);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  try {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const first = await ctx.newPage();
    await first.goto(server.url);
    await first.waitForFunction(() => window.wasmBindings?.published_pages);
    const catalog = readFileSync(join(dir, 'data/catalog.json'), 'utf8');
    const regionsUrl = JSON.parse(catalog).regions ?? 'regions.json';
    const regions = readFileSync(join(dir, 'data', regionsUrl), 'utf8');
    const paths = (await first.evaluate(([c, r]) => window.wasmBindings.published_pages(c, r), [catalog, regions]))
      .split('\n').filter(Boolean).map((p) => (p === './' ? '' : p))
      .filter((p) => !only || only.includes(p));
    await first.close();
    if (!paths.length) throw new Error('the app lists no pages: is data/catalog.json valid?');
    const queue = [...paths];
    let bytes = 0;
    let done = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      for (let p; (p = queue.shift()) !== undefined;) {
        bytes += await renderPage(ctx, server, p, css, dir);
        if (++done % 50 === 0) console.log(`  ${done}/${paths.length}`);
      }
    }));
    return { pages: paths.length, bytes };
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir || !existsSync(join(dir, 'index.html'))) throw new Error('usage: node scripts/render.mjs DIR (a release build)');
  const t0 = Date.now();
  const { pages, bytes } = await render(dir);
  console.log(`rendered ${pages} pages into ${dir} (${(bytes / 1024).toFixed(0)} KiB of HTML) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
