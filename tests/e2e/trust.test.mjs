// Whose figures a page shows (docs/security.md, innsyn_core::site): a
// `?catalog=` on an origin the site does not trust is refused by default —
// never fetched, a message in the reader's language, the shell working —
// and, where the site's configuration says "mark", shown under a notice on
// every view, in embeds and in print, with the document title saying it
// too. A trusted catalog's files on another origin name it under their
// source line.
//
// The other origins are https hosts the browser never reaches: playwright
// answers them from dist-e2e/data (so https://other.example/demo/catalog.json
// is the demonstration catalog, with CORS). The "mark" site is a copy of
// dist-e2e with its data/site.json changed and scripts/harden.mjs run again,
// as a publisher would, so its policy (connect-src) is the one that site.json
// gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { serve, launch, newPage, axe, screenshot, DIST } from './harness.mjs';
import { harden } from '../../scripts/harden.mjs';

const FOREIGN = 'https://other.example/demo/catalog.json';
const TRUSTED = 'https://stats.example/demo/catalog.json';
const q = (catalog, rest = '') => `?catalog=${encodeURIComponent(catalog)}${rest}`;

let site, marked, markedDir, browser;
before(async () => {
  site = await serve(DIST, {}, { demo: true });
  markedDir = mkdtempSync(join(tmpdir(), 'innsyn-mark-'));
  cpSync(DIST, markedDir, { recursive: true });
  writeFileSync(join(markedDir, 'data', 'site.json'), JSON.stringify({
    format: 'innsyn-site/1',
    publisher: { nb: 'KS', nn: 'KS', en: 'KS (Norway)' },
    trusted_catalog_origins: ['https://stats.example'],
    foreign_catalogs: 'mark',
  }));
  harden(markedDir);
  marked = await serve(markedDir, {}, { demo: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await marked?.close();
  if (markedDir) rmSync(markedDir, { recursive: true, force: true });
});

/** A page on which https://other.example and https://stats.example answer
 * from dist-e2e/data; `page.remote` lists every request to either host
 * (on any scheme or port). */
async function page(width = 1280) {
  const p = await newPage(browser, width);
  p.remote = [];
  p.on('request', (r) => { if (/^(other|stats)\.example$/.test(new URL(r.url()).hostname)) p.remote.push(r.url()); });
  await p.route(/^https:\/\/(other|stats)\.example\//, (route) => {
    const url = new URL(route.request().url());
    try {
      const body = readFileSync(join(DIST, 'data', url.pathname));
      const type = extname(url.pathname) === '.json' ? 'application/json' : 'application/octet-stream';
      return route.fulfill({ status: 200, headers: { 'content-type': type, 'access-control-allow-origin': '*' }, body });
    } catch {
      return route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: 'not found' });
    }
  });
  await p.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return p;
}

const settled = (p) => p.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('.loading'));

