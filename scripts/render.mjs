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
// (the app then writes stable paths), <link rel="canonical">, the title and
// description the app gave it (innsyn-core::head) with its first figure's
// headline put before the description, Open Graph and Twitter card tags
// with a picture of that figure (DIR/<path>/og.png, 1200×630, drawn from
// the page's own chart, table and source line, «Fiktive tall» where the
// figure is demonstration data; a page with no figure gets its title and
// description alone), the stylesheet inline (its hash added to the page's
// Content-Security-Policy), a <noscript> stylesheet that shows tables
// without JavaScript, and — at the end of <body>, after everything shown —
// the files the page was drawn from as JSON data blocks, so the app taking
// the page over fetches nothing again. Panels the catalog asks SSB for live
// are left loading: they are the reader's browser's business.
//
// SITE_URL (https://…/, the site's public root) makes the canonical link,
// og:url and og:image absolute, as link previews want them; without it
// they are relative to the page.
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

/** The site's public root for absolute addresses in link previews, if given. */
const SITE_URL = process.env.SITE_URL ? process.env.SITE_URL.replace(/\/?$/, '/') : '';

/** What a page's preview shows, read from the page (run in the page): its
 * heading, and its first figure with a chart — the figure's caption, its
 * headline (a line chart's first series in its latest year with a number;
 * a ranking's first row), the chart, the source line, and the demo label
 * when the figure or the part of the page it stands in carries one. */
function headline() {
  const main = document.querySelector('main');
  // A heading of parts (the report's title and its subject) keeps them apart.
  const h1 = main?.querySelector('h1');
  const page = h1 ? [...h1.childNodes].map((n) => n.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' – ') : '';
  const fig = main && [...main.querySelectorAll('figure')].find((f) => f.querySelector('.chart svg'));
  if (!fig) return { page, heading: '', headline: '', demo: '', svg: '', legend: [], source: '' };
  const box = fig.closest('.report-indicator') ?? fig;
  const table = box.querySelector('table');
  const text = (e) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const heading = text(table?.querySelector('caption')) || text(fig.querySelector('h2, h3, h4'));
  const cells = (tr) => [...tr.children].map((c) => text(c.childNodes[0] ?? c));
  const head = table?.querySelector('thead tr') ? cells(table.querySelector('thead tr')) : [];
  const rows = table ? [...table.querySelectorAll('tbody tr')].map(cells).filter((r) => /\d/.test(r[1] ?? '')) : [];
  let line = '';
  if (rows.length && (fig.classList.contains('trend') || fig.classList.contains('report-figure'))) {
    const last = rows[rows.length - 1];
    line = `${head[1]}, ${last[0]}: ${last[1]}`;
  } else if (rows.length) {
    line = `${rows[0][0]}: ${rows[0][1]}`;
  }
  // The demo label of the figure, or of the smallest part of the page
  // around it that holds no other figure.
  let demo = '';
  for (let e = fig; e && e !== main.parentElement; e = e.parentElement) {
    if (e !== fig && e.querySelectorAll('figure').length > 1) break;
    const label = e.querySelector('.demo-label strong, .demo-label');
    if (label) { demo = text(label); break; }
  }
  const source = text(box.querySelector('.source') ?? fig.closest('section, article')?.querySelector('.source'));
  // A line chart's legend is the page's words beside it: each line's name and how it is drawn.
  const legend = [...fig.querySelectorAll('.legend.lines li')].map((li) => {
    const key = li.querySelector('line');
    return { name: text(li), stroke: key?.getAttribute('stroke') ?? '#000', dash: key?.getAttribute('stroke-dasharray') ?? '' };
  });
  return { page, heading, headline: line, demo, svg: fig.querySelector('.chart svg').outerHTML, legend, source };
}

/** Draws a page's preview picture, 1200×630 PNG, into `file`: the site's
 * name, the page's title and heading, and its first figure as the page
 * shows it (or, with none, the page's description). Every text is set as
 * text; the chart is charts-rs's SVG from the page. */
