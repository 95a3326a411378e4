// Downloads (issue 14): every figure offers its table as CSV (Excel and
// plain), its chart as SVG and PNG, and its source file; a dashboard
// offers one file of all its figures. Each download is read back and
// compared with the page: the CSV parsed equals the table shown, the
// images carry title, unit, source and the demonstration label, the source
// file is the file as published. Made in the browser: no request, offline.
// Also: the KOSTRA release on the source line, and the A4 printout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, newPage, axe, screenshot, demoFile, demoAsSiteCatalog, DIST, ROOT } from './harness.mjs';

// The demonstration file's title, unit and file-name form.
const TITLE = 'Barn med barnevernstiltak per 1000 barn';
const SLUG = 'barn-med-barnevernstiltak-per-1000-barn';

let server, browser;
before(async () => { server = await serve(undefined, {}, { demo: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A CSV's rows (RFC 4180 quoting) in `sep`. */
function parseCsv(text, sep) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** Opens the menu in `scope` and downloads the file of the button named `name`. */
async function download(page, scope, name) {
  const menu = scope.locator('details.downloads').first();
  if (!(await menu.getAttribute('open') !== null)) await menu.locator('summary').click();
  const [d] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name }).click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path), text: readFileSync(path, 'utf8') };
}

/** The table's rows as the page shows them: every cell's text, a number
 * without its thousands separator, a row head with its code as two cells. */
async function shownRows(table) {
  return table.evaluate((t) => [...t.querySelectorAll('thead tr, tbody tr')].map((tr) => [...tr.children].flatMap((c) => {
    const code = c.querySelector('.code');
    const text = c.textContent.replace(/\u00a0/g, '').trim();
    return code ? [text.slice(0, -code.textContent.length).trim(), code.textContent] : [text];
  })));
}

/** The data rows of a CSV: after the blank line that ends the lines about it. */
const dataRows = (rows) => rows.slice(rows.findIndex((r) => r.length === 1 && r[0] === '') + 1).filter((r) => r.some((c) => c !== ''));

