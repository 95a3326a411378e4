// What child welfare costs, on the real catalog and offline (SSB's API
// unreachable, as on a train): the start page's sentence and chart, a
// region, three municipality profiles and the cost indicator view, in
// nb/nn/en at 375 and 1280 px, axe clean. Every value read back from the
// page is checked against the figures computed here by hand from the CSVs
// in tests/data (SSB's 12362 and 07459, the municipal deflator, KPI) —
// not from the app's code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, newPage, axe, screenshot, ROOT, REGIONS } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const csv = (name) => {
  const [head, ...lines] = readFileSync(join(ROOT, 'tests/data', name), 'utf8').trim().split('\n');
  const keys = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
};
// Net and gross (1 000 kr) by today's number and year; children 0–17 on 1 January.
const NET = new Map(), GROSS = new Map(), TODAY = new Map(), POP = new Map();
for (const r of csv('ssb/kostra_12362_barnevern_fgk13_2015-2025.csv')) {
  NET.set(`${r.kommunenr_2024}|${r.aar}`, Number(r.netto_driftsutgifter_1000kr));
  GROSS.set(`${r.kommunenr_2024}|${r.aar}`, Number(r.brutto_driftsutgifter_1000kr));
  TODAY.set(r.kommunenr, r.kommunenr_2024);
}
for (const r of csv('ssb/population_0_17_1jan_2015-2026.csv')) POP.set(`${TODAY.get(r.kommunenr)}|${r.aar}`, Number(r.pop_0_17));
// Municipal deflator chained from its yearly growth; KPI as published.
const GROWTH = new Map(csv('prices/deflatorer_vekst_prosent.csv').map((r) => [Number(r.aar), Number(r.kommunal_deflator_prosent)]));
const KPI = new Map(csv('prices/kpi_2015-100_aarsgjennomsnitt.csv').map((r) => [Number(r.aar), Number(r.kpi_2015_100)]));
const deflate = (year) => { let f = 1; for (let y = year + 1; y <= 2025; y++) f *= 1 + GROWTH.get(y) / 100; return f; };
const kpi = (year) => KPI.get(2025) / KPI.get(year);
const ALL = REGIONS.municipalities.map((m) => m.id);
const INNLANDET = ALL.filter((id) => id.startsWith('34'));
const sum = (map, ids, y) => ids.reduce((a, id) => a + map.get(`${id}|${y}`), 0);
/** Kroner per child 0–17 of year y: net × 1 000 ÷ children on 1 January y+1, summed over `ids`. */
const perChild = (ids, y) => (sum(NET, ids, y) * 1000) / sum(POP, ids, y + 1);
const close = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
const group = (v, lang) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : '\u00a0');
const cardOf = (page, title) => page.locator('section.card', { has: page.locator(`h2:text-is("${title}")`) });
/** The numbers of a figure's table, by period: [value, …comparisons]. */
async function tableOf(card) {
  const rows = card.locator('.table-wrap tbody tr');
  const out = new Map();
  for (const r of await rows.all()) {
    const period = (await r.locator('th').first().textContent()).trim();
    out.set(period, await r.locator('td.num').evaluateAll((tds) => tds.map((td) => (td.dataset.value === '' ? null : Number(td.dataset.value)))));
  }
  return out;
}
async function noOverflow(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
}
const TITLES = {
  perChild: { nb: 'Netto driftsutgifter til barnevern per innbygger 0–17 år', nn: 'Netto driftsutgifter til barnevern per innbyggar 0–17 år', en: 'Net child welfare expenditure per inhabitant aged 0–17' },
  net: { nb: 'Netto driftsutgifter til barnevern', nn: 'Netto driftsutgifter til barnevern', en: 'Net operating expenditure on child welfare' },
};
const q = (path, lang) => `${server.url}${path}${lang === 'nb' ? '' : `${path.includes('?') ? '&' : '?'}lang=${lang}`}`;

