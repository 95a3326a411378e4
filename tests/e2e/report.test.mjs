// The state report to the council (pages/report.rs; innsyn report): the
// report view of a municipality and of a shared service in nb, nn and en,
// axe clean and keyboard-followable, printed to PDF on A4 by Chromium with
// no controls and page numbers; and the Word documents `scripts/test.sh`
// wrote into dist-e2e/rapport/ opened by a real reader, LibreOffice:
// headings Word's and LibreOffice's navigation use, tables, charts with
// their text alternative, and the same figures the page shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, newPage, axe, screenshot, DIST, ROOT } from './harness.mjs';

const OUT = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'report-e2e');
let server, browser;
before(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const open = async (query, width = 1280) => {
  const page = await newPage(browser, width);
  await page.goto(server.url + query);
  await page.waitForSelector('article.report .report-chapter', { timeout: 30000 });
  return page;
};

const CHAPTERS = {
  nb: ['1 Sammendrag', '2 Hva barnevernet er', '3 Tjenesten og organiseringen', '4 Temaer med tall', '5 Samarbeid med andre tjenester', '6 Utfordringer', '7 Prioriteringer og tiltak'],
  nn: ['1 Samandrag', '2 Kva barnevernet er', '3 Tenesta og organiseringa', '4 Tema med tal', '5 Samarbeid med andre tenester', '6 Utfordringar', '7 Prioriteringar og tiltak'],
  en: ['1 Summary', '2 What child welfare is', '3 The service and its organisation', '4 Themes with figures', '5 Cooperation with other services', '6 Challenges', '7 Priorities and measures'],
};

test('the report view in nb, nn and en: seven chapters, figures with tables, the Word documents, axe clean', async (t) => {
  for (const lang of ['nb', 'nn', 'en']) {
    await t.test(lang, async () => {
      const page = await open(`?view=report&region=3403&lang=${lang}`, lang === 'nb' ? 375 : 1280);
      const h2 = await page.locator('.report-chapter > h2').allTextContents();
      assert.deepEqual(h2, CHAPTERS[lang]);
      assert.match(await page.textContent('main h1'), lang === 'en' ? /Hamar municipality/ : /Hamar kommune/);
      // Economy and children: figures with a chart, its table and a paragraph.
      const figures = page.locator('.report-indicator');
      assert.ok((await figures.count()) >= 4);
      assert.equal(await page.locator('.report-indicator .chart[role=img] svg').count(), await page.locator('.report-figure').count());
      assert.ok((await page.locator('.report-indicator table tbody tr').count()) > 30);
      // Themes SSB's live API alone has keep their heading and say where.
      const meldinger = page.locator('section.report-theme', { has: page.locator('#tema-meldinger') });
      assert.match(await meldinger.locator('.missing').textContent(), /12615/);
      assert.equal(await meldinger.locator('.chart').count(), 0, 'never an empty chart');
      // Hamar is neutral: its Word documents in bokmål, nynorsk and English.
      const docs = page.locator('.report-actions a[download]');
      assert.equal(await docs.count(), 3);
      const href = await docs.first().getAttribute('href');
      const resp = await page.request.get(server.url + href);
      assert.equal(resp.status(), 200);
      assert.deepEqual(page.errors, []);
      assert.deepEqual(await axe(page), [], `${lang}: axe`);
      await screenshot(page, `report-hamar-${lang}`);
      await page.close();
    });
  }
  await t.test('a shared service: its members together', async () => {
    const page = await open('?view=report&region=bv-gjovik-sondre-land-nordre-land&lang=nn');
    assert.match(await page.textContent('main h1'), /Barnevernstenesta for Gjøvik, Søndre Land og Nordre Land/);
    assert.match(await page.textContent('.report-theme'), /Samla teneste \(berekna\)/);
    assert.deepEqual(await axe(page), []);
    await page.close();
  });
});

test('the report is reached from the municipality page, and its contents by keyboard', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + '?view=municipality&region=3407');
  await page.click('.report-links a >> nth=0');
  await page.waitForSelector('article.report .report-chapter', { timeout: 30000 });
  assert.match(await page.textContent('main h1'), /Gjøvik kommune/);
  await page.locator('.report-contents a', { hasText: '4.5 Økonomi' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tema-okonomi');
  await page.close();
});

/** Text of a PDF, and its number of pages and images, by poppler. */
const pdf = (file) => ({
  text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
  pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]),
  images: execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l)).length,
});