test('a region card\'s trend: CSV for Excel and for scripts equal the table, SVG and PNG carry the texts, the source file is as published — offline', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?view=region&region=04`);
  await page.waitForFunction(() => document.querySelectorAll('.card .big .value').length === 3);
  const card = page.locator('section.card').first();
  const trend = card.locator('figure.trend');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.context().setOffline(true);

  // Excel: BOM, `;`, decimal comma, the lines about the figure first.
  const excel = await download(page, trend, 'Tall (CSV for Excel)');
  assert.equal(excel.name, `${SLUG}-hedmark-beregnet-2017-2024.csv`);
  assert.ok(excel.text.startsWith(`\ufeff${TITLE} (per 1000 barn 0–17 år)\r\n`), excel.text.slice(0, 80));
  for (const line of ['Fiktive tall – kun til demonstrasjon', 'Enhet: per 1000 barn', 'Kilde: Innsyn (fiktive demonstrasjonstall)', 'Fil: data/demo/barn-med-tiltak.json']) {
    assert.ok(excel.text.includes(`${line}`), `${line} in the CSV`);
  }
  await trend.locator('button.toggle').click();
  const table = trend.locator('.table-wrap table');
  const shown = await shownRows(table);
  assert.deepEqual(dataRows(parseCsv(excel.text.slice(1), ';')), shown, 'the Excel CSV is the table shown');

  // Plain: `,` and `.`, `# ` lines, no BOM; the numbers are the page's.
  const plain = await download(page, trend, 'Tall (CSV med komma og punktum)');
  assert.ok(plain.text.startsWith(`# ${TITLE} (per 1000 barn 0–17 år)\n`) && !plain.text.includes('\r'));
  const rows = parseCsv(plain.text.split('\n').filter((l) => !l.startsWith('# ')).join('\n'), ',').filter((r) => r.some((c) => c));
  assert.equal(rows.length, shown.length);
  const values = await table.locator('tbody td.num').evaluateAll((tds) => tds.map((td) => td.dataset.value));
  const csvValues = rows.slice(1).flatMap((r) => [r[1], ...r.slice(3)]);
  values.forEach((v, i) => {
    if (v === '') assert.match(csvValues[i], /^[–.:-]+$/);
    else assert.equal(csvValues[i], Number(v).toFixed(1), `cell ${i}`);
  });

  // SVG: well-formed, title, unit, demonstration label and source inside.
  const svg = await download(page, trend, 'Figur (SVG)');
  assert.equal(svg.name, `${SLUG}-hedmark-beregnet-2017-2024.svg`);
  const texts = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return doc.querySelector('parsererror') ? null : [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' ');
  }, svg.text);
  assert.ok(texts, 'the SVG parses');
  for (const t of [`${TITLE} – Hedmark (beregnet)`, 'Enhet: per 1000 barn', 'Fiktive tall – kun til demonstrasjon', 'Kilde: Innsyn']) {
    assert.ok(texts.includes(t), `«${t}» in the SVG: ${texts.slice(0, 300)}`);
  }
  assert.ok(!/<script|on\w+=/i.test(svg.text), 'no script in the image');

  // PNG: drawn from the same SVG at twice its size.
  const png = await download(page, trend, 'Figur (PNG)');
  assert.equal(png.name, `${SLUG}-hedmark-beregnet-2017-2024.png`);
  assert.equal(png.bytes.subarray(1, 4).toString(), 'PNG');
  const width = Number(/width="([\d.]+)"/.exec(svg.text)[1]);
  assert.equal(png.bytes.readUInt32BE(16), Math.round(width * 2), 'PNG at 2×');

  // The source file, byte for byte as published.
  const source = await download(page, trend, 'Kildefil (barn-med-tiltak.json)');
  assert.equal(source.name, 'barn-med-tiltak.json');
  assert.equal(source.text, readFileSync(join(DIST, 'data/demo/barn-med-tiltak.json'), 'utf8'));
  assert.match(await trend.locator('.downloads [role=status]').textContent(), /Lastet ned: barn-med-tiltak\.json/);

  // The members ranked: its CSV too, municipality numbers as a column.
  const ranked = card.locator('figure').nth(1);
  const rcsv = await download(page, ranked, 'Tall (CSV for Excel)');
  await ranked.locator('button.toggle').click();
  assert.deepEqual(dataRows(parseCsv(rcsv.text.slice(1), ';')), (await shownRows(ranked.locator('table'))).map((r, i) => (i === 0 ? [r[0], 'Kode', ...r.slice(1)] : r)));

  assert.deepEqual(requests, [], 'nothing fetched for the downloads');
  await page.context().setOffline(false);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the whole region dashboard as one file: every indicator × area × year, the computed figure as on the card', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?view=region&region=04`);
  await page.waitForFunction(() => document.querySelectorAll('.card .big .value').length === 3);
  const file = await download(page, page.locator('.page-file'), 'Tall (CSV for Excel)');
  assert.equal(file.name, 'barnevern-hedmark.csv');
  const rows = dataRows(parseCsv(file.text.slice(1), ';'));
  assert.deepEqual(rows[0], ['Indikator', 'Område', 'Kode', 'Periode', 'Verdi', 'Merknad', 'Enhet']);
  const indicators = [...new Set(rows.slice(1).map((r) => r[0]))];
  assert.deepEqual(indicators, [TITLE, 'Årsverk i barnevernstjenesten', 'Barn med tiltak per årsverk']);
  // Hedmark computed, its comparison lines and its 22 members, 2017–2024.
  const areas = new Set(rows.filter((r) => r[0] === TITLE).map((r) => r[1]));
  assert.ok(areas.has('Hedmark (beregnet)') && areas.has('Hamar') && areas.has('Landet'), [...areas].join(', '));
  const members = new Set(rows.filter((r) => r[0] === TITLE && r[2].startsWith('34')).map((r) => r[2]));
  assert.equal(members.size, 22);
  const card = (await page.locator('section.card').first().locator('.big .value').textContent()).trim();
  assert.equal(rows.find((r) => r[1] === 'Hedmark (beregnet)' && r[3] === '2024' && r[0] === TITLE)[4], card.replace(/\u00a0/g, ''));
  // A municipality's figure as the file has it.
  const doc = demoFile('barn-med-tiltak.json');
  const hamar = doc.values.find((o) => o.region === '3403' && o.period === '2024');
  const value = hamar.numerator / hamar.denominator * doc.rate.per;
  assert.equal(rows.find((r) => r[2] === '3403' && r[3] === '2024' && r[0] === TITLE)[4], value.toFixed(1).replace('.', ','));
  assert.ok(file.text.includes('Fiktive tall – kun til demonstrasjon'));
  assert.ok(file.text.includes(`${TITLE} – Kilde: Innsyn (fiktive demonstrasjonstall)`));
  await page.close();
});

test('every figure on every view offers its downloads; a profile and a scenario their whole-page file; axe clean with a menu open', async () => {
  const page = await newPage(browser);
  const views = [
    ['', 2, null],
    ['?view=region&region=hadeland', 6, 'barnevern-hadeland.csv'],
    ['?view=municipality&region=3407', 3, 'barnevern-gjovik.csv'],
    ['?view=indicator&indicator=barn-med-tiltak', 2, null],
    ['?view=cooperation&members=3407,3447,3448', 6, /^barnevern-.+\.csv$/],
  ];
  for (const [q, menus, pageFile] of views) {
    await page.goto(`${server.url}${q}`);
    await page.waitForSelector('.chart[role=img] svg');
    await page.waitForFunction(() => !document.querySelector('.loading'));
    const figures = await page.locator('figure').count();
    const figureMenus = await page.locator('figure details.downloads').count();
    assert.equal(figureMenus, figures, `${q}: every figure has downloads`);
    assert.equal(await page.locator('details.downloads').count() - (pageFile ? 1 : 0), menus, `${q}: menus`);
    if (pageFile) assert.match((await download(page, page.locator('.page-file'), 'Tall (CSV for Excel)')).name, pageFile instanceof RegExp ? pageFile : new RegExp(`^${pageFile}$`));
    else assert.equal(await page.locator('.page-file').count(), 0);
    await page.locator('details.downloads summary').first().click();
    assert.deepEqual(await axe(page), [], q);
  }
  await page.close();
});

