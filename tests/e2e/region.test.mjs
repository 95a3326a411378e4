// The region dashboard: computed figures that match the file, coverage,
// changes, trend chart + table, members ranked, region picker, languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, axe, screenshot, demoFile as file, REGIONS as regions, nb, expected } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(undefined, {}, { demo: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const [lang, width] of [['nb', 1280], ['nn', 375], ['en', 375], ['nb', 375]]) {
  test(`region dashboard for Hedmark in ${lang} at ${width} px: figures from the files, axe clean`, async () => {
    const page = await newPage(browser, width);
    await page.goto(`${server.url}?view=region&region=04${lang === 'nb' ? '' : `&lang=${lang}`}`);
    await page.waitForSelector('.card .big .value');
    await page.waitForFunction(() => document.querySelectorAll('.card .big .value').length === 3);
    assert.equal(await page.textContent('h1'), 'Hedmark');
    const hedmark = regions.municipalities.filter((m) => m.codes[0].county === '04').map((m) => m.id);
    const cards = page.locator('section.card');
    for (const [i, name] of ['barn-med-tiltak.json', 'aarsverk.json', 'barn-per-aarsverk.json'].entries()) {
      const doc = file(name);
      const e = expected(doc, hedmark, 2024);
      const shown = (await cards.nth(i).locator('.big .value').textContent()).trim();
      const want = lang === 'en' ? e.value.toFixed(doc.decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : nb(e.value, doc.decimals);
      assert.equal(shown, want, `${name}: computed figure`);
      assert.match(await cards.nth(i).locator('.computed').textContent(), new RegExp(`${e.used} (av|of) ${e.total}`));
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    assert.deepEqual(await axe(page), []);
    await screenshot(page, `region-04-${lang}-${width}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('the picker changes region through the URL; the trend table holds every year', async () => {
  const page = await newPage(browser);
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/data/')) fetched.push(r.url()); });
  await page.goto(`${server.url}?view=region`);
  await page.waitForSelector('.card .big .value');
  await page.selectOption('#region-select', 'hadeland');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Hadeland');
  assert.match(page.url(), /view=region&region=hadeland/);
  const card = page.locator('section.card').first();
  await card.locator('figcaption button.toggle').first().click();
  const rows = card.locator('.table-wrap:not([hidden]) tbody tr');
  assert.equal(await rows.count(), 8, '2017–2024');
  const hadeland = regions.councils.find((c) => c.id === 'hadeland').members;
  const e = expected(file('barn-med-tiltak.json'), hadeland, 2018);
  const cell = card.locator('.table-wrap:not([hidden]) tbody tr', { hasText: '2018' }).locator('td.num').first();
  assert.ok(Math.abs(Number(await cell.getAttribute('data-value')) - e.value) < 1e-9, 'Lunner and Jevnaker counted under their 2018 numbers');
  assert.equal(await page.locator('section.card').first().locator('h3').textContent(), 'Kommunene i 2024');
  // Compared with its county (computed) and the country as the file publishes it.
  const heads = await card.locator('.table-wrap:not([hidden]) thead th').allTextContents();
  assert.deepEqual(heads.slice(3), ['Oppland (beregnet)', 'Innlandet (beregnet)', 'Landet uten Oslo', 'Landet']);
  const eakuo = file('barn-med-tiltak.json').values.find((o) => o.region === 'EAKUO' && o.period === '2018');
  const row2018 = card.locator('.table-wrap:not([hidden]) tbody tr', { hasText: '2018' }).locator('td.num');
  assert.equal(await row2018.nth(3).getAttribute('data-value'), String(eakuo.value));
  assert.match(await card.locator('.chart.line').getAttribute('aria-label'), /Sammenlignet med: Oppland \(beregnet\), Innlandet \(beregnet\), Landet uten Oslo, Landet/);
  assert.equal(await card.locator('.figure').last().locator('tbody tr').count(), 3, 'three members ranked');
  assert.deepEqual(await axe(page), []);
  const before = fetched.length;
  await page.click('.lang-switch a[lang=en]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(fetched.length, before, 'a language switch fetches nothing');
  await page.goBack();
  await page.waitForFunction(() => document.documentElement.lang === 'nb');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Hedmark');
  await page.close();
});

test('Innlandet before 2020 is the 46 that formed it; an unknown region says so', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?view=region&region=34`);
  await page.waitForSelector('.card .big .value');
  const card = page.locator('section.card').first();
  await card.locator('figcaption button.toggle').first().click();
  const row = (y) => card.locator('.table-wrap:not([hidden]) tbody tr', { hasText: y });
  assert.notEqual((await row('2019').locator('td.num').first().textContent()).trim(), '–');
  assert.match(await row('2019').textContent(), /\d+ av 46 kommuner/);
  await page.goto(`${server.url}?view=region&region=atlantis`);
  assert.match(await page.textContent('main [role=alert]'), /atlantis/);
  assert.deepEqual(page.errors, []);
  await page.close();
});
