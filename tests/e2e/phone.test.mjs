// Small things seen on a phone: no word is broken mid-letter («Gjøvikregione
// n», «registeruttre kk») on any view at 320 and 375 px in nb, nn and en —
// text wraps at word boundaries (or is hyphenated by the browser, by the
// page's `lang`) — and bar labels keep the figure's decimals («56,0», not «56»).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, demoFile, nb } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(undefined, {}, { demo: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const VIEWS = {
  overview: ['', '.tilemap .tile'],
  region: ['view=region&region=gjovikregionen', '.card .big .value'],
  council: ['view=region&region=fjellregionen', '.card .big .value'],
  municipality: ['view=municipality&region=3407', '.card .big .value'],
  indicator: ['view=indicator&indicator=barn-per-aarsverk&year=2020', '.tilemap .tile'],
  cooperation: ['view=cooperation&members=3407,3447,3448', '.card .big .value'],
  validate: ['view=validate', '#file-input'],
  accessibility: ['view=accessibility', 'main table'],
};

/** Words (runs of letters) whose letters lie on more than one line. */
async function brokenWords(page) {
  return page.evaluate(() => {
    // Measured without hyphenation (a browser without a dictionary for the
    // language): words must then wrap at their boundaries.
    document.body.style.hyphens = 'manual';
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el.closest('svg, script, style, [hidden], #innsyn-panic') || !el.checkVisibility()) continue;
      for (const m of n.textContent.matchAll(/\p{L}{2,}/gu)) {
        const r = document.createRange();
        // After a soft hyphen (a break the text itself allows) the word's
        // first letter shares its box with the hyphen drawn on the line before.
        r.setStart(n, m.index + (n.textContent[m.index - 1] === '\u00ad' ? 1 : 0));
        r.setEnd(n, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)));
        if (tops.size > 1) out.push(`${m[0]} (in ${el.tagName.toLowerCase()}.${[...el.classList].join('.')})`);
      }
    }
    document.body.style.hyphens = '';
    return [...new Set(out)];
  });
}

for (const width of [320, 375]) {
  test(`no word broken mid-letter at ${width} px`, async (t) => {
    for (const [name, [query, ready]] of Object.entries(VIEWS)) {
      await t.test(name, async () => {
        const found = [];
        for (const lang of ['nb', 'nn', 'en']) {
          const page = await newPage(browser, width);
          await page.goto(`${server.url}?${[query, lang === 'nb' ? '' : `lang=${lang}`].filter(Boolean).join('&')}`);
          await page.waitForSelector(ready);
          await page.waitForFunction(() => !document.querySelector('.loading'));
          // Tables too: every figure's table shown.
          for (const b of await page.locator('figcaption button.toggle').all()) await b.click();
          found.push(...(await brokenWords(page)).map((w) => `${lang}: ${w}`));
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${lang}: scrolls sideways by ${overflow}px`);
          await page.close();
        }
        assert.deepEqual(found, []);
      });
    }
  });
}

test("bar labels keep the figure's decimals", async () => {
  const page = await newPage(browser, 1280);
  await page.goto(server.url);
  await page.waitForSelector('.chart[role=img] svg');
  const doc = demoFile('barn-med-tiltak.json');
  const values = doc.values.filter((o) => /^\d{4}$/.test(o.region) && o.period === '2024' && o.value !== null).map((o) => o.value);
  const labels = await page.locator('.figure .chart svg text[dx]').allTextContents();
  assert.equal(labels.length, values.length, 'one label per bar');
  const want = values.map((v) => nb(v, doc.decimals)).sort();
  assert.deepEqual([...labels].sort(), want);
  assert.ok(labels.every((l) => /,\d$/.test(l)), `one decimal each: ${labels.slice(0, 5)}`);
  await page.close();
});