async function drawCard(ctx, card, file) {
  const page = await ctx.newPage({ viewport: { width: 1200, height: 630 } });
  await page.setViewportSize({ width: 1200, height: 630 });
  await page.setContent(`<!DOCTYPE html><html><head><style>
    * { box-sizing: border-box; margin: 0; }
    body { width: 1200px; height: 630px; font-family: 'DejaVu Sans', sans-serif; color: #1b1b1f; background: #fff; }
    .card { display: grid; grid-template-columns: 500px 1fr; grid-template-rows: 1fr auto; column-gap: 32px;
      height: 630px; padding: 32px 44px 24px; border-top: 14px solid #1d4f91; }
    .text { display: flex; flex-direction: column; gap: 14px; overflow: hidden; }
    .brand { font-weight: bold; color: #1d4f91; font-size: 26px; }
    .page { font-size: 44px; font-weight: bold; line-height: 1.1; hyphens: auto; overflow-wrap: break-word; }
    .card.plain .text { grid-column: 1 / 3; }
    .heading { font-size: 22px; color: #333; line-height: 1.3; }
    .headline { font-size: 36px; font-weight: bold; line-height: 1.2; }
    .demo { align-self: flex-start; padding: 4px 10px; background: #fff3cd; border: 2px solid #8a6d00; font-size: 22px; font-weight: bold; }
    .description { font-size: 26px; line-height: 1.35; }
    .chart { min-height: 0; display: flex; flex-direction: column; gap: 8px; }
    .chart svg { width: 100%; min-height: 0; flex: 1; }
    .keys { display: flex; flex-wrap: wrap; gap: 4px 20px; list-style: none; padding: 0; font-size: 19px; }
    .keys li { display: flex; align-items: center; gap: 8px; }
    .keys svg { flex: none; width: 36px; height: 12px; }
    .source { grid-column: 1 / 3; font-size: 17px; color: #444; margin-top: 10px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  </style></head><body><div class="card"><div class="text"><p class="brand"></p><p class="page"></p></div></div></body></html>`);
  await page.evaluate((c) => {
    const card = document.querySelector('.card');
    const text = card.querySelector('.text');
    const add = (box, cls, t) => { const p = document.createElement('p'); p.className = cls; p.textContent = t; box.append(p); return p; };
    text.querySelector('.brand').textContent = 'Innsyn';
    text.querySelector('.page').textContent = c.page || c.title;
    document.documentElement.lang = c.lang;
    if (!c.svg) { card.classList.add('plain'); add(text, 'description', c.description); return; }
    add(text, 'heading', c.heading);
    // Thousands keep together («16 150» never breaks after «16»).
    if (c.headline) add(text, 'headline', c.headline.replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u00a0'));
    if (c.demo) add(text, 'demo', c.demo);
    const chart = document.createElement('div');
    chart.className = 'chart';
    chart.innerHTML = c.svg; // charts-rs's SVG, as the page shows it
    const svg = chart.querySelector('svg');
    if (c.legend.length > 1) {
      const keys = document.createElement('ul');
      keys.className = 'keys';
      for (const k of c.legend) {
        const li = document.createElement('li');
        const ns = 'http://www.w3.org/2000/svg';
        const key = document.createElementNS(ns, 'svg');
        key.setAttribute('viewBox', '0 0 36 12');
        const l = document.createElementNS(ns, 'line');
        for (const [a, v] of [['x1', 0], ['y1', 6], ['x2', 36], ['y2', 6], ['stroke', k.stroke], ['stroke-width', 3], ['stroke-dasharray', k.dash]]) l.setAttribute(a, v);
        key.append(l);
        li.append(key, k.name);
        keys.append(li);
      }
      chart.prepend(keys);
    }
    if (svg && !svg.getAttribute('viewBox')) {
      svg.setAttribute('viewBox', `0 0 ${parseFloat(svg.getAttribute('width'))} ${parseFloat(svg.getAttribute('height'))}`);
    }
    svg?.removeAttribute('width');
    svg?.removeAttribute('height');
    card.append(chart);
    add(card, 'source', c.source);
  }, card);
  await page.screenshot({ path: file, type: 'png' });
  await page.close();
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
  const card = await page.evaluate(headline);
  const { html, styles, desc, title, lang } = await page.evaluate(({ path, files, site, card }) => {
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
    const description = document.querySelector('meta[name=description]');
    const own = description?.getAttribute('content') ?? '';
    const text = card.headline ? `${card.headline}. ${own}` : own;
    description?.setAttribute('content', text.length <= 300 ? text : card.headline);
    const url = (p) => (site ? site + p : p || './');
    const meta = (attr, key, content) => head.append(el('meta', { [attr]: key, content }));
    head.append(el('link', { rel: 'canonical', href: url(path) }));
    const title = document.title;
    const desc = description?.getAttribute('content') ?? '';
    const image = site ? `${site}${path}og.png` : 'og.png';
    const alt = card.headline ? `${card.heading}: ${card.headline}${card.demo ? ` (${card.demo})` : ''}` : title;
    for (const [k, v] of [['og:title', title], ['og:description', desc], ['og:type', 'website'],
      ['og:site_name', 'Innsyn'], ['og:locale', { nb: 'nb_NO', nn: 'nn_NO', en: 'en_GB' }[document.documentElement.lang] ?? 'nb_NO'],
      ...(site ? [['og:url', url(path)]] : []),
      ['og:image', image], ['og:image:type', 'image/png'], ['og:image:width', '1200'], ['og:image:height', '630'], ['og:image:alt', alt]]) {
      meta('property', k, v);
    }
    for (const [k, v] of [['twitter:card', 'summary_large_image'], ['twitter:title', title], ['twitter:description', desc],
      ['twitter:image', image], ['twitter:image:alt', alt]]) {
      meta('name', k, v);
    }
    const noscript = el('noscript', {});
    noscript.innerHTML = '<link rel="stylesheet" href="noscript.css">';
    head.append(noscript);
    const styles = [...new Set([...document.querySelectorAll('[style]')].map((e) => e.getAttribute('style')))];
    return { html: '<!DOCTYPE html>\n' + document.documentElement.outerHTML, styles, desc, title, lang: document.documentElement.lang };
  }, { path, files: [...files], site: SITE_URL, card });
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
  await drawCard(ctx, { ...card, title, description: desc, lang }, join(dir, path, 'og.png'));
  return Buffer.byteLength(out);
}

/** Renders the pages of the build in `dir` (only those in `only`, when
 * given: a list of paths or a test of (path, index); the tests render a
 * few); resolves to { pages, bytes, paths }. */
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
      .filter((p, i) => !only || (typeof only === 'function' ? only(p, i) : only.includes(p)));
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
    return { pages: paths.length, bytes, paths };
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
