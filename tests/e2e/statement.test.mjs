// The accessibility statement (view=accessibility) in nb, nn and en, its
// contact from the catalog (or the site's publisher without one), the
// footer and embed links to it, and «Kopier lenke» on every view: the
// canonical link on the clipboard, the polite confirmation, and the
// selected field when the clipboard is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, axe, demoAsSiteCatalog, DIST } from './harness.mjs';

const VIEWS = ['', '?view=region&region=04', '?view=municipality&region=3407', '?view=indicator',
  '?view=cooperation&members=3407,3447', '?view=validate', '?view=accessibility'];
const WORDS = { nb: ['Tilgjengelighetserklæring for Innsyn', 'Lenken er kopiert', 'Oppfylt'],
  nn: ['Tilgjengelegheitserklæring for Innsyn', 'Lenkja er kopiert', 'Ikkje relevant'],
  en: ['Accessibility statement for Innsyn', 'Link copied', 'Not applicable'] };

let server, browser;
before(async () => { server = await serve(DIST, {}, { demo: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A catalog beside the site's own with a contact (one bad address, one bad link in the second). */
async function withCatalogs(page) {
  const cat = JSON.parse(demoAsSiteCatalog(DIST).toString());
  const good = { ...cat, contact: { name: { nb: 'Barnevernskontoret', nn: 'Barnevernskontoret', en: 'The child welfare office' }, email: 'uu@example.no', url: 'https://example.no/uu' } };
  const bad = { ...cat, contact: { email: 'ring 12345678', url: 'javascript:alert(1)' } };
  await page.route('**/data/contact.json', (r) => r.fulfill({ json: good }));
  await page.route('**/data/bad-contact.json', (r) => r.fulfill({ json: bad }));
}

test('the statement in each language, with the criteria table, the date and axe clean', async () => {
  const page = await newPage(browser, 375);
  for (const [lang, [title,, status]] of Object.entries(WORDS)) {
    await page.goto(`${server.url}?view=accessibility${lang === 'nb' ? '' : `&lang=${lang}`}`);
    await page.waitForSelector('table.criteria tbody tr');
    assert.equal((await page.textContent('main h1')).replace(/\u00ad/g, ''), title, 'the title (soft hyphens aside)');
    assert.equal(await page.locator('table.criteria tbody tr').count(), 50);
    assert.ok((await page.textContent('main')).includes(status), `${lang}: ${status}`);
    assert.match(await page.textContent('.statement-date'), /2026/);
    assert.ok(await page.locator('a[href="https://www.uutilsynet.no/"]').count());
    // No contact in the site's catalog: the publisher is named instead.
    assert.match(await page.textContent('p.contact'), /Innsyn/);
    assert.deepEqual(await axe(page), [], `${lang}: axe`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the contact comes from the catalog; a bad address is not linked, a javascript: url not used', async () => {
  const page = await newPage(browser);
  await withCatalogs(page);
  await page.goto(`${server.url}?view=accessibility&lang=en&catalog=data/contact.json`);
  await page.waitForSelector('ul.contact');
  assert.match(await page.textContent('ul.contact'), /The child welfare office/);
  assert.equal(await page.getAttribute('ul.contact a[href^=mailto]', 'href'), 'mailto:uu@example.no');
  assert.equal(await page.locator('ul.contact a[href="https://example.no/uu"]').count(), 1);
  await page.goto(`${server.url}?view=accessibility&catalog=data/bad-contact.json`);
  await page.waitForSelector('ul.contact');
  assert.match(await page.textContent('ul.contact'), /ring 12345678/);
  assert.equal(await page.locator('ul.contact a').count(), 0, 'nothing linked');
  await page.close();
});

test('every footer links to the statement in the page language, and so does an embed', async () => {
  const page = await newPage(browser);
  for (const v of VIEWS) {
    await page.goto(`${server.url}${v}${v ? '&' : '?'}lang=nn`);
    await page.waitForSelector('.site-footer a');
    const a = page.locator('.site-footer a');
    assert.equal(await a.textContent(), 'Tilgjengelegheitserklæring', v);
    assert.match(await a.getAttribute('href'), /view=accessibility.*lang=nn/, v);
  }
  await page.goto(`${server.url}?view=municipality&region=3407&embed=1&lang=en&catalog=data/catalog.json`);
  const link = page.locator('.embed-header a.statement-link');
  assert.equal(await link.getAttribute('target'), '_blank');
  const href = new URL(await link.getAttribute('href'));
  assert.equal(href.searchParams.get('view'), 'accessibility');
  assert.equal(href.searchParams.get('lang'), 'en');
  assert.equal(href.searchParams.get('embed'), null, 'the full site, not the embed');
  assert.equal(href.searchParams.get('catalog'), 'data/catalog.json');
  await page.close();
});

test('«Kopier lenke» on every view puts the canonical link on the clipboard and says so', async () => {
  const ctx = await browser.newContext();
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  const page = await ctx.newPage();
  for (const v of [...VIEWS, '?view=region&region=04&embed=1']) {
    await page.goto(server.url + v + (v ? '&' : '?') + 'lang=en');
    // The page itself, not the stand-in shown while the tools module loads.
    await page.waitForSelector('main h1');
    const button = page.locator('.copy-link button');
    await button.click();
    await page.waitForFunction(() => document.querySelector('.copy-link [role=status]').textContent === 'Link copied');
    assert.equal(await page.getAttribute('.copy-link [role=status]', 'aria-live'), 'polite');
    const want = server.url + (v ? v.replace('&embed=1', '') + '&' : '?') + 'lang=en';
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), want, v);
  }
  await ctx.close();
});

test('with the clipboard refused the link is shown selected in a labelled field', async () => {
  const page = await newPage(browser);
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.goto(`${server.url}?view=municipality&region=3407`);
  await page.click('.copy-link button');
  const field = page.locator('#copy-link-url');
  await field.waitFor({ state: 'visible' });
  assert.equal(await field.inputValue(), `${server.url}?view=municipality&region=3407`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'copy-link-url');
  assert.deepEqual(await page.evaluate(() => { const e = document.activeElement; return [e.selectionStart, e.selectionEnd === e.value.length]; }), [0, true]);
  assert.equal(await page.textContent('label[for=copy-link-url]'), 'Lenke til denne visningen');
  assert.equal(await field.getAttribute('readonly'), '');
  await page.close();
});

test('the button is reached with Tab and pressed with Enter', async () => {
  const ctx = await browser.newContext();
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  const page = await ctx.newPage();
  await page.goto(`${server.url}?view=validate`);
  await page.waitForSelector('.copy-link button');
  let found = false;
  for (let i = 0; i < 80 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.closest('.copy-link') !== null && document.activeElement.tagName === 'BUTTON');
  }
  assert.ok(found, 'reached by Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.copy-link [role=status]').textContent === 'Lenken er kopiert');
  await ctx.close();
});
