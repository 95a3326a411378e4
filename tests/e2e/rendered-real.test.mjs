// Pages rendered at publish time on the bundled, real catalog (SSB's API
// not reachable, as when a site is built offline): the figures the site
// holds are in the HTML — the start page's sentence, first chart and
// table, a region's and a municipality's costs — with no «Laster inn …»
// for a bundled indicator; what only SSB's live API has is one line.
// The accessibility statement, a page of the tools module, is rendered too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, rmSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, DIST, ROOT } from './harness.mjs';
import { render } from '../../scripts/render.mjs';

const SITE = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'rendered-real-e2e');
const PAGES = ['', 'region/34/', 'kommune/3407/', 'en/municipality/3450/', 'indikator/netto-per-innbygger-0-17/', 'tilgjengelighet/'];

let browser;
before(async () => {
  rmSync(SITE, { recursive: true, force: true });
  cpSync(DIST, SITE, { recursive: true });
  const { pages } = await render(SITE, { only: PAGES });
  assert.equal(pages, PAGES.length);
  browser = await launch();
});
after(async () => { await browser?.close(); });

/** The rendered page as a reader without JavaScript gets it. */
async function parsed(path) {
  const page = await browser.newPage({ javaScriptEnabled: false });
  await page.setContent(readFileSync(join(SITE, path, 'index.html'), 'utf8'));
  const got = await page.evaluate(() => ({
    h1: document.querySelector('main h1')?.textContent,
    charts: [...document.querySelectorAll('main .chart svg')].filter((s) => s.querySelectorAll('path,rect,circle,text').length >= 20).length,
    rows: document.querySelectorAll('main table tbody tr').length,
    loading: [...document.querySelectorAll('main .loading')].map((e) => e.textContent),
    lead: document.querySelector('.spending .lead')?.textContent,
    cards: [...document.querySelectorAll('main section.card')].map((c) => (c.querySelector('.big') ? 'figure' : c.querySelector('.loading') ? 'live' : 'other')),
  }));
  await page.close();
  return got;
}

test('rendered offline, the bundled figures are in the HTML; only live panels wait for SSB, as one line', async () => {
  const start = await parsed('');
  assert.match(start.lead, /^I 2025 brukte de 48 kommunene 1,36 milliarder kroner netto på barnevern/);
  assert.ok(start.charts >= 2, `the spending's chart and the map's ranking: ${start.charts}`);
  assert.ok(start.rows > 48, 'the tables are in the HTML');
  for (const path of ['region/34/', 'kommune/3407/', 'en/municipality/3450/']) {
    const p = await parsed(path);
    assert.equal(p.cards[0], 'figure', `${path}: the first card has figures`);
    assert.ok(p.cards.indexOf('live') > p.cards.lastIndexOf('figure'), `${path}: live panels after: ${p.cards}`);
    assert.ok(p.charts >= 3, `${path}: ${p.charts} charts`);
    assert.ok(p.loading.every((t) => /^(Henter tallene fra SSB|Fetching the figures from SSB) …$/.test(t)), `${path}: ${p.loading}`);
  }
  const ind = await parsed('indikator/netto-per-innbygger-0-17/');
  assert.equal(ind.loading.length, 0);
  assert.ok(ind.rows >= 48);
  const statement = await parsed('tilgjengelighet/');
  assert.match(statement.h1, /^Tilgjengelighets\u00ad?erklæring for Innsyn$/);
  assert.equal(statement.loading.length, 0);
});
