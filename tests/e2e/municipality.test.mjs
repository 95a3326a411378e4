// The municipality profile: its own figures from the file under every number
// it has had, its rank, its council and shared service, the search field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, newPage, axe, screenshot, ROOT } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(undefined, {}, { demo: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const demo = JSON.parse(readFileSync(join(ROOT, 'public/data/demo/barn-med-tiltak.json'), 'utf8'));
const nb = (v, d) => v.toFixed(d).replace('.', ',');

for (const [lang, width] of [['nb', 1280], ['nn', 375], ['en', 375]]) {
  test(`Lunner's profile from its 2018 number, in ${lang} at ${width} px`, async () => {
    const page = await newPage(browser, width);
    await page.goto(`${server.url}?view=municipality&region=0533${lang === 'nb' ? '' : `&lang=${lang}`}`);
    await page.waitForFunction(() => document.querySelectorAll('.card .big .value').length === 3);
    assert.equal(await page.textContent('h1'), 'Lunner');
    const facts = await page.textContent('dl.facts');
    assert.match(facts, /0533 \(2017–2019\), 3054 \(2020–2023\), 3234 \(2024–\)/);
    assert.match(facts, /Hadeland/);
    const own = demo.values.find((o) => o.region === '3234' && o.period === '2024');
    const card = page.locator('section.card').first();
    if (lang !== 'en') assert.equal((await card.locator('.big .value').textContent()).trim(), nb(own.value, 1));
    const withValue = demo.values.filter((o) => /^\d{4}$/.test(o.region) && o.period === '2024' && o.value !== null);
    const rank = 1 + withValue.filter((o) => o.value > own.value).length;
    assert.match(await card.locator('.rank').textContent(), new RegExp(`${rank} / ${withValue.length}`));
    await card.locator('button.toggle').click();
    const rows = card.locator('.table-wrap:not([hidden]) tbody tr');
    assert.equal(await rows.count(), 8);
    const heads = await card.locator('.table-wrap:not([hidden]) thead th').allTextContents();
    assert.deepEqual(heads, [heads[0], 'Lunner', heads[2], ...['Oppland', 'Innlandet', 'Hadeland'].map((n) => `${n} (${{ nb: 'beregnet', nn: 'berekna', en: 'computed' }[lang]})`), heads[6], heads[7]],
      `period, Lunner, note, its old county, Innlandet and its council computed, two national comparisons: ${heads}`);
    const y2018 = demo.values.find((o) => o.region === '0533' && o.period === '2018');
    const cell = rows.filter({ hasText: '2018' }).locator('td.num').first();
    assert.equal(await cell.getAttribute('data-value'), y2018.value === null ? '' : String(y2018.value));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    assert.deepEqual(await axe(page), []);
    await screenshot(page, `municipality-0533-${lang}-${width}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('search as you type with the keyboard; a shared service is named', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?view=municipality`);
  await page.waitForSelector('#muni-search');
  await page.focus('#muni-search');
  await page.keyboard.type('Gjøvik');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Gjøvik');
  assert.match(page.url(), /view=municipality&region=3407/);
  assert.match(await page.textContent('dl.facts'), /felles med Søndre Land, Nordre Land/);
  await page.goto(`${server.url}?view=municipality&region=9999`);
  assert.match(await page.textContent('main [role=alert]'), /9999/);
  await page.close();
});
