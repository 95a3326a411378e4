// Benchmarks of the release build in dist-e2e/ (not tests: nothing here fails
// on a slow machine). Prints:
//   - brotli (quality 11) size of wasm + js + css, against the 400 KiB budget;
//   - time to first chart: navigation start → first chart SVG in the DOM (median of 7 cold loads);
//   - re-render time: a language switch until the chart and text are redrawn (median of 10).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { serve, launch, DIST } from '../tests/e2e/harness.mjs';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kib = (n) => (n / 1024).toFixed(1) + ' KiB';

let total = 0;
console.log('size (brotli 11)');
for (const f of readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f)).sort()) {
  const raw = readFileSync(join(DIST, f));
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += br;
  console.log(`  ${f.padEnd(44)} ${kib(raw.length).padStart(10)} raw ${kib(br).padStart(10)} brotli`);
}
console.log(`  total wasm+js+css: ${kib(total)} brotli (budget 400 KiB, headroom ${kib(400 * 1024 - total)})`);

const server = await serve();
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
    const chart = document.querySelector('.chart[role=img]');
    const before = chart.innerHTML;
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (document.documentElement.lang === to && chart.innerHTML !== before) { obs.disconnect(); requestAnimationFrame(() => done(performance.now() - t0)); }
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    document.querySelector(`.lang-switch a[lang=${to}]`).click();
  }), to));
}
console.log(`re-render (nb↔en switch, chart redrawn): median ${median(rerenders).toFixed(1)} ms`);
await browser.close();
await server.close();
