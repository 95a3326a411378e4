// Benchmarks of the release build in dist-e2e/ (not tests: nothing here fails
// on a slow machine). Prints:
//   - brotli (quality 11) size of wasm + js + css, against the 400 KiB budget (tests/e2e/size.test.mjs);
//   - time to first chart: navigation start → first chart SVG in the DOM (median of 7 cold loads);
//   - re-render time: a language switch until the chart and text are redrawn (median of 10);
//     on the real bundled catalog (offline), the Innlandet dashboard's language switch and
//     the year slider of the map and ranking of the 48 (median of 20 each, budget 16 ms);
//   - the reader in the browser: Innsyn's wasm reader and jsonstat-toolkit on the same
//     SSB-shaped JSON-stat file (target/bench/ssb-like.json, written by
//     `cargo run --release -p innsyn-core --example bench_read`), MB/s and ratio.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { serve, launch, DIST, ROOT } from '../tests/e2e/harness.mjs';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kib = (n) => (n / 1024).toFixed(1) + ' KiB';

let total = 0, tools = 0;
console.log('size (brotli 11)');
for (const f of readdirSync(DIST, { recursive: true }).filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'embed.js').sort()) {
  const raw = readFileSync(join(DIST, f));
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  if (f.startsWith('innsyn-tools-')) tools += br; else total += br;
  console.log(`  ${f.padEnd(44)} ${kib(raw.length).padStart(10)} raw ${kib(br).padStart(10)} brotli`);
}
console.log(`  first load wasm+js+css: ${kib(total)} brotli (budget 400 KiB, headroom ${kib(400 * 1024 - total)}); the tools module, on demand: ${kib(tools)}`);

// The start page on the demonstration figures: offline here, the real
// catalog's live SSB panels would never draw.
const server = await serve(undefined, {}, { demo: true });
const browser = await launch();
const firsts = [];
for (let i = 0; i < 7; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.chart[role=img] svg');
  firsts.push(await page.evaluate(() => performance.now()));
  await ctx.close();
}
console.log(`time to first chart: median ${median(firsts).toFixed(0)} ms (runs: ${firsts.map((t) => t.toFixed(0)).join(', ')})`);

const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.waitForSelector('.chart[role=img] svg');
const rerenders = [];
for (let i = 0; i < 10; i++) {
  const to = i % 2 === 0 ? 'en' : 'nb';
  rerenders.push(await page.evaluate((to) => new Promise((done) => {
    const chart = () => document.querySelector('.chart[role=img]');
    const before = chart().innerHTML;
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (document.documentElement.lang === to && chart() && chart().innerHTML !== before) { obs.disconnect(); requestAnimationFrame(() => done(performance.now() - t0)); }
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    document.querySelector(`.lang-switch a[lang=${to}]`).click();
  }), to));
}
console.log(`re-render (nb↔en switch, chart redrawn): median ${median(rerenders).toFixed(1)} ms`);

/** Milliseconds from a language switch (`kind` "lang") or a year on the
 * slider ("year") to `to` until the first chart and the control show it,
 * to the next frame (in the page: the site's policy allows no eval). */
const timed = (page, kind, to) => page.evaluate(([kind, to]) => new Promise((ok) => {
  const chart = () => document.querySelector('.chart[role=img]')?.innerHTML;
  const before = chart();
  const slider = document.querySelector('#year-slider');
  const done = () => chart() !== before && (kind === 'lang'
    ? document.documentElement.lang === to
    : slider.getAttribute('aria-valuetext') === String(to));
  const t0 = performance.now();
  const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); requestAnimationFrame(() => ok(performance.now() - t0)); } });
  obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  if (kind === 'lang') document.querySelector(`.lang-switch a[lang=${to}]`).click();
  else { slider.value = String(to); slider.dispatchEvent(new Event('input', { bubbles: true })); }
}), [kind, to]);
const real = await serve();
const inn = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await inn.goto(real.url + '?view=region&region=34');
await inn.waitForSelector('.chart[role=img] svg');
await inn.waitForTimeout(500);
const langs = [];
for (let i = 0; i < 20; i++) {
  const to = i % 2 === 0 ? 'en' : 'nb';
  langs.push(await timed(inn, 'lang', to));
}
console.log(`Innlandet dashboard (real catalog), language switch: median ${median(langs).toFixed(1)} ms of 20 (budget 16 ms)`);
await inn.goto(real.url + '?view=indicator&indicator=netto-per-innbygger-0-17');
await inn.waitForSelector('#year-slider');
await inn.waitForTimeout(500);
const years = [];
for (let i = 0; i < 20; i++) {
  const to = i % 2 === 0 ? 2024 : 2025;
  years.push(await timed(inn, 'year', to));
}
console.log(`the 48's map and ranking, year slider: median ${median(years).toFixed(1)} ms of 20 (budget 16 ms)`);
await real.close();

