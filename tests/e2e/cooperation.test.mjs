// The cooperation simulator on the bundled catalog: a scenario built through
// the UI (a preset, then a checkbox, then the threshold), figures checked
// against the files, the link reloaded with the same figures, back/forward,
// unknown numbers in a link, the one-page printout, and axe-core.
// (SSB's real Hedmark 2018 figures are checked in real-data.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, axe, screenshot, demoFile, REGIONS, nb, expected } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(undefined, {}, { demo: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const FILES = ['barn-med-tiltak.json', 'aarsverk.json', 'barn-per-aarsverk.json'];
const en = (v, d) => v.toFixed(d).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const idOf = (name) => REGIONS.municipalities.find((m) => m.name === name).id;

/** What a scenario page shows: the card figures, coverage and the robustness findings. */
async function shown(page) {
  await page.waitForFunction(() => document.querySelectorAll('.card .big .value').length === 3 && document.querySelector('.findings li'));
  return {
    values: await page.locator('.card .big .value').allTextContents(),
    computed: await page.locator('.card .computed').allTextContents(),
    findings: await page.locator('.findings li').allTextContents(),
    heading: await page.textContent('#scenario-h'),
  };
}

for (const [lang, width] of [['nb', 375], ['en', 1280]]) {
  test(`a scenario built through the UI (${lang}, ${width} px): figures from the files, same after reload`, async () => {
    const page = await newPage(browser, width);
    await page.goto(`${server.url}?view=cooperation${lang === 'nb' ? '' : `&lang=${lang}`}`);
    await page.waitForSelector('.prompt');
    assert.deepEqual(await axe(page), [], 'empty scenario');

    // A preset: the shared service of Gjøvik and the two Land municipalities.
    await page.selectOption('#preset-select', { label: 'Gjøvik, Søndre Land, Nordre Land' });
    await page.waitForFunction(() => location.search.includes('members=3407,3447,3448'));
    await shown(page);
    assert.match(await page.textContent('.scenario .kind'), lang === 'en' ? /Shared child welfare service in 2021/ : /Felles barnevernstjeneste i 2021/);

    // Then Østre Toten by its checkbox, and a threshold of 20 årsverk.
    await page.getByLabel('Østre Toten', { exact: true }).check();
    await page.waitForFunction(() => location.search.includes('members=3407,3442,3447,3448'));
    await page.fill('#threshold', '20');
    await page.press('#threshold', 'Tab');
    await page.waitForFunction(() => location.search.includes('threshold=20'));
    const members = ['Gjøvik', 'Østre Toten', 'Søndre Land', 'Nordre Land'].map(idOf);
    const before = await shown(page);
    assert.equal(before.heading, lang === 'en' ? 'Your scenario' : 'Ditt scenario');

    // Every card's combined figure is sum (or sum/sum) of the members' file values.
    const fmt = lang === 'en' ? en : nb;
    for (const [i, name] of FILES.entries()) {
      const doc = demoFile(name);
      const e = expected(doc, members, 2024);
      assert.equal(before.values[i], fmt(e.value, doc.decimals), `${name}: combined figure`);
      assert.match(before.computed[i], new RegExp(`${e.used} (av|of) ${e.total}`));
    }
    const staff = expected(demoFile('aarsverk.json'), members, 2024).value;
    assert.match(before.findings[0], new RegExp(fmt(staff, 1)));
    const small = demoFile('aarsverk.json').values
      .filter((o) => o.period === '2024' && members.includes(o.region) && o.value < 20).length;
    assert.match(before.findings[1], new RegExp(`^${small} (av|of) 4 .*20`));
    // The member rows of the latest-year table hold each member's own figure.
    const own = demoFile('aarsverk.json').values.find((o) => o.period === '2024' && o.region === idOf('Gjøvik')).value;
    const cell = page.locator('section.card').nth(1).locator('table.latest tr.member', { hasText: 'Gjøvik' }).locator('td.num');
    assert.equal(Number(await cell.getAttribute('data-value')), own);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    assert.deepEqual(await axe(page), []);
    await screenshot(page, `cooperation-${lang}-${width}`);

    // The link is the scenario: a reload shows the same figures.
    await page.reload();
    assert.deepEqual(await shown(page), before);
    assert.equal(await page.inputValue('#threshold'), '20');
    assert.equal(await page.getByLabel('Østre Toten', { exact: true }).isChecked(), true);

    // The preset was a new history entry; boxes and threshold replaced it.
    await page.goBack();
    await page.waitForSelector('.prompt');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('numbers a link names that Innsyn does not know are said, old numbers work', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?view=cooperation&members=0502,9999,3447`);
  await shown(page);
  assert.match(await page.textContent('.note.warning'), /9999/);
  assert.match(await page.textContent('.members-line'), /^2 kommuner: Gjøvik og Søndre Land\.$/);
  const doc = demoFile('aarsverk.json');
  assert.equal((await page.locator('.card .big .value').nth(1).textContent()), nb(expected(doc, ['3407', '3447'], 2024).value, 1));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the printout is one page: scenario, robustness findings, key figures, notes and sources', async () => {
  const page = await newPage(browser, 794);
  await page.goto(`${server.url}?view=cooperation&members=3407,3447,3448`);
  await shown(page);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('section.card').first().isVisible(), false, 'cards are not printed');
  assert.equal(await page.locator('#preset-select').isVisible(), false, 'controls are not printed');
  // One row per area: the combined service, each member, the county and the
  // regions the file publishes; one column per indicator.
  const areas = await page.locator('.key-figures tbody th').allTextContents();
  assert.deepEqual(areas, ['Samlet tjeneste (beregnet)', 'Gjøvik', 'Søndre Land', 'Nordre Land', 'Oppland (beregnet)', 'Landet uten Oslo', 'Landet']);
  assert.equal(await page.locator('.key-figures thead th').count(), 4);
  assert.match(await page.textContent('.key-figures .notes'), /Årsverk i barnevernstjenesten: Kommuner med tall: 3 av 3 kommuner/);
  assert.match(await page.textContent('.scenario .print-only'), /^Skrevet ut \d{1,2}\.\d{1,2}\.\d{4} · http.*members=3407,3447,3448/);
  assert.match(await page.textContent('.key-figures .notes'), /Kilde: Innsyn \(fiktive demonstrasjonstall\) · data\/demo\/aarsverk\.json/);
  assert.ok(await page.locator('.key-figures .demo-label').isVisible(), 'demonstration figures are labelled on paper too');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  // A4 at 96 dpi less 12 mm margins: 1032 px.
  assert.ok(height <= 1032, `the printout is ${height}px tall`);
  await screenshot(page, 'cooperation-print');
  await page.close();
});