test('printed on A4: a cover, the contents, page numbers, no controls, no figure cut', async () => {
  const page = await open('?view=report&region=3403');
  const file = join(OUT, 'hamar-print.pdf');
  await page.emulateMedia({ media: 'print' });
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  const { text, pages } = pdf(file);
  assert.ok(pages >= 9, `${pages} pages: cover, contents, a page per chapter and the sources`);
  const first = execFileSync('pdftotext', ['-l', '1', file, '-'], { encoding: 'utf8' });
  assert.match(first, /Tilstandsrapport om barnevernet\s+Hamar kommune/);
  assert.doesNotMatch(first, /1 Sammendrag/, 'the cover is a page of its own');
  for (const control of ['Skriv ut eller lagre som PDF', 'Last ned som Word', 'Oversikt', 'Bokmål']) {
    assert.ok(!text.includes(control), `no «${control}» in print`);
  }
  // The page number at the foot of page 3.
  const third = execFileSync('pdftotext', ['-f', '3', '-l', '3', '-layout', file, '-'], { encoding: 'utf8' });
  assert.match(third.trim(), /\b3$/);
  // A chart and its caption on one page: the chart's axis (2015 …) stands
  // above each caption on the caption's page.
  for (let p = 1; p <= pages; p++) {
    const t = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' });
    for (const m of t.matchAll(/^Figur \d+:/gm)) {
      assert.ok(t.slice(0, m.index).includes('2015'), `page ${p}: ${m[0]} without its chart`);
    }
  }
  await page.close();
});

test('the Word document opens in LibreOffice with its headings, tables, described charts and figures', async () => {
  const docx = join(DIST, 'rapport', 'tilstandsrapport-hamar-nb.docx');
  assert.ok(existsSync(docx), 'scripts/test.sh writes it with innsyn report');
  // The figures the page shows, to find again in the document.
  const page = await open('?view=report&region=3403');
  const paragraphs = await page.locator('.report-indicator > p:not([class])').allTextContents();
  const charts = await page.locator('.report-figure').count();
  await page.close();
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', OUT, docx], { stdio: 'ignore', timeout: 120000 });
  const { text, pages, images } = pdf(join(OUT, 'tilstandsrapport-hamar-nb.pdf'));
  const flat = text.replace(/\s+/g, ' ');
  for (const h of [...CHAPTERS.nb, 'Innhold', '4.5 Økonomi', 'Kilder']) assert.ok(flat.includes(h), h);
  for (const p of paragraphs) {
    const level = /^I \d{4} var tallet for Hamar [^.(]+/.exec(p);
    // Spaces as text: the page's non-breaking thousands space is a space in the PDF's text.
    if (level) assert.ok(flat.includes(level[0].replace(/\s+/g, ' ')), `«${level[0]}» in the document`);
  }
  assert.equal(images, charts, 'a picture per chart');
  assert.ok(pages >= 8, `${pages} pages`);
  assert.match(flat, /Tilstandsrapport om barnevernet – Hamar kommune – side 3/, 'page numbers in the footer');
  // LibreOffice's own format says what it read: heading levels, tables,
  // and each picture's description.
  execFileSync('soffice', ['--headless', '--convert-to', 'fodt', '--outdir', OUT, docx], { stdio: 'ignore', timeout: 120000 });
  const fodt = readFileSync(join(OUT, 'tilstandsrapport-hamar-nb.fodt'), 'utf8');
  const headings = [...fodt.matchAll(/<text:h [^>]*text:outline-level="(\d)"/g)].map((m) => Number(m[1]));
  assert.equal(headings.filter((l) => l === 1).length, 8, 'seven chapters and the sources');
  assert.equal(headings.filter((l) => l === 2).length, 6, 'six themes');
  assert.ok((fodt.match(/<table:table /g) ?? []).length > charts);
  const descs = [...fodt.matchAll(/<svg:desc>([^<]*)<\/svg:desc>/g)].map((m) => m[1]);
  assert.equal(descs.length, charts);
  assert.ok(descs.every((d) => d.startsWith('Linjediagram, 2015–')), descs.join('\n'));
});
