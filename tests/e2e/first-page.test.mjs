// The first page end to end: registry list, the demonstration chart from a
// fetched file, languages, keyboard use, phone width, and axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, firstChart, axe, screenshot, demoFile, nb } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(undefined, {}, { demo: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const demo = demoFile('barn-med-tiltak.json');

for (const width of [1280, 375]) {
  for (const lang of ['nb', 'nn', 'en']) {
    test(`first page in ${lang} at ${width} px: chart, list, no sideways scrolling, axe clean`, async () => {
      const page = await newPage(browser, width);
      await page.goto(server.url + (lang === 'nb' ? '' : `?lang=${lang}`));
      await firstChart(page);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      const h1 = await page.textContent('h1');
      assert.match(h1, { nb: /Barnevernet i kommunene/, nn: /Barnevernet i kommunane/, en: /Child welfare in the municipalities/ }[lang]);
      assert.equal(await page.locator('table.municipalities tbody tr').count(), 48);
      assert.match(await page.textContent('.demo-label'), { nb: /Fiktive tall/, nn: /Fiktive tal/, en: /Fictitious figures/ }[lang]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
      assert.deepEqual(await axe(page), []);
      await screenshot(page, `first-page-${lang}-${width}`);
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }
}

test('the chart shows the file: top municipality and its value in the table', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await firstChart(page);
  const rows = demo.values.filter((o) => /^\d{4}$/.test(o.region) && o.period === '2024' && o.value !== null).sort((a, b) => b.value - a.value);
  await page.click('.figure button.toggle');
  const first = page.locator('.figure tbody tr').first();
  assert.equal(await first.locator('td.num').getAttribute('data-value'), String(rows[0].value));
  assert.equal((await first.locator('td.num').textContent()).trim(), nb(rows[0].value, 1));
  assert.match(await first.locator('th').textContent(), new RegExp(rows[0].region));
  assert.deepEqual(await axe(page), [], 'axe with the table open');
  await page.close();
});

test('language switch updates the URL, <html lang> and the text, fetches nothing; back goes back', async () => {
  const page = await newPage(browser);
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/data/')) fetched.push(r.url()); });
  await page.goto(server.url);
  await firstChart(page);
  const before = fetched.length;
  await page.click('.lang-switch a[lang=nn]');
  await page.waitForFunction(() => document.documentElement.lang === 'nn');
  assert.match(page.url(), /\?lang=nn$/);
  assert.match(await page.textContent('h1'), /kommunane/);
  assert.equal(await page.getAttribute('.lang-switch a[lang=nn]', 'aria-current'), 'true');
  await firstChart(page);
  assert.equal(fetched.length, before, `nothing fetched again on a language switch: ${fetched}`);
  await page.goBack();
  await page.waitForFunction(() => document.documentElement.lang === 'nb');
  assert.match(await page.textContent('h1'), /kommunene/);
  await page.close();
});

test('keyboard: skip link first, then the language links; the table toggle works with Enter', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await firstChart(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('lang')), 'nb');
  await page.focus('.figure button.toggle');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('.figure button.toggle', 'aria-expanded'), 'true');
  assert.equal(await page.locator('.figure .table-wrap').isVisible(), true);
  await page.close();
});

test('a missing data file gives a clear error in its panel and the rest of the page works', async () => {
  const page = await newPage(browser);
  await page.route('**/data/demo/barn-med-tiltak.json', (r) => r.fulfill({ status: 404, body: 'nope' }));
  await page.goto(server.url);
  await page.waitForSelector('main [role=alert]');
  assert.match(await page.textContent('main [role=alert]'), /Fant ikke fila \(404\)/);
  assert.equal(await page.locator('table.municipalities tbody tr').count(), 48);
  assert.deepEqual(await axe(page), []);
  await page.close();
});

test('a malformed data file names the line and column', async () => {
  const page = await newPage(browser);
  await page.route('**/data/demo/barn-med-tiltak.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"format": "innsyn-indicator/1",\n "values": [' }));
  await page.goto(server.url);
  await page.waitForSelector('main [role=alert]');
  assert.match(await page.textContent('main [role=alert]'), /Linje 2, kolonne 13/);
  await page.close();
});

test('tile map: 48 squares with the values of the file announced, keyboard to a profile, indicator in the URL', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await page.waitForSelector('.tilemap .tile');
  assert.equal(await page.locator('.tilemap .tile').count(), 48);
  const hamar = demo.values.find((o) => o.region === '3403' && o.period === '2024');
  const label = await page.getAttribute('.tilemap .tile:has-text("HAM")', 'aria-label');
  assert.equal(label, hamar.value === null ? label : `HAM ${nb(hamar.value, 1)} – Hamar: ${nb(hamar.value, 1)} per 1000 barn 0–17 år`);
  assert.match(await page.textContent('.map .source'), /© Kartverket/);
  assert.ok(await page.locator('.legend li').count() >= 2, 'a legend with classes');
  await page.focus('.tilemap .tile:has-text("HAM")');
  assert.match(await page.textContent('.tile-focus'), /^Hamar: /);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Hamar');
  assert.match(page.url(), /view=municipality&region=3403/);
  await page.goBack();
  await page.waitForSelector('#indicator-select');
  await page.selectOption('#indicator-select', 'aarsverk');
  await page.waitForFunction(() => /Årsverk/.test(document.querySelector('#map-h')?.textContent));
  assert.match(page.url(), /indicator=aarsverk/);
  assert.deepEqual(await axe(page), []);
  await page.close();
});