for (const width of [375, 1280]) {
  for (const lang of ['nb', 'nn', 'en']) {
    test(`start page offline in ${lang} at ${width} px: what the 48 spent, per child, growth in fixed prices; a chart first`, async () => {
      const page = await newPage(browser, width);
      await page.goto(q('', lang));
      await page.waitForSelector('.spending .chart svg');
      const [s15, s25] = [sum(NET, ALL, 2015), sum(NET, ALL, 2025)];
      const total = (s25 * 1000 / 1e9).toFixed(2).replace('.', lang === 'en' ? '.' : ',');
      const child = group(Math.round(perChild(ALL, 2025) / 100) * 100, lang);
      const fixed = Math.round((s25 / (s15 * deflate(2015)) - 1) * 100);
      const current = Math.round((s25 / s15 - 1) * 100);
      const lead = await page.textContent('.spending .lead');
      const want = {
        nb: `I 2025 brukte de 48 kommunene ${total} milliarder kroner netto på barnevern, ${child} kroner per barn 0–17 år. Det er ${fixed} % mer enn i 2015 i faste kroner (kommunal deflator), ${current} % mer i løpende kroner.`,
        nn: `I 2025 brukte dei 48 kommunane ${total} milliardar kroner netto på barnevern, ${child} kroner per barn 0–17 år. Det er ${fixed} % meir enn i 2015 i faste kroner (kommunal deflator), ${current} % meir i løpande kroner.`,
        en: `In 2025 the 48 municipalities spent ${total} billion kroner net on child welfare, ${child} kroner per child aged 0–17. That is ${fixed} % more than in 2015 in fixed kroner (municipal deflator), ${current} % more in current kroner.`,
      }[lang];
      assert.equal(lead, want);
      // The first chart on the page is the spending's, before the search and the map.
      const first = await page.evaluate(() => document.querySelector('main .chart svg')?.closest('section')?.className);
      assert.match(first, /spending/);
      // The renumbering and the reform: a dashed line each where the series crosses them, said in words.
      assert.equal(await page.locator('.spending .chart svg .breaks path').count(), 2);
      assert.match(await page.getAttribute('.spending .chart', 'aria-label'), { nb: /1 = 2020 Nye kommunenummer, 2 = 2022 Barnevernsreformen\.$/, nn: /2 = 2022 Barnevernsreforma\.$/, en: /2 = 2022 Child welfare reform\.$/ }[lang]);
      assert.match(await page.textContent('.spending .events'), { nb: /2022 Barnevernsreformen/, nn: /2022 Barnevernsreforma/, en: /2022 Child welfare reform/ }[lang]);
      // Its table: the 48's net total per year in fixed 2025 kroner; 2025 as published.
      await page.click('.spending button.toggle');
      const rows = await tableOf(page.locator('.spending'));
      close(rows.get('2025')[0], s25, '2025');
      close(rows.get('2015')[0], s15 * deflate(2015), '2015 in 2025 kroner');
      // The map and ranking start on kroner per child, a figure that compares.
      assert.match(await page.textContent('#indicator-select option[selected]'), { nb: /per innbygger 0–17 år/, nn: /per innbyggar 0–17 år/, en: /per inhabitant aged 0–17/ }[lang]);
      await noOverflow(page);
      assert.deepEqual(await axe(page), []);
      await screenshot(page, `costs-start-${lang}-${width}`);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test(`Innlandet offline in ${lang} at ${width} px: costs first, per child sum/sum, live panels one line each`, async () => {
      const page = await newPage(browser, width);
      await page.goto(q('?view=region&region=34', lang));
      const card = cardOf(page, TITLES.perChild[lang]);
      await card.locator('.big .value').waitFor();
      const order = await page.evaluate(() => [...document.querySelectorAll('main section.card')].map((c) => (c.querySelector('.big') ? 'figure' : 'line')));
      assert.equal(order[0], 'figure');
      assert.ok(order.indexOf('line') > order.lastIndexOf('figure'), order.join(' '));
      // 2025 per child for the 46, computed here: in fixed 2025 kroner = as published.
      const v = Math.round(perChild(INNLANDET, 2025));
      assert.equal((await card.locator('.big .value').textContent()).trim(), group(v, lang));
      await card.locator('figure.trend button.toggle').click();
      const rows = await tableOf(card.locator('figure.trend'));
      close(rows.get('2015')[0], perChild(INNLANDET, 2015) * deflate(2015), 'Innlandet 2015, fixed');
      // Compared with the country only where SSB's published figures are at hand: not in the bundled ones.
      assert.equal(rows.get('2015').length, 1);
      await noOverflow(page);
      assert.deepEqual(await axe(page), []);
      await screenshot(page, `costs-innlandet-${lang}-${width}`);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test(`cost indicator view offline in ${lang} at ${width} px: the 48 ranked per child, any year, prices switched`, async () => {
      const page = await newPage(browser, width);
      await page.goto(q('?view=indicator&indicator=netto-per-innbygger-0-17', lang));
      await page.waitForSelector('.figure tbody tr', { state: 'attached' });
      const ranked = ALL.map((id) => [id, perChild([id], 2025)]).sort((a, b) => b[1] - a[1]);
      const top = page.locator('.figure tbody tr').first();
      close(Number(await top.locator('td.num').getAttribute('data-value')), ranked[0][1], 'highest per child 2025');
      assert.match(await top.locator('th').textContent(), new RegExp(REGIONS.municipalities.find((m) => m.id === ranked[0][0]).name));
      // 2015 in fixed 2025 kroner by the municipal deflator, then by KPI, then current.
      await page.goto(q('?view=indicator&indicator=netto-per-innbygger-0-17&year=2015', lang));
      await page.waitForSelector('.figure tbody tr', { state: 'attached' });
      const hamar = async () => Number(await page.locator('.figure tbody tr', { hasText: 'Hamar' }).locator('td.num').getAttribute('data-value'));
      close(await hamar(), perChild(['3403'], 2015) * deflate(2015), 'Hamar 2015, municipal deflator');
      await page.locator('fieldset.prices input').nth(1).check();
      await page.waitForFunction(() => location.search.includes('prices=kpi'));
      await page.waitForSelector('.figure tbody tr', { state: 'attached' });
      close(await hamar(), perChild(['3403'], 2015) * kpi(2015), 'Hamar 2015, KPI');
      await page.locator('fieldset.prices input').nth(2).check();
      await page.waitForFunction(() => location.search.includes('prices=current'));
      await page.waitForSelector('.figure tbody tr', { state: 'attached' });
      close(await hamar(), perChild(['3403'], 2015), 'Hamar 2015, current kroner');
      await noOverflow(page);
      assert.deepEqual(await axe(page), []);
      await screenshot(page, `costs-indicator-${lang}-${width}`);
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }
}

test('three municipalities offline: per child by hand, counts not ranked, what the figures cannot say themselves', async () => {
  const page = await newPage(browser, 375);
  for (const [id, name] of [['3407', 'Gjøvik'], ['3450', 'Etnedal'], ['3416', 'Eidskog']]) {
    await page.goto(`${server.url}?view=municipality&region=${id}`);
    const per = cardOf(page, TITLES.perChild.nb);
    await per.locator('.big .value').waitFor();
    assert.equal(await page.textContent('h1'), name);
    assert.equal((await per.locator('.big .value').textContent()).trim(), group(Math.round(perChild([id], 2025)), 'nb'));
    assert.match(await per.locator('.rank').textContent(), /^Plass \d+ \/ 48/);
    await per.locator('figure.trend button.toggle').click();
    const rows = await tableOf(per.locator('figure.trend'));
    for (const y of [2015, 2021, 2022, 2024]) close(rows.get(String(y))[0], perChild([id], y) * deflate(y), `${name} ${y}`);
    // Its county, Innlandet and its council beside it, computed.
    assert.equal(rows.get('2025').length, 4);
    const net = cardOf(page, TITLES.net.nb);
    assert.equal(await net.locator('.rank').count(), 0, 'a total in kroner mostly measures size: not ranked');
    const s = NET.get(`${id}|2015`), e = NET.get(`${id}|2025`);
    assert.match(await net.locator('.growth').textContent(), new RegExp(`^Fra 2015 til 2025: [+-]${Math.round(Math.abs(e / s - 1) * 100)} % i løpende kroner, [+-]${Math.round(Math.abs(e / (s * deflate(2015)) - 1) * 100)} % i faste kroner \\(kommunal deflator\\)\\.$`));
    const gross = cardOf(page, 'Brutto driftsutgifter til barnevern');
    await gross.locator('.big .value').waitFor();
    const notes = await gross.locator('.gross-notes').textContent().catch(() => '');
    if (id === '3407') assert.match(notes, /^2015, 2016, 2017, 2018, 2019 og 2020: brutto er mer enn 1,5 ganger netto\. Gjøvik deler barnevernstjeneste med Søndre Land, Nordre Land/);
    if (id === '3416') assert.match(notes, /2023 og 2024: netto er høyere enn brutto/);
    close(Number(await gross.locator('.big .value').textContent().then((t) => t.replace(/\s/g, ''))), GROSS.get(`${id}|2025`), `${name} gross 2025`);
    if (id === '3450') assert.match(await per.locator('.events').textContent(), /Etnedals folketall/);
    assert.deepEqual(await axe(page), [], name);
    await screenshot(page, `costs-municipality-${id}-375`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a series of one year is a value with its comparison, not a line of one point', async () => {
  const page = await newPage(browser, 1280);
  await page.goto(`${server.url}?view=region&region=04`);
  const card = cardOf(page, 'Barn 0–22 år med barnevernstiltak, Hedmark 2018');
  await card.locator('.big .value').waitFor();
  assert.equal(await card.locator('figure.trend .chart').count(), 0);
  assert.equal(await card.locator('figure.trend button.toggle').count(), 0);
  assert.match(await card.locator('figure.trend .summary').textContent(), /^2018: 2\u00a0073 barn 0–22 år\./);
  assert.ok(await card.locator('figure.trend .table-wrap tbody tr').first().isVisible());
  assert.equal(await card.locator('.rank').count(), 0, 'a count is not ranked');
  assert.deepEqual(await axe(page), []);
  await page.close();
});