test('the map: its figures as CSV and the map as SVG with its legend in words', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await page.waitForSelector('.tilemap .tile');
  const map = page.locator('section.map');
  const svg = await download(page, map, 'Figur (SVG)');
  assert.match(svg.name, new RegExp(`^kart-${SLUG}-\\d{4}\\.svg$`));
  const texts = await page.evaluate((s) => [...new DOMParser().parseFromString(s, 'image/svg+xml').querySelectorAll('text')].map((t) => t.textContent).join(' '), svg.text);
  for (const t of ['HAM', `Kart over kommunene: ${TITLE}`, 'mangler tall', 'Fiktive tall – kun til demonstrasjon', 'Kartverket']) assert.ok(texts.includes(t), `${t} in ${texts.slice(0, 200)}`);
  const csv = await download(page, map, 'Tall (CSV for Excel)');
  const rows = dataRows(parseCsv(csv.text.slice(1), ';'));
  assert.equal(rows.length, 49, 'the 48 and the head');
  await page.close();
});

test('a scenario card: its latest-year table as CSV equals the table', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?view=cooperation&members=3407,3447,3448`);
  await page.waitForSelector('.coop-card table.latest');
  const card = page.locator('.coop-card').first();
  const menu = card.locator('details.downloads').first();
  const csv = await download(page, card, 'Tall (CSV for Excel)');
  assert.match(csv.name, new RegExp(`^${SLUG}-samlet-tjeneste-\\d{4}\\.csv$`));
  assert.deepEqual(dataRows(parseCsv(csv.text.slice(1), ';')), await shownRows(card.locator('table.latest')));
  assert.ok(await menu.isVisible());
  await page.close();
});

test('the KOSTRA release the catalog names is on the source line and in the downloads', async () => {
  const page = await newPage(browser);
  const cat = JSON.parse(demoAsSiteCatalog(DIST).toString());
  cat.indicators.find((i) => i.id === 'barn-med-tiltak').kostra = 'unrevised';
  await page.route('**/data/catalog.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(cat) }));
  await page.goto(`${server.url}?view=municipality&region=3407`);
  const trend = page.locator('section.card').first().locator('figure.trend');
  await trend.waitFor();
  assert.match(await trend.locator('.dates').textContent(), /Siste år: ureviderte KOSTRA-tall \(publisert 15\. mars, reviderte kommer 15\. juni\)/);
  const csv = await download(page, trend, 'Tall (CSV for Excel)');
  assert.ok(csv.text.includes('Siste år: ureviderte KOSTRA-tall'));
  await page.goto(`${server.url}?view=municipality&region=3407&lang=en`);
  await page.locator('figure.trend .dates').first().waitFor();
  assert.match(await page.locator('figure.trend .dates').first().textContent(), /Latest year: unrevised KOSTRA figures/);
  await page.close();
});

test('dashboards print on A4: figures and source lines, no controls, nothing wider than the page', async () => {
  // A4 less 12 mm margins at 96 dpi: 703 px wide.
  const page = await newPage(browser, 703);
  for (const [q, name] of [['?view=region&region=04', 'region'], ['?view=municipality&region=3407', 'municipality'], ['?view=indicator&indicator=barn-med-tiltak', 'indicator'], ['', 'overview']]) {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${server.url}${q}`);
    await page.waitForSelector('.chart[role=img] svg');
    await page.waitForFunction(() => !document.querySelector('.loading'));
    await page.emulateMedia({ media: 'print' });
    const controls = await page.locator('button:visible, details.downloads:visible, select:visible, input:visible').evaluateAll((l) => l.map((e) => e.outerHTML.slice(0, 80)));
    assert.deepEqual(controls, [], `${name}: no controls on paper`);
    assert.ok(await page.locator('.chart[role=img] svg').first().isVisible(), `${name}: charts printed`);
    const sources = page.locator('figure .source');
    assert.ok(await sources.count() > 0 && await sources.first().isVisible(), `${name}: source lines printed`);
    const wide = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > 703.5).map((e) => e.tagName + '.' + e.className).slice(0, 3));
    assert.deepEqual(wide, [], `${name}: fits the width of A4`);
    await screenshot(page, `print-${name}`);
  }
  await page.close();
});
