// The bundled catalog — the real one — with SSB's API answered by a
// stand-in made from SSB's real figures (ssb-mock.mjs), offline, and
// failing: every card titled, with unit, source and date; Hedmark computed
// as SSB publishes it; a rate computed from two tables; one request per
// table; nb/nn/en; axe clean. Demonstration figures are one click away and
// never on the same page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, axe, screenshot, nb } from './harness.mjs';
import { ssbMock } from './ssb-mock.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const cardOf = (page, title) => page.locator('section.card', { has: page.locator(`h2:text-is("${title}")`) });
/** Waits until no card is loading any more. */
const settled = (page) => page.waitForFunction(() => document.querySelectorAll('section.card').length > 0 && !document.querySelector('.loading'));
const expected = { nb: (v, d) => nb(v, d), nn: (v, d) => nb(v, d), en: (v, d) => v.toFixed(d).replace(/\B(?=(\d{3})+(?!\d))/g, ',') };

const TITLES = {
  nb: { tiltak: 'Barn med barnevernstiltak', aarsverk: 'Årsverk i barnevernstjenesten', perAarsverk: 'Årsverk per 1 000 barn', updated: 'Sist oppdatert 14.06.2024', source: 'Kilde: Statistisk sentralbyrå' },
  nn: { tiltak: 'Barn med barnevernstiltak', aarsverk: 'Årsverk i barnevernstenesta', perAarsverk: 'Årsverk per 1 000 barn', updated: 'Sist oppdatert 14.06.2024', source: 'Kjelde: Statistisk sentralbyrå' },
  en: { tiltak: 'Children with child welfare measures', aarsverk: 'Child welfare staff (full-time equivalents)', perAarsverk: 'Staff per 1,000 children', updated: 'Last updated 2024-06-14', source: 'Source: Statistisk sentralbyrå' },
};

for (const [lang, width] of [['nb', 1280], ['nn', 375], ['en', 375]]) {
  test(`Hedmark from SSB live in ${lang} at ${width} px: SSB's county figures, a rate of two tables, axe clean`, async () => {
    const page = await newPage(browser, width);
    const asked = await ssbMock(page);
    await page.goto(`${server.url}?view=region&region=04${lang === 'nb' ? '' : `&lang=${lang}`}`);
    await settled(page);
    const t = TITLES[lang];
    // Counts summed over the 22 municipalities = SSB's own county lines.
    const tiltak = cardOf(page, t.tiltak);
    assert.equal((await tiltak.locator('.big .value').textContent()).trim(), expected[lang](2073, 0));
    assert.match(await tiltak.locator('.computed').textContent(), /2018 .* 22 (av|of) 22/);
    const aarsverk = cardOf(page, t.aarsverk);
    assert.equal((await aarsverk.locator('.big .value').textContent()).trim(), expected[lang](207.7, 1));
    // Årsverk (12305, live) ÷ inhabitants 0–17 (07459, snapshot), sum/sum = SSB's 5,6.
    const per = cardOf(page, t.perAarsverk);
    assert.equal((await per.locator('.big .value').textContent()).trim(), expected[lang](5.6, 1));
    // Every card has a title, a unit, a source and a date; none is empty.
    const cards = page.locator('section.card');
    const n = await cards.count();
    assert.ok(n >= 15, `${n} cards`);
    for (let i = 0; i < n; i++) {
      const card = cards.nth(i);
      const title = (await card.locator('h2').first().textContent()).trim();
      assert.ok(title.length > 3, `card ${i} has a title`);
      assert.equal(await card.locator('.error').count(), 0, `${title}: no error`);
      const source = (await card.locator('p.source').first().textContent()).trim();
      assert.ok(source.startsWith(t.source), `${title}: ${source}`);
      assert.doesNotMatch(source, /: ·|: $/, `${title}: the source is named`);
      if (await card.locator('.big .unit').count()) {
        assert.ok((await card.locator('.big .unit').textContent()).trim().length > 1, `${title}: a unit`);
      }
    }
    assert.ok((await page.locator('p.dates').allTextContents()).some((d) => d.includes(t.updated)), 'the file\'s updated date');
    // One request per table, whatever number of cards show it.
    const tables = asked.map((u) => new URL(u).pathname.split('/')[5]);
    assert.deepEqual([...tables].sort(), [...new Set(tables)].sort(), `one request per table: ${tables}`);
    assert.ok(!tables.includes('07459'), 'the population comes from its snapshot');
    // Switching language fetches nothing.
    const before = asked.length;
    await page.click(`.lang-switch a >> nth=${lang === 'en' ? 0 : 2}`);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang === 'en' ? 'nb' : 'en');
    assert.equal(asked.length, before);
    assert.deepEqual(await axe(page), []);
    await screenshot(page, `ssb-live-region-04-${lang}-${width}`);
    assert.deepEqual(page.errors.filter((e) => !/status of 400/.test(e)), []);
    await page.close();
  });
}

