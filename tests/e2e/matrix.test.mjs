// Every view in nb, nn and en at 320, 375 and 1280 px, and in embed mode: the
// page's language is set, nothing scrolls sideways, no script error, and
// axe-core finds nothing.
// (Values are checked against the source files in the other e2e tests.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, axe } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(undefined, {}, { demo: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const VIEWS = {
  overview: ['', '.tilemap .tile'],
  region: ['view=region&region=fjellregionen', '.card .big .value'],
  municipality: ['view=municipality&region=3427', '.card .big .value'],
  indicator: ['view=indicator&indicator=barn-per-aarsverk&year=2020', '.tilemap .tile'],
  cooperation: ['view=cooperation&members=3407,3447,3448', '.card .big .value'],
  validate: ['view=validate', '#file-input'],
};

for (const [name, [query, ready]] of Object.entries(VIEWS)) {
  test(`${name}: nb, nn, en at 320, 375, 1280 px`, async () => {
    for (const lang of ['nb', 'nn', 'en']) {
      for (const width of [320, 375, 1280]) {
        const page = await newPage(browser, width);
        const qs = [query, lang === 'nb' ? '' : `lang=${lang}`].filter(Boolean).join('&');
        await page.goto(server.url + (qs ? `?${qs}` : ''));
        await page.waitForSelector(ready);
        await page.waitForFunction(() => !document.querySelector('.loading'));
        const where = `${name} ${lang} ${width}px`;
        assert.equal(await page.getAttribute('html', 'lang'), lang, where);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${where}: scrolls sideways by ${overflow}px`);
        assert.deepEqual(await axe(page), [], where);
        assert.deepEqual(page.errors, [], where);
        await page.close();
      }
    }
  });
}

test('every view in embed mode (nn, 320 px): no site menu, a link out, axe clean', async () => {
  for (const [name, [query, ready]] of Object.entries(VIEWS)) {
    const page = await newPage(browser, 320);
    await page.goto(`${server.url}?${[query, 'lang=nn', 'embed=1'].filter(Boolean).join('&')}`);
    await page.waitForSelector(ready);
    await page.waitForFunction(() => !document.querySelector('.loading'));
    assert.equal(await page.locator('nav.main-menu, .site-footer, .embed-tools').count(), 0, name);
    assert.match(await page.textContent('.embed-header a'), /^Sjå meir i Innsyn/, name);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: scrolls sideways by ${overflow}px`);
    assert.deepEqual(await axe(page), [], name);
    assert.deepEqual(page.errors, [], name);
    await page.close();
  }
});
