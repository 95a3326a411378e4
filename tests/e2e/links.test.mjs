// One link mechanism: every navigation is a real <a href="?…">. A plain
// click is followed in place — the app is never loaded again (a marker set
// on window survives, and no second document is requested) — while a
// Ctrl/Cmd-click or a middle click opens a new tab and leaves the page as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, axe } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(undefined, {}, { demo: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const h1 = (page, text) => page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, text);

test('menu, language switch, region links, tile map, council link: followed in place, never reloading', async (t) => {
  const page = await newPage(browser);
  let documents = 0;
  page.on('request', (r) => { if (r.resourceType() === 'document') documents++; });
  await page.goto(server.url);
  await page.waitForSelector('.tilemap .tile');
  await page.evaluate(() => { window.innsynLoadMarker = 'first load'; });
  const stillSameDocument = async (where) => {
    assert.equal(await page.evaluate(() => window.innsynLoadMarker), 'first load', `${where}: the app was loaded again`);
    assert.equal(documents, 1, `${where}: a document was requested again`);
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1, where);
  };

  await t.test('main menu', async () => {
    await page.click('nav.main-menu a:text-is("Regioner")');
    await h1(page, 'Hedmark');
    assert.match(page.url(), /\?view=region$/);
    assert.equal(await page.getAttribute('nav.main-menu a:text-is("Regioner")', 'aria-current'), 'page');
    await stillSameDocument('menu');
  });
  await t.test('language switch', async () => {
    await page.click('.lang-switch a[lang=nn]');
    await page.waitForFunction(() => document.documentElement.lang === 'nn');
    assert.match(page.url(), /\?view=region&lang=nn$/);
    await stillSameDocument('language switch');
  });
  await t.test('region links on the overview', async () => {
    await page.click('nav.main-menu a:text-is("Oversikt")');
    await page.waitForSelector('.region-links a');
    await page.click('.region-links a:text-is("Hadeland")');
    await h1(page, 'Hadeland');
    assert.match(page.url(), /view=region&region=hadeland&lang=nn/);
    await stillSameDocument('region link');
  });
  await t.test('a tile-map square', async () => {
    await page.goBack();
    await page.waitForSelector('.tilemap .tile');
    await page.click('.tilemap .tile:has-text("HAM")');
    await h1(page, 'Hamar');
    assert.match(page.url(), /view=municipality&region=3403&lang=nn/);
    await stillSameDocument('tile');
  });
  await t.test("a profile's council link", async () => {
    await page.click('dl.facts a');
    await h1(page, 'Hamarregionen');
    assert.match(page.url(), /view=region&region=hamarregionen&lang=nn/);
    await stillSameDocument('council link');
  });
  await t.test('back and forward', async () => {
    await page.goBack();
    await h1(page, 'Hamar');
    await page.goForward();
    await h1(page, 'Hamarregionen');
    await stillSameDocument('back and forward');
  });
  await t.test('Ctrl/Cmd-click and middle click open a new tab, the page stays', async () => {
    const before = page.url();
    for (const [how, options] of [[`${MOD}-click`, { modifiers: [MOD] }], ['middle click', { button: 'middle' }]]) {
      for (const link of ['nav.main-menu a:text-is("Indikatorar")', '.lang-switch a[lang=en]']) {
        const [tab] = await Promise.all([page.context().waitForEvent('page'), page.click(link, options)]);
        await tab.waitForLoadState('domcontentloaded');
        assert.match(tab.url(), link.includes('lang=en') ? /lang=en/ : /view=indicator/, `${how} on ${link}`);
        await tab.close();
        assert.equal(page.url(), before, `${how} on ${link}: the page did not move`);
      }
    }
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'nn');
    await stillSameDocument('modified clicks');
  });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});
