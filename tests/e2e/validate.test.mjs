// The validator page: a publisher picks a file and sees the diagnostics of
// `innsyn validate`, computed in the browser; nothing is uploaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, newPage, axe, screenshot, ROOT } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(undefined, {}, { demo: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SSB = join(ROOT, 'tests', 'data', 'jsonstat', 'ssb', '12367_kostra_regnskap.json');
const demo = readFileSync(join(ROOT, 'public/data/demo/barn-med-tiltak.json'), 'utf8');

async function openValidator(width = 1280, lang = 'nb') {
  const page = await newPage(browser, width);
  page.sent = [];
  page.on('request', (r) => { if (r.method() !== 'GET') page.sent.push(`${r.method()} ${r.url()}`); });
  await page.goto(server.url + (lang === 'nb' ? '' : `?lang=${lang}`));
  await page.click('.main-menu a:has-text("' + { nb: 'Sjekk en datafil', en: 'Check a data file' }[lang] + '")');
  await page.waitForSelector('#file-input');
  assert.match(page.url(), /view=validate/);
  return page;
}

async function pick(page, name, buffer) {
  await page.setInputFiles('#file-input', { name, mimeType: 'application/json', buffer });
  await page.waitForSelector('.panel[aria-live] h2');
}

test('a broken file: verdict, place and hint for each problem; axe clean; nothing sent', async () => {
  const page = await openValidator();
  const broken = demo.replace('"value":57.4', '"value":"57,4"').replace('"id": "barn-med-tiltak",', '');
  await pick(page, 'kommune.json', Buffer.from(broken));
  assert.match(await page.textContent('.verdict'), /Ugyldig/);
  const table = await page.textContent('.diagnostics-table');
  assert.match(table, /VALUE_NOT_NUMBER/);
  assert.match(table, /Skriv tallet uten anførselstegn og med desimalpunktum: 57\.4/);
  assert.match(table, /MISSING_FIELD/);
  assert.match(table, /\$\.values\[\d+\]\.value/);
  assert.match(table, /linje \d+, kolonne \d+/);
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'validate-broken-nb-1280');
  assert.deepEqual(page.sent, [], 'no request other than GET left the page');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a real SSB JSON-stat file is valid, with its format and cell count (English, phone)', async () => {
  const page = await openValidator(375, 'en');
  await pick(page, '12367.json', readFileSync(SSB));
  assert.match(await page.textContent('.verdict'), /Valid/);
  const facts = await page.textContent('.facts');
  assert.match(facts, /JSON-stat/);
  const doc = JSON.parse(readFileSync(SSB, 'utf8'));
  const cells = doc.size.reduce((a, b) => a * b, 1);
  assert.match(facts, new RegExp(`1 / ${cells.toLocaleString('en-US')}`));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'validate-ssb-en-375');
  await page.close();
});

test('random bytes: a clear message, and the page keeps working', async () => {
  const page = await openValidator();
  await pick(page, 'regneark.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0xfe]));
  assert.match(await page.textContent('.panel [role=alert]'), /ikke UTF-8-tekst/);
  await pick(page, 'ok.json', Buffer.from(demo));
  assert.match(await page.textContent('.verdict'), /Gyldig/);
  await page.click('.main-menu a:has-text("Oversikt")');
  await page.waitForSelector('.chart[role=img] svg');
  await page.close();
});
