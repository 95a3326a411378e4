// No bokmål interface text under lang=nn or lang=en: every view (and its
// error and empty states) is opened in nynorsk and English, every visible
// text, every accessible name and title is collected, and none may hold an
// interface string's bokmål text where it differs from that language's —
// the strings of i18n::T, read from crates/innsyn-core/src/i18n/mod.rs. Text
// from data files (names, titles, sources) is data, and not in T.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, newPage, ROOT } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(undefined, {}, { demo: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The strings! table of i18n/mod.rs: key → [nb, nn, en]. */
export function strings() {
  const src = readFileSync(join(ROOT, 'crates/innsyn-core/src/i18n/mod.rs'), 'utf8');
  const table = src.slice(src.indexOf('strings! {'), src.indexOf('\n}\n', src.indexOf('strings! {')));
  const lit = '"((?:[^"\\\\]|\\\\.)*)"';
  const row = new RegExp(`(\\w+) => \\(\\s*${lit}\\s*,\\s*${lit}\\s*,\\s*${lit}\\s*,?\\s*\\)`, 'g');
  const out = {};
  for (const m of table.matchAll(row)) out[m[1]] = [m[2], m[3], m[4]].map((s) => JSON.parse(`"${s}"`));
  return out;
}

/** The bokmål fragments that must not be seen in `lang`: each T string's
 * nb text where it differs from the `lang` text, split at its `{}`
 * placeholders, fragments of fewer than three letters left out. */
function bokmalNeedles(lang) {
  const k = { nn: 1, en: 2 }[lang];
  const needles = [];
  for (const [key, texts] of Object.entries(strings())) {
    if (texts[0] === texts[k]) continue;
    for (const frag of texts[0].split('{}').map((f) => f.trim())) {
      if ((frag.match(/\p{L}/gu) ?? []).length >= 3 && !texts[k].includes(frag)) needles.push([key, frag]);
    }
  }
  return needles;
}

/** Everything a reader can see or hear on the page: visible text nodes,
 * accessible names, titles, labels, options, the document title. Charts
 * (charts-rs SVG, whose labels are data and numbers) are left out. */
async function pageTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const visible = (el) => el && el.checkVisibility?.({ checkOpacity: false, checkVisibilityCSS: true }) !== false;
    const where = (el) => {
      const parts = [];
      for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (e.classList.length ? `.${[...e.classList].join('.')}` : ''));
      }
      return parts.join(' > ');
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || el.closest('.chart, script, style, #innsyn-panic')) continue;
      if (el.closest('option') || visible(el) || el.closest('.print-only')) out.push([n.textContent, where(el)]);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [label], [placeholder], [aria-valuetext]')) {
      if (el.closest('.chart')) continue;
      for (const a of ['aria-label', 'title', 'label', 'placeholder', 'aria-valuetext']) {
        if (el.hasAttribute(a)) out.push([el.getAttribute(a), `${where(el)} @${a}`]);
      }
    }
    out.push([document.title, 'title']);
    return out;
  });
}

function findBokmal(texts, needles) {
  const found = [];
  for (const [key, frag] of needles) {
    const esc = frag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Whole words: no letter or digit may touch a fragment's letter ends.
    const word = /[\p{L}\p{N}]/u;
    const before = word.test(frag[0]) ? '(?<![\\p{L}\\p{N}])' : '';
    const after = word.test(frag[frag.length - 1]) ? '(?![\\p{L}\\p{N}])' : '';
    const re = new RegExp(`${before}${esc}${after}`, 'u');
    for (const [text, where] of texts) if (re.test(text)) found.push(`T::${key} «${frag}» in ${where}: «${text.trim().slice(0, 120)}»`);
  }
  return [...new Set(found)];
}

const VIEWS = {
  overview: ['', '.tilemap .tile', [['.figure button.toggle']]],
  region: ['view=region&region=fjellregionen', '.card .big .value', [['.card figcaption button.toggle'], ['.card details.downloads > summary']]],
  'region, unknown': ['view=region&region=atlantis', 'main [role=alert]', []],
  municipality: ['view=municipality&region=3427', '.card .big .value', [['.card figcaption button.toggle'], ['.card details.downloads > summary']]],
  'municipality, unknown': ['view=municipality&region=9999', 'main [role=alert]', []],
  indicator: ['view=indicator&indicator=barn-med-tiltak&year=2020', '.tilemap .tile', [['input[name=measure] >> nth=1', 'check']]],
  cooperation: ['view=cooperation&members=3407,3447,3448', '.card .big .value', [['.card figcaption button.toggle']]],
  'cooperation, empty': ['view=cooperation', '.prompt', []],
  validate: ['view=validate', '#file-input', []],
  'embed dialog': ['view=region&region=04', '.card .big .value', [['.embed-tools > button']]],
};