const BIG = join(ROOT, 'target', 'bench', 'ssb-like.json');
if (existsSync(BIG)) {
  const text = readFileSync(BIG, 'utf8');
  const mb = Buffer.byteLength(text) / 1e6;
  await page.route('**/bench/ssb-like.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: text }));
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('jsonstat-toolkit/iife.js') });
  const r = await page.evaluate(async () => {
    const text = await (await fetch('bench/ssb-like.json')).text();
    const regions = await (await fetch('data/regions.json')).text();
    const wasm = [], kit = [];
    let cellsWasm = 0, cellsKit = 0;
    for (let i = 0; i < 9; i++) {
      let t = performance.now(); cellsWasm = window.wasmBindings.read_cells(text, regions); wasm.push(performance.now() - t);
      t = performance.now(); cellsKit = window.JSONstat(JSON.parse(text)).n; kit.push(performance.now() - t);
    }
    return { wasm, kit, cellsWasm, cellsKit };
  });
  if (r.cellsWasm !== r.cellsKit) throw new Error(`cell counts differ: ${r.cellsWasm} vs ${r.cellsKit}`);
  const [w, k] = [median(r.wasm), median(r.kit)];
  console.log(`reader in Chromium, ${mb.toFixed(2)} MB SSB-shaped JSON-stat, ${r.cellsWasm} cells (median of 9):`);
  console.log(`  Innsyn (wasm, parse + dataset + diagnostics): ${w.toFixed(1)} ms = ${(mb / w * 1000).toFixed(0)} MB/s`);
  console.log(`  jsonstat-toolkit (JSON.parse + JSONstat()):    ${k.toFixed(1)} ms = ${(mb / k * 1000).toFixed(0)} MB/s`);
  console.log(`  ratio: Innsyn is ${(k / w).toFixed(2)}× the speed of jsonstat-toolkit`);
} else {
  console.log('(no target/bench/ssb-like.json: run scripts/bench.sh for the reader benchmark)');
}
// Time to the first card with figures (bundled) and to the first card with
// live SSB figures on the real catalog, under Lighthouse's phone profile (4×
// slower CPU, 150 ms round trip, 1.6 Mbit/s, 375 px; this server sends the
// files uncompressed): SSB's API is the stand-in of the tests (figures from
// tests/data), answering after one round trip plus the answer's transfer time.
{
  const real = await serve();
  const { ssbMock } = await import('../tests/e2e/ssb-mock.mjs');
  const runs = [], live = [];
  let asked = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const p = await ctx.newPage();
    const cdp = await ctx.newCDPSession(p);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
    asked = await ssbMock(p, 'answer', { latency: 150, bytesPerSecond: 1.6e6 / 8 });
    await p.goto(`${real.url}?view=region&region=04`);
    await p.waitForSelector('.card .big .value', { timeout: 60000 });
    runs.push(await p.evaluate(() => performance.now()));
    await p.waitForSelector('section.card:has(h2:text-is("Barn med barnevernstiltak")) .big .value', { timeout: 60000 });
    live.push(await p.evaluate(() => performance.now()));
    await ctx.close();
  }
  const ms = (xs) => `median ${median(xs).toFixed(0)} ms (runs: ${xs.map((t) => t.toFixed(0)).join(', ')})`;
  console.log(`region 04, phone profile, SSB mocked, uncompressed: first card with figures ${ms(runs)}; first live SSB card ${ms(live)}; ${asked.length} requests to SSB`);
  await real.close();
}
await browser.close();
await server.close();
