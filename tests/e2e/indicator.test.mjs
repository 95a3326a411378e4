// The indicator view: explanation, year slider, rate or counts, map and ranking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, newPage, axe, screenshot, ROOT } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(undefined, {}, { demo: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const demo = JSON.parse(readFileSync(join(ROOT, 'public/data/demo/barn-med-tiltak.json'), 'utf8'));

for (const [lang, width] of [['nb', 1280], ['nn', 375], ['en', 375]]) {
  test(`indicator view in ${lang} at ${width} px: explanation, slider, map; axe clean`, async () => {
    const page = await newPage(browser, width);
    await page.goto(`${server.url}?view=indicator&indicator=barn-med-tiltak${lang === 'nb' ? '' : `&lang=${lang}`}`);
    await page.waitForSelector('.tilemap .tile');
    assert.match(await page.textContent('#about-h'), { nb: /Om tallet/, nn: /Om talet/, en: /About the figure/ }[lang]);
    assert.match(await page.textContent('.facts'), { nb: /Innbyggere 0–17 år/, nn: /Innbyggjarar 0–17 år/, en: /Inhabitants aged 0–17/ }[lang]);
    assert.equal(await page.inputValue('#year-slider'), '2024');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    assert.deepEqual(await axe(page), []);
    await screenshot(page, `indicator-${lang}-${width}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('the slider moves by keyboard and replaces the URL; counts come from the file', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?view=indicator&indicator=barn-med-tiltak`);
  await page.waitForSelector('#year-slider');
  const entries = await page.evaluate(() => history.length);
  await page.focus('#year-slider');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => /2019/.test(document.querySelector('#map-h')?.textContent));
  assert.match(page.url(), /year=2019/);
  assert.equal(await page.evaluate(() => history.length), entries, 'moving the slider adds no history entries');
  await page.check('input[name=measure] >> nth=1');
  await page.waitForFunction(() => /measure=numerator/.test(location.search));
  const hamar = demo.values.find((o) => o.region === '0403' && o.period === '2019');
  const label = await page.getAttribute('.tilemap .tile:has-text("HAM")', 'aria-label');
  assert.ok(label.includes(`Hamar: ${hamar.numerator} Barn med tiltak`), label);
  // A count whose rate cell says why it is missing keeps that reason.
  const gap = demo.values.find((o) => o.period === '2019' && o.status === '..');
  if (gap) assert.match(await page.textContent('.figure tbody'), /Oppgave mangler/);
  await page.close();
});