for (const lang of ['nn', 'en']) {
  test(`no bokmål interface text under lang=${lang}`, async (t) => {
    const needles = bokmalNeedles(lang);
    assert.ok(needles.length > 80, `${needles.length} bokmål strings to look for`);
    for (const [name, [query, ready, actions]] of Object.entries(VIEWS)) {
      await t.test(name, async () => {
        const page = await newPage(browser);
        await page.goto(`${server.url}?${[query, `lang=${lang}`].filter(Boolean).join('&')}`);
        await page.waitForSelector(ready);
        await page.waitForFunction(() => !document.querySelector('.loading'));
        assert.deepEqual(findBokmal(await pageTexts(page), needles), [], 'opened in the language');
        // Opened in bokmål, then switched: nothing may stay behind in bokmål.
        await page.goto(`${server.url}?${query}`);
        await page.waitForSelector(ready);
        await page.waitForFunction(() => !document.querySelector('.loading'));
        await page.click(`.lang-switch a[lang=${lang}]`);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        for (const [sel, how] of actions) {
          if (how === 'check') await page.check(sel); else await page.locator(sel).first().click();
          await page.waitForFunction(() => !document.querySelector('.loading'));
        }
        assert.deepEqual(findBokmal(await pageTexts(page), needles), []);
        await page.close();
      });
    }
    await t.test('error states: a missing file, a malformed file, a file that is not JSON in the validator', async () => {
      const page = await newPage(browser);
      await page.route('**/data/demo/barn-med-tiltak.json', (r) => r.fulfill({ status: 404, body: 'nope' }));
      await page.route('**/data/demo/aarsverk.json', (r) => r.fulfill({ status: 500, body: 'oops' }));
      await page.route('**/data/demo/barn-per-aarsverk.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"format": "innsyn-indicator/1",\n "values": [' }));
      await page.goto(`${server.url}?view=region&region=04`);
      await page.waitForFunction(() => document.querySelectorAll('main [role=alert]').length >= 3);
      await page.click(`.lang-switch a[lang=${lang}]`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      const errors = findBokmal(await pageTexts(page), needles);
      await page.goto(`${server.url}?view=validate`);
      await page.setInputFiles('#file-input', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"a": [1, 2,') });
      await page.waitForSelector('main section [role=alert]');
      await page.click(`.lang-switch a[lang=${lang}]`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      errors.push(...findBokmal(await pageTexts(page), needles));
      await page.setInputFiles('#file-input', { name: 'y.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "innsyn-indicator/1", "values": [{"region": "0403", "period": "2020", "value": "12,5"}]}') });
      await page.waitForSelector('.diagnostics-table');
      errors.push(...findBokmal(await pageTexts(page), needles));
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}

test('a language switch rewrites a chart\'s numbers and its legend in place, and what was hidden when shown', async (t) => {
  // Hamarregionen on the real catalog offline: kroner, whose axis reads
  // «19,8k», against Hedmark and Innlandet.
  const real = await serve();
  t.after(() => real.close());
  const page = await newPage(browser);
  await page.goto(`${real.url}?view=region&region=hamarregionen`);
  await page.waitForSelector('.figure.trend .chart svg');
  await page.evaluate(() => { window.kept = document.querySelector('.figure.trend .chart svg'); });
  const read = () => page.evaluate(() => {
    const fig = document.querySelector('.figure.trend');
    return {
      same: fig.querySelector('.chart svg') === window.kept,
      numbers: [...fig.querySelectorAll('.chart text')].map((t) => t.textContent).filter((t) => /^[\d\s.,kM-]+$/.test(t) && /[.,]\d/.test(t)),
      legend: [...fig.querySelectorAll('.legend.lines li')].map((li) => li.textContent),
      keys: [...fig.querySelectorAll('.legend.lines li line')].map((l) => `${l.getAttribute('stroke')} ${l.getAttribute('stroke-dasharray') ?? ''}`),
      caption: fig.querySelector('table caption').textContent,
      menu: [...fig.querySelectorAll('details.downloads button')].map((b) => b.textContent),
    };
  });
  const nb = await read();
  assert.ok(nb.numbers.length > 0 && nb.numbers.every((t) => t.includes(',')), JSON.stringify(nb.numbers));
  assert.ok(nb.legend.length >= 2 && nb.legend[0].includes('(beregnet)'), JSON.stringify(nb.legend));
  // Each line's key differs from the others' by dash as well as colour.
  assert.equal(new Set(nb.keys).size, nb.keys.length);
  assert.ok(nb.keys.slice(1).every((k) => /\d \d/.test(k)), JSON.stringify(nb.keys));
  await page.click('.lang-switch a[lang=en]');
  await page.waitForFunction(() => document.querySelector('.figure.trend .legend.lines li')?.textContent.includes('(computed)'));
  const en = await read();
  assert.ok(en.same, 'the chart is the same element, its texts rewritten');
  assert.equal(en.numbers.length, nb.numbers.length);
  assert.ok(en.numbers.every((t) => t.includes('.') && !t.includes(',')), JSON.stringify(en.numbers));
  assert.deepEqual(en.keys, nb.keys);
  // The table behind the chart and the closed menu follow when shown.
  await page.locator('.figure.trend button.toggle').first().click();
  await page.locator('.figure.trend details.downloads > summary').first().click();
  const shown = await read();
  assert.notEqual(shown.caption, nb.caption);
  assert.ok(shown.menu.length > 0 && shown.menu.every((b) => !nb.menu.includes(b)), JSON.stringify([nb.menu, shown.menu]));
  await page.close();
});

test('the check finds bokmål where there is some', () => {
  const needles = bokmalNeedles('nn');
  assert.deepEqual(findBokmal([['Kilde: SSB', 'p.source']], needles).length, 1);
  assert.deepEqual(findBokmal([['Kjelde: SSB', 'p.source'], ['Kommunar', 'h2']], needles), []);
  assert.ok(findBokmal([['Tjeneren svarte 500 Internal.', 'p']], needles).length === 1);
  assert.equal(findBokmal([['Innsyn kjenner ikke noe fylke eller regionråd «atlantis».', 'p']], needles).length, 1);
  assert.ok(strings().DemoLabel[1] === 'Fiktive tal – berre til demonstrasjon');
});
