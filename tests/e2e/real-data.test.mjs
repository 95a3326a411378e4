// The dashboards on SSB's real figures: Hedmark 2018 from tests/data/ssb,
// turned into indicator files by `innsyn convert` (as a publisher would),
// listed in a catalog of their own and opened with ?catalog=. The computed
// county figures must equal SSB's published county lines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve, launch, newPage, axe, screenshot, ROOT } from './harness.mjs';

const SSB = join(ROOT, 'tests', 'data', 'ssb');
const OUT = join(ROOT, 'target', 'e2e-real');
// cargo's target folder, wherever CARGO_TARGET_DIR puts it.
const CLI = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug', 'innsyn');

/** One SSB variable as a tidy CSV for `innsyn convert`. */
function tidy(file, variable) {
  const rows = readFileSync(join(SSB, file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const lines = rows.filter((r) => /^\d{4}$/.test(r[0]) && r[2] === variable).map((r) => `${r[0]};2018;${r[3].replace('.', ',')};${r[4]}`);
  return `region;period;value;status\n${lines.join('\n')}\n`;
}

const INDICATORS = [
  { id: 'barn-tiltak-aaret', file: 'hedmark_2018_barn_med_tiltak.csv', variable: 'barn_tiltak_aaret_i_alt', title: 'Barn med barnevernstiltak i løpet av året', unit: 'barn', decimals: 0, table: '12275' },
  { id: 'aarsverk', file: 'hedmark_2018_aarsverk.csv', variable: 'aarsverk_i_alt', title: 'Årsverk i barnevernstjenesten', unit: 'årsverk', decimals: 1, table: '12305' },
  { id: 'omsorg-3112', file: 'hedmark_2018_barn_med_tiltak.csv', variable: 'barn_tiltak_3112_omsorg', title: 'Barn med omsorgstiltak per 31.12.', unit: 'barn', decimals: 0, table: '12275' },
];

let server, browser;
before(async () => {
  execFileSync('cargo', ['build', '-q', '-p', 'innsyn-cli'], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(OUT, { recursive: true });
  for (const ind of INDICATORS) {
    const csv = join(OUT, `${ind.id}.csv`);
    writeFileSync(csv, tidy(ind.file, ind.variable));
    execFileSync(CLI, ['convert', csv, '--id', ind.id, '--title', ind.title, '--description', `${ind.title}, 2018.`, '--unit', ind.unit,
      '--decimals', String(ind.decimals), '--aggregation', 'sum', '--source', 'Statistisk sentralbyrå', '--table', ind.table,
      '--licence', 'NLOD-2.0', '--out', join(OUT, `${ind.id}.json`)], { stdio: 'pipe' });
  }
  // Caseload: children with measures per årsverk, from SSB's two counts
  // (numerator and denominator kept, so it combines as sum/sum).
  const count = (file, variable) => new Map(readFileSync(join(SSB, file), 'utf8').trim().split('\n').slice(1)
    .map((l) => l.split(',')).filter((r) => /^\d{4}$/.test(r[0]) && r[2] === variable).map((r) => [r[0], Number(r[3])]));
  const children = count('hedmark_2018_barn_med_tiltak.csv', 'barn_tiltak_aaret_i_alt');
  const staff = count('hedmark_2018_aarsverk.csv', 'aarsverk_i_alt');
  const rateCsv = join(OUT, 'barn-per-aarsverk.csv');
  writeFileSync(rateCsv, `region;period;value;status;numerator;denominator\n${[...children].map(([c, n]) => `${c};2018;${n / staff.get(c)};;${n};${staff.get(c)}`).join('\n')}\n`);
  execFileSync(CLI, ['convert', rateCsv, '--id', 'barn-per-aarsverk', '--title', 'Barn med tiltak per årsverk', '--description', 'Barn med tiltak i løpet av året delt på årsverk, 2018.',
    '--unit', 'barn per årsverk', '--decimals', '1', '--rate-per', '1', '--numerator', 'Barn med tiltak', '--denominator', 'Årsverk', '--higher-is', 'worse',
    '--source', 'Statistisk sentralbyrå (beregnet av Innsyn)', '--table', '12275, 12305', '--licence', 'NLOD-2.0', '--out', join(OUT, 'barn-per-aarsverk.json')], { stdio: 'pipe' });
  copyFileSync(join(ROOT, 'tests', 'data', 'geo', 'hedmark_oppland_2024geom_small.geojson'), join(OUT, 'kart.geojson'));
  // The catalog's own registry, read at run time: one council renamed, so a
  // test can see that it is this file and not the app's that is used.
  const regions = JSON.parse(readFileSync(join(ROOT, 'public', 'data', 'regions.json'), 'utf8'));
  regions.councils.find((c) => c.id === 'hamarregionen').name = 'Hamarregionen (katalogens register)';
  writeFileSync(join(OUT, 'regions.json'), JSON.stringify(regions));
  writeFileSync(join(OUT, 'catalog.json'), JSON.stringify({
    format: 'innsyn-catalog/1',
    title: { nb: 'SSB: barnevern i Hedmark 2018' },
    regions: 'regions.json',
    boundaries: { url: 'kart.geojson', attribution: '© Kartverket (CC BY 4.0)', join: 'kommunenummer_2024' },
    indicators: [...INDICATORS.map((i) => ({ id: i.id, url: `${i.id}.json` })), { id: 'barn-per-aarsverk', url: 'barn-per-aarsverk.json' }],
    dashboards: { region: INDICATORS.map((i) => i.id), cooperation: [...INDICATORS.map((i) => i.id), 'barn-per-aarsverk'] },
    cooperation: { staff: 'aarsverk', caseload: 'barn-per-aarsverk' },
    comparisons: [],
  }));
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

async function open(width, lang, path) {
  const page = await newPage(browser, width);
  await page.route('**/real/*', (r) => {
    const name = new URL(r.request().url()).pathname.split('/').pop();
    r.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(join(OUT, decodeURIComponent(name))) });
  });
  await page.goto(`${server.url}${path}&catalog=real/catalog.json${lang === 'nb' ? '' : `&lang=${lang}`}`);
  return page;
}

for (const [lang, width] of [['nb', 1280], ['nn', 375], ['en', 375]]) {
  test(`Hedmark 2018 on SSB's figures (${lang}, ${width} px): 2 073 children and 207,7 årsverk, computed`, async () => {
    const page = await open(width, lang, '?view=region&region=04');
    await page.waitForFunction(() => document.querySelectorAll('.card .big .value').length === 3);
    const values = await page.locator('.card .big .value').allTextContents();
    assert.deepEqual(values.slice(0, 2), lang === 'en' ? ['2,073', '207.7'] : ['2\u00a0073', '207,7']);
    const computed = await page.locator('.card .computed').allTextContents();
    assert.match(computed[0], /22 (av|of) 22/);
    // Care measures at 31 Dec: Rendalen, Folldal and Os are suppressed (':').
    assert.match(computed[2], /19 (av|of) 22/);
    const leftOut = await page.locator('.card').nth(2).locator('.left-out').textContent();
    for (const name of ['Rendalen', 'Folldal', 'Os']) assert.match(leftOut, new RegExp(name));
    assert.equal(await page.locator('.demo-label').count(), 0, 'real figures carry no demo label');
    assert.match(await page.locator('.card .source').first().textContent(), /Statistisk sentralbyrå/);
    assert.deepEqual(await axe(page), []);
    await screenshot(page, `real-hedmark-2018-${lang}-${width}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test("the catalog's region registry is read at run time, and links keep the catalog", async () => {
  const page = await open(1280, 'nb', '?view=region&region=hamarregionen');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Hamarregionen (katalogens register)');
  await page.waitForFunction(() => document.querySelectorAll('.card .big .value').length === 3);
  // Hamar, Ringsaker, Løten, Stange in 2018 (SSB): 257 + 376 + 93 + 151 children with measures.
  assert.equal(await page.locator('.card .big .value').first().textContent(), '877');
  // Counts mostly measure the councils' size: no «Plass 1 / 4» for them
  // (the ranking itself is tested natively, hedmark_2018).
  assert.equal(await page.locator('.card .rank').count(), 0);
  for (const name of ['Oversikt', 'Indikatorer']) {
    assert.match(await page.getAttribute(`nav a:text-is("${name}")`, 'href'), /catalog=real\/catalog\.json/);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the overview map on SSB figures: suppressed cells are shown as such, never as 0', async () => {
  const page = await open(1280, 'nb', '?view=overview&indicator=omsorg-3112');
  await page.waitForSelector('svg.choropleth path');
  const rendalen = 'svg.choropleth a[aria-label^="Rendalen"]';
  assert.match(await page.getAttribute(rendalen, 'aria-label'), /Rendalen: Tall kan ikke offentliggjøres/);
  assert.match(await page.getAttribute(`${rendalen} path`, 'class'), /missing/);
  assert.match(await page.getAttribute('svg.choropleth a[aria-label^="Hamar"]', 'aria-label'), /Hamar: 56/);
  assert.deepEqual(await axe(page), []);
  await page.close();
});

for (const [lang, width] of [['nb', 1280], ['nn', 375], ['en', 1280]]) {
  test(`the Kartverket choropleth (${lang}, ${width} px): 48 shapes, values announced, attribution, keyboard`, async () => {
    const page = await open(width, lang, '?view=overview&indicator=barn-tiltak-aaret');
    await page.waitForSelector('svg.choropleth path');
    assert.equal(await page.locator('svg.choropleth path').count(), 48);
    assert.match(await page.textContent('.map .source'), /© Kartverket/);
    const ringsaker = page.locator('svg.choropleth a[aria-label^="Ringsaker"]');
    assert.match(await ringsaker.getAttribute('aria-label'), /Ringsaker: 376/);
    // Oppland is not in this file: its shapes are drawn as missing, not as 0.
    assert.match(await page.getAttribute('svg.choropleth a[aria-label^="Gjøvik"] path', 'class'), /missing/);
    assert.deepEqual(await axe(page), []);
    await screenshot(page, `choropleth-${lang}-${width}`);
    await ringsaker.focus();
    assert.match(await page.textContent('.tile-focus'), /^Ringsaker: 376/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Ringsaker');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

for (const [lang, width] of [['nb', 1280], ['nn', 375], ['en', 320]]) {
  test(`profile and indicator view on SSB's figures (${lang}, ${width} px)`, async () => {
    const page = await open(width, lang, '?view=municipality&region=0412');
    await page.waitForFunction(() => document.querySelectorAll('.card .big .value').length === 3);
    assert.equal(await page.textContent('h1'), 'Ringsaker');
    const values = await page.locator('.card .big .value').allTextContents();
    assert.equal(values[0], '376', 'Ringsaker 2018: 376 children with measures');
    assert.deepEqual(await axe(page), []);
    await page.goto(page.url().replace('view=municipality&region=0412', 'view=indicator&indicator=aarsverk'));
    await page.waitForSelector('svg.choropleth path');
    assert.match(await page.getAttribute('svg.choropleth a[aria-label^="Kongsvinger"]', 'aria-label'), lang === 'en' ? /Kongsvinger: 23\.0/ : /Kongsvinger: 23,0/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('a shared service of Grue, Åsnes and Våler on SSB figures: built through the UI, the same after reload', async () => {
  const page = await open(375, 'nb', '?view=cooperation');
  await page.waitForSelector('.prompt');
  for (const name of ['Grue', 'Åsnes', 'Våler']) {
    await page.getByLabel(name, { exact: true }).check();
  }
  await page.waitForFunction(() => location.search.includes('members=3417,3418,3419'));
  await page.waitForFunction(() => document.querySelectorAll('.card .big .value').length === 4 && document.querySelector('.findings li'));
  const read = async () => ({
    values: await page.locator('.card .big .value').allTextContents(),
    findings: await page.locator('.findings li').allTextContents(),
  });
  const before = await read();
  // By hand from SSB's lines: 62 + 99 + 58 children; 5,3 + 8,6 + 4,3 årsverk;
  // care at 31 Dec 14 + 28 + 21; 219 / 18,2 children per årsverk.
  assert.deepEqual(before.values, ['219', '18,2', '63', '12,0']);
  assert.equal(await page.locator('.card').nth(3).locator('.parts').textContent(), '= 219 barn med tiltak / 18,2 årsverk');
  // The county beside it, computed the same way: SSB's county line.
  const county = page.locator('.card').first().locator('tr.comparison', { hasText: 'Hedmark (beregnet)' }).locator('td.num');
  assert.equal(await county.getAttribute('data-value'), '2073');
  assert.deepEqual(before.findings, [
    'Den samlede tjenesten ville hatt 18,2 årsverk (2018, beregnet for 3 av 3 kommuner).',
    '1 av 3 kommuner har under 5 årsverk hver for seg: Våler (4,3).',
    'Barn per årsverk (2018): fra 11,5 til 13,5 i kommunene hver for seg; 12,0 i den samlede tjenesten.',
  ]);
  assert.equal(await page.locator('.demo-label').count(), 0);
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'real-cooperation-grue-asnes-valer');
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('.card .big .value').length === 4 && document.querySelector('.findings li'));
  assert.deepEqual(await read(), before);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("suppressed cells in a scenario: listed with SSB's reason, coverage shown, never 0", async () => {
  // The Nord-Østerdal service of 2021; Rendalen and Folldal are ':' for care measures at 31 Dec.
  const page = await open(1280, 'en', '?view=cooperation');
  await page.waitForSelector('#preset-select');
  await page.selectOption('#preset-select', { label: 'Rendalen, Tolga, Tynset, Alvdal, Folldal' });
  await page.waitForFunction(() => document.querySelectorAll('.card .big .value').length === 4);
  const care = page.locator('.card').nth(2);
  assert.match(await care.locator('.computed').textContent(), /3 of 5 municipalities/);
  const leftOut = await care.locator('.left-out').textContent();
  for (const name of ['Rendalen', 'Folldal']) assert.match(leftOut, new RegExp(`${name}: .*privacy`));
  assert.equal(await care.locator('tr.member', { hasText: 'Rendalen' }).locator('td.num').getAttribute('data-value'), '');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});