test('a municipality from SSB live: costs from 12362, the split between functions computed, the KOSTRA group named', async () => {
  const page = await newPage(browser, 1280);
  await ssbMock(page);
  await page.goto(`${server.url}?view=municipality&region=3451`);
  await settled(page);
  assert.equal(await page.textContent('h1'), 'Nord-Aurdal');
  const costs = cardOf(page, 'Netto driftsutgifter til barnevern');
  // Net expenditure from the bundled snapshot of 12362, to 2025 (Nord-Aurdal
  // 2025 as SSB has it, tests/data/ssb/kostra_12362_…csv), whatever SSB live has.
  assert.equal((await costs.locator('.big .value').first().textContent()).trim(), nb(25165, 0));
  assert.match(await costs.textContent(), /tabell 12362/);
  assert.equal(await costs.locator('p.source a').getAttribute('href'), 'https://www.ssb.no/statbank/table/12362');
  const placed = cardOf(page, 'Andel av netto driftsutgifter til tiltak når barnet er plassert (252)');
  assert.equal((await placed.locator('.big .value').first().textContent()).trim(), nb((16459 / 27782) * 100, 1));
  // Inhabitants 0–17 from the bundled snapshot, compared with the KOSTRA group of 2024.
  const pop = cardOf(page, 'Innbyggere 0–17 år');
  assert.match(await pop.textContent(), /Personer 0–17 år 1\. januar/);
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'ssb-live-municipality-3451');
  await page.close();
});

test('offline: figures first, then one line per live panel saying SSB could not be reached and when it was asked, with the demonstration', async () => {
  const page = await newPage(browser, 375);
  await ssbMock(page, 'offline');
  await page.goto(`${server.url}?view=region&region=04`);
  await settled(page);
  const live = page.locator('.live-line', { hasText: /^Barn med barnevernstiltak:/ });
  assert.match(await live.textContent(), /^Barn med barnevernstiltak: SSB kunne ikke nås\. .*\(SSB spurt kl\. \d\d:\d\d\)/);
  assert.equal(await page.locator('.card .error[role=alert]').count(), 0, 'no red error card');
  // Every card with figures comes before every line of what SSB did not give.
  const order = await page.evaluate(() => [...document.querySelectorAll('main .card')].map((c) => (c.querySelector('.big') ? 'figure' : c.querySelector('.live-line') ? 'line' : 'other')));
  assert.ok(order.indexOf('line') > order.lastIndexOf('figure'), order.join(' '));
  assert.ok(order.filter((o) => o === 'figure').length >= 4, order.join(' '));
  const demo = live.locator('a', { hasText: 'Se demonstrasjonen med fiktive tall i stedet' });
  assert.match(await demo.getAttribute('href'), /catalog=data%2Fdemo%2Fcatalog\.json|catalog=data\/demo\/catalog\.json/);
  // The real snapshots need no network: Hedmark 2018 from SSB's tables, staff per 1 000 children = SSB's 5,6.
  assert.equal((await cardOf(page, 'Barn 0–22 år med barnevernstiltak, Hedmark 2018').locator('.big .value').textContent()).trim(), nb(2073, 0));
  assert.equal((await cardOf(page, 'Årsverk per 1 000 barn, Hedmark 2018').locator('.big .value').textContent()).trim(), nb(5.6, 1));
  assert.equal(await page.locator('.demo-label').count(), 0, 'no demonstration figures on a page of real ones');
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'ssb-offline-region-04-375');
  // One click away, on a page of its own, labelled.
  await demo.click();
  await page.waitForSelector('.demo-label');
  assert.match(page.url(), /catalog=/);
  assert.equal(await page.locator('.error[role=alert]').count(), 0);
  await page.close();
});

test('SSB answering 429 or 500: the panel says so in the reader\'s language', async () => {
  for (const [mode, lang, text] of [['429', 'nb', /for mange forespørsler \(429\)/], ['429', 'en', /too many requests \(429\)/], ['500', 'nn', /SSB gav ikkje tala\. .*500/]]) {
    const page = await newPage(browser, 375);
    await ssbMock(page, mode);
    await page.goto(`${server.url}?view=indicator&indicator=barn-med-tiltak${lang === 'nb' ? '' : `&lang=${lang}`}`);
    await page.waitForSelector('.error[role=alert]');
    assert.match(await page.locator('.error[role=alert]').first().textContent(), text);
    assert.deepEqual(await axe(page), []);
    await page.close();
  }
});

test('every view of the real catalog with SSB live: a chart, no error, nothing made up, axe clean (nb/nn/en, embeds)', async () => {
  const views = [
    ['', 'overview'],
    ['view=indicator&indicator=tiltak-per-1000&year=2018', 'indicator'],
    ['view=municipality&region=0412', 'municipality'],
    ['view=cooperation&members=3417,3418,3419', 'cooperation'],
    ['view=region&region=hamarregionen&embed=1', 'embed'],
  ];
  for (const [i, [qs, name]] of views.entries()) {
    const lang = ['nb', 'nn', 'en'][i % 3];
    const page = await newPage(browser, 375);
    await ssbMock(page);
    await page.goto(`${server.url}?${[qs, lang === 'nb' ? '' : `lang=${lang}`].filter(Boolean).join('&')}`);
    await page.waitForSelector('.chart[role=img] svg', { timeout: 20000 });
    await page.waitForFunction(() => !document.querySelector('.loading'));
    assert.equal(await page.locator('.error[role=alert]').count(), 0, `${name}: no panel failed`);
    assert.equal(await page.locator('.demo-label').count(), 0, `${name}: real figures only`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.deepEqual(await axe(page), [], name);
    await screenshot(page, `ssb-live-${name}-${lang}-375`);
    await page.close();
  }
});