test('the mark site\'s policy is the one its site.json gives', () => {
  const csp = readFileSync(join(markedDir, 'index.html'), 'utf8').match(/Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /connect-src 'self' https:\/\/data\.ssb\.no https:\/\/stats\.example https:;/);
  const own = readFileSync(join(DIST, 'index.html'), 'utf8').match(/Content-Security-Policy" content="([^"]+)"/)[1];
  assert.equal(csp.replace(' https://stats.example https:', ''), own, 'nothing else changed');
});

test('a foreign catalog is refused by default: not fetched, said why, the shell works', async () => {
  const p = await page();
  await p.goto(site.url + q(FOREIGN, '&view=region&region=04'));
  const alert = p.locator('main [role=alert]');
  await alert.waitFor();
  assert.equal(await alert.locator('h1').textContent(), 'Katalogen er ikke godkjent');
  assert.match(await alert.textContent(),
    /Denne siden viser bare tall fra Innsyn\. Katalogen på other\.example er ikke godkjent av utgiveren\./);
  assert.deepEqual(p.remote, [], 'nothing asked of the foreign origin');
  assert.deepEqual(await p.evaluate(() => window.__violations), [], 'not even tried (the policy would block it)');
  assert.equal(await p.locator('.card .big .value').count(), 0);
  assert.equal(await p.locator('.foreign-notice').isVisible(), false, 'no notice: nothing is shown');
  assert.deepEqual(await axe(p), [], 'axe on the refusal');
  await screenshot(p, 'trust-refused');
  // The shell: header, menu, footer, and the language switch re-renders the message.
  for (const sel of ['header.site-header', 'nav.main-menu', 'footer.site-footer']) assert.ok(await p.locator(sel).isVisible(), sel);
  await p.locator('.lang-switch a[lang=nn]').click();
  await p.waitForFunction(() => document.documentElement.lang === 'nn');
  assert.match(await alert.textContent(), /Denne sida viser berre tal frå Innsyn\. Katalogen på other\.example er ikkje godkjend av utgjevaren\./);
  await p.locator('.lang-switch a[lang=en]').click();
  await p.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await alert.textContent(), /This site shows only figures from Innsyn\. The catalog on other\.example is not approved by the publisher\./);
  // The way back: the site's own dashboard, same view, no catalog.
  const own = alert.locator('a', { hasText: "Go to this site's own figures" });
  assert.doesNotMatch(await own.getAttribute('href'), /catalog=/);
  await own.click();
  await p.waitForSelector('.card .big .value');
  assert.match(p.url(), /view=region&region=04/);
  assert.deepEqual(p.remote, []);
  assert.deepEqual(p.errors, []);
  await p.close();
});

test('the refusal holds however the address is written', async () => {
  for (const catalog of ['//other.example/demo/catalog.json', '/\\other.example/demo/catalog.json',
    `https://${new URL(site.url).host}@other.example/demo/catalog.json`, ' HTTPS://OTHER.example:443/demo/catalog.json']) {
    const p = await page();
    await p.goto(site.url + q(catalog));
    await p.locator('main [role=alert]').waitFor();
    assert.match(await p.locator('main [role=alert]').textContent(), /Katalogen på (http:\/\/)?other\.example er ikke godkjent/, catalog);
    assert.deepEqual(p.remote, [], catalog);
    await p.close();
  }
});

const VIEWS = ['', '&view=region&region=04', '&view=municipality&region=3403', '&view=indicator&indicator=barn-med-tiltak',
  '&view=cooperation&members=3417,3418,3419', '&view=validate', '&view=region&region=hamarregionen&embed=1'];

test('with "mark", every view and embed carries the notice first, and the title says it', async () => {
  for (const rest of VIEWS) {
    const p = await page(375);
    await p.goto(marked.url + q(FOREIGN, rest));
    await settled(p);
    const notice = p.locator('.foreign-notice');
    assert.equal(await notice.textContent(), 'Tallene kommer fra en ekstern kilde: other.example — ikke fra KS', rest);
    assert.ok(await notice.isVisible(), rest);
    // A landmark, and the first one a screen reader meets.
    assert.equal(await notice.evaluate((n) => n.tagName === 'SECTION' && n.getAttribute('aria-label')), 'Ekstern kilde');
    const first = await p.evaluate(() => document.querySelector('section[aria-label], header, nav, main, footer').className);
    assert.equal(first, 'foreign-notice', rest);
    assert.equal(await notice.locator('button').count(), 0, 'it cannot be closed');
    assert.match(await p.title(), /^Ekstern kilde: other\.example – .+ – Innsyn$/, rest);
    assert.ok(p.remote.some((u) => u.startsWith('https://other.example/')), 'the foreign catalog was read');
    assert.deepEqual(await p.evaluate(() => window.__violations), [], rest);
    assert.deepEqual(p.errors, [], rest);
    if (rest.includes('region=04')) {
      await p.waitForSelector('.card .big .value');
      assert.equal(await p.locator('.card .dates').first().textContent(), 'Hentet fra nettstedet other.example');
      assert.deepEqual(await axe(p), [], 'axe on a marked view');
      await screenshot(p, 'trust-marked-region');
    }
    await p.close();
  }
});

test('with "mark", the notice follows the language and is in the printout', async () => {
  const p = await page();
  await p.goto(marked.url + q(FOREIGN, '&view=cooperation&members=3417,3418,3419&lang=en'));
  await settled(p);
  await p.waitForSelector('.card .big .value');
  assert.equal(await p.locator('.foreign-notice').textContent(), 'The figures come from an external source: other.example — not from KS (Norway)');
  assert.match(await p.title(), /^External source: other\.example – /);
  await p.locator('.lang-switch a[lang=nn]').click();
  await p.waitForFunction(() => document.documentElement.lang === 'nn');
  assert.equal(await p.locator('.foreign-notice').textContent(), 'Tala kjem frå ei ekstern kjelde: other.example — ikkje frå KS');
  assert.match(await p.title(), /^Ekstern kjelde: other\.example – /);
  await p.emulateMedia({ media: 'print' });
  assert.ok(await p.locator('.print-only').first().isVisible(), 'the printout is shown');
  assert.ok(await p.locator('.foreign-notice').isVisible(), 'the notice is printed');
  assert.equal(await p.locator('header.site-header').isVisible(), false, 'the rest of the shell is not');
  await screenshot(p, 'trust-marked-print');
  await p.close();
});

test('a trusted catalog on another origin: no notice, its files name their origin', async () => {
  const p = await page();
  await p.goto(marked.url + q(TRUSTED, '&view=region&region=04'));
  await p.waitForSelector('.card .big .value');
  assert.equal(await p.locator('.foreign-notice').isVisible(), false);
  assert.equal(await p.title(), 'Hedmark – barnevern i tall – Innsyn', 'the page\'s own title, no notice');
  assert.match(await p.locator('.card .source').first().textContent(), /https:\/\/stats\.example\/demo\/[^ ]+\.json$/);
  assert.equal(await p.locator('.card .dates').first().textContent(), 'Hentet fra nettstedet stats.example');
  // The site's own files say nothing of the kind.
  await p.goto(marked.url + '?view=region&region=04');
  await p.waitForSelector('.card .big .value');
  assert.equal(await p.locator('.card figcaption', { hasText: 'Hentet fra nettstedet' }).count(), 0);
  assert.deepEqual(await p.evaluate(() => window.__violations), []);
  await p.close();
});
