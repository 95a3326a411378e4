// Pages rendered at publish time (scripts/render.mjs) on the demonstration
// catalog as the site's own: without JavaScript they show their figures,
// charts and tables and their links lead to other rendered pages; with it,
// the app takes the page over showing the same figures, fetching none of
// the files the page holds, under the page's own policy, and follows
// stable-path links in place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, newPage, axe, screenshot, demoAsSiteCatalog, DIST, ROOT } from './harness.mjs';
import { render } from '../../scripts/render.mjs';

const SITE = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'rendered-e2e');
const PAGES = ['', 'kommune/3407/', 'region/04/', 'region/hadeland/', 'embed/kommune/3407/', 'nn/kommune/3407/',
  'en/municipality/3407/', 'indikator/barn-med-tiltak/'];

let server, browser;
before(async () => {
  rmSync(SITE, { recursive: true, force: true });
  cpSync(DIST, SITE, { recursive: true });
  writeFileSync(join(SITE, 'data/catalog.json'), demoAsSiteCatalog(SITE));
  const { pages } = await render(SITE, { only: PAGES });
  assert.equal(pages, PAGES.length, 'every page the test names is a published page');
  server = await serve(SITE);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The page's main content: its text (tables and summaries included; the
 * controls, which only the app can follow, left out), and how many charts
 * with drawn shapes and how many table rows it holds. */
const contentOf = (page) => page.evaluate(() => ({
  text: (() => {
    const main = document.querySelector('main').cloneNode(true);
    main.querySelectorAll('button, select, input, datalist').forEach((e) => e.remove());
    return main.textContent.replace(/\s+/g, ' ').trim();
  })(),
  charts: [...document.querySelectorAll('main svg')]
    .filter((s) => s.querySelectorAll('rect,path,line,circle,polyline,polygon').length >= 20).length,
  rows: document.querySelectorAll('main table tbody tr').length,
}));

test('every rendered page carries its address, language, policy and the files it was drawn from', () => {
  for (const path of PAGES) {
    const html = readFileSync(join(SITE, path, 'index.html'), 'utf8');
    const depth = path.split('/').length - 1;
    assert.match(html, new RegExp(`<base href="${depth ? '(\\.\\./){' + depth + '}' : '\\./'}">`), path);
    assert.match(html, new RegExp(`<link rel="canonical" href="${path || './'}">`), path);
    assert.match(html, /<meta property="og:title" content="[^"]+">/, path);
    assert.match(html, /<meta property="og:description" content="[^"]+">/, path);
    assert.match(html, new RegExp(`<html lang="${path.startsWith('nn/') ? 'nn' : path.startsWith('en/') ? 'en' : 'nb'}"`), path);
    assert.match(html, /http-equiv="Content-Security-Policy" content="[^"]*style-src 'self' 'sha256-/, path);
    assert.match(html, /<script type="application\/json" data-innsyn-file="data\/catalog.json">/, path);
    assert.doesNotMatch(html, /<link rel="stylesheet" href="\.\/style-/, `${path}: the stylesheet is inline`);
  }
});

test('without JavaScript: figures, charts and tables are there, and links lead to rendered pages', async (t) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const page = await ctx.newPage();
  for (const path of PAGES) {
    await t.test(path || 'start page', async () => {
      await page.goto(server.url + path);
      const c = await contentOf(page);
      assert.ok(c.charts >= 1, `${path}: a chart is drawn`);
      assert.ok(c.rows >= 3, `${path}: a table is shown`);
      assert.ok(await page.isVisible('main table'), `${path}: the table is visible`);
      assert.ok(!(await page.isVisible('main button')), `${path}: no button that needs the app`);
      assert.ok(!(await page.isVisible('main details.downloads')), `${path}: no download menu that needs the app`);
      assert.ok(await page.isVisible('main h1'), path);
    });
  }
  await t.test('a link from the start page to a profile, and its language switch', async () => {
    await page.goto(server.url);
    await page.click('.tilemap a:has-text("GJØ")');
    assert.equal(new URL(page.url()).pathname, '/kommune/3407/');
    assert.equal(await page.textContent('main h1'), 'Gjøvik');
    await page.click('.lang-switch a[lang=en]');
    assert.equal(new URL(page.url()).pathname, '/en/municipality/3407/');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
  });
  await screenshot(page, 'rendered-nojs-kommune');
  await ctx.close();
});

test('the rendered markup before the app arrives passes axe', async (t) => {
  // axe needs JavaScript: the page's own scripts are held back instead.
  const page = await newPage(browser, 375);
  await page.route(/\.(js|wasm)$/, (route) => route.abort());
  for (const path of PAGES) {
    await t.test(path || 'start page', async () => {
      await page.goto(server.url + path);
      assert.ok(await page.locator('[data-rendered]').count(), `${path}: still the rendered page`);
      assert.deepEqual(await axe(page), [], `${path}: axe`);
    });
  }
  await page.close();
});

test('with JavaScript: the app takes over showing the same figures, fetching nothing the page holds', async (t) => {
  for (const path of PAGES) {
    await t.test(path || 'start page', async () => {
      const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
      const still = await ctx.newPage();
      await still.goto(server.url + path);
      const rendered = await contentOf(still);
      await ctx.close();

      const page = await newPage(browser, 375);
      const fetched = [];
      page.on('request', (r) => { if (r.url().includes('/data/')) fetched.push(r.url()); });
      await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(server.url + path);
      await page.waitForFunction(() => !document.querySelector('[data-rendered]') && document.querySelector('#innsyn main h1'));
      assert.deepEqual(fetched, [], `${path}: no file fetched again`);
      const live = await contentOf(page);
      assert.equal(live.text, rendered.text, `${path}: the same text`);
      assert.equal(live.charts, rendered.charts, `${path}: the same charts`);
      assert.equal(live.rows, rendered.rows, `${path}: the same table rows`);
      assert.deepEqual(await page.evaluate(() => window.__violations), [], `${path}: policy`);
      assert.deepEqual(page.errors, [], path);
      assert.deepEqual(await axe(page), [], `${path}: axe`);
      await page.close();
    });
  }
});

test('with JavaScript: stable-path links are followed in place, and a reload serves the rendered page', async () => {
  const page = await newPage(browser, 375);
  let documents = 0;
  page.on('request', (r) => { if (r.resourceType() === 'document') documents++; });
  await page.goto(server.url);
  await page.waitForFunction(() => !document.querySelector('[data-rendered]'));
  await page.evaluate(() => { window.innsynLoadMarker = 1; });
  assert.equal(await page.getAttribute('.tilemap a:has-text("GJØ")', 'href'), 'kommune/3407/');
  await page.click('.tilemap a:has-text("GJØ")');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Gjøvik');
  assert.equal(new URL(page.url()).pathname, '/kommune/3407/');
  assert.equal(await page.evaluate(() => window.innsynLoadMarker), 1, 'not loaded again');
  assert.equal(documents, 1);
  await page.click('.lang-switch a[lang=nn]');
  await page.waitForFunction(() => document.documentElement.lang === 'nn');
  assert.equal(new URL(page.url()).pathname, '/nn/kommune/3407/');
  await page.goBack();
  await page.waitForFunction(() => document.documentElement.lang === 'nb');
  await page.reload();
  assert.equal(await page.textContent('main h1'), 'Gjøvik');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a rendered page opened with another query gives way to the app at once', async () => {
  const page = await newPage(browser, 375);
  await page.goto(`${server.url}kommune/3407/?view=validate`);
  await page.waitForFunction(() => !document.querySelector('[data-rendered]') && document.querySelector('#innsyn main h1'));
  assert.notEqual(await page.textContent('main h1'), 'Gjøvik');
  assert.equal(await page.locator('main h1').count(), 1);
  await page.goto(`${server.url}kommune/3407/?year=2019`);
  await page.waitForFunction(() => !document.querySelector('[data-rendered]') && document.querySelector('#innsyn main h1')?.textContent === 'Gjøvik');
  assert.deepEqual(page.errors, []);
  await page.close();
});
