// The keyboard walkthrough and the accessibility-tree review the
// accessibility statement describes (public/data/accessibility.json), run
// on every view: Tab reaches every control in order and leaves none
// trapped, each focused element shows a focus indicator, the chart ⇄
// table toggle, a download menu and the «Bygg inn» dialog work with the
// keyboard alone; in Chromium's accessibility tree every chart is an image
// with a name, every table has one, every button and link is named, and
// the status messages are live regions. (No real screen reader runs here:
// this is the tree one would read.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(undefined, {}, { demo: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const VIEWS = ['', '?view=region&region=04', '?view=municipality&region=3407', '?view=indicator&indicator=barn-med-tiltak',
  '?view=cooperation&members=3407,3447,3448', '?view=validate', '?view=accessibility', '?embed=1&view=municipality&region=3407'];

async function ready(page, q) {
  await page.goto(`${server.url}${q}`);
  await page.waitForSelector('main h1');
  await page.waitForFunction(() => !document.querySelector('.loading'));
}

for (const q of VIEWS) {
  test(`keyboard: ${q || 'start page'} — every control reached by Tab, in order, with a visible focus, no trap`, async (t) => {
    const page = await newPage(browser, 1280);
    await ready(page, q);
    // Every control a reader could use: links, buttons, fields, summaries, scrolling tables.
    const controls = await page.evaluate(() => [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex="0"]')]
      .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[hidden], details:not([open]) > :not(summary)'))
      // A group of radio buttons is one Tab stop (the arrow keys move within it).
      .filter((e, i, all) => e.type !== 'radio' || all.findIndex((o) => o.type === 'radio' && o.name === e.name) === i).length);
    const seen = [];
    let noFocusStyle = [];
    for (let i = 0; i < controls + 5; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const s = getComputedStyle(e);
        const shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none' || e.matches('.skip');
        return { key: e.tagName + (e.id ? '#' + e.id : '') + (e.textContent || '').trim().slice(0, 30) + (e.getAttribute('href') || ''), shown };
      });
      if (!f) break; // left the page: no trap
      if (seen.length && f.key === seen[0]) break; // wrapped round
      seen.push(f.key);
      if (!f.shown) noFocusStyle.push(f.key);
    }
    t.diagnostic(`${q || 'start'}: ${seen.length} Tab stops, ${controls} controls`);
    assert.ok(seen.length >= controls, `${q}: Tab reached ${seen.length} of ${controls} controls`);
    assert.ok(seen.length <= controls + 1, `${q}: Tab went round more than the page's controls (${seen.length} > ${controls}): a trap?`);
    assert.deepEqual(noFocusStyle, [], `${q}: focus not shown on`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('keyboard: the chart ⇄ table toggle, a download menu and the «Bygg inn» dialog work without a mouse', async () => {
  const page = await newPage(browser, 1280);
  await ready(page, '?view=region&region=04');
  const toggle = page.locator('figure button.toggle').first();
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await page.locator(`#${await toggle.getAttribute('aria-controls')}`).isVisible());
  await page.keyboard.press('Space');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  const summary = page.locator('figure details.downloads summary').first();
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('figure details.downloads').first().getAttribute('open'), '');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Tall (CSV for Excel)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  // The embed dialog: opened with Enter, focus inside, closed with Escape, focus back.
  const embed = page.locator('.embed-tools > button').first();
  await embed.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('dialog[open]');
  assert.ok(await page.evaluate(() => document.querySelector('dialog[open]').contains(document.activeElement)), 'focus moves into the dialog');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('dialog[open]').count(), 0);
  assert.ok(await page.evaluate(() => document.activeElement.closest('.embed-tools') !== null), 'focus returns to the button');
  await page.close();
});

/** Chromium's accessibility tree of the page, as a screen reader gets it. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: (n.name?.value ?? '').trim(), live: n.properties?.find((p) => p.name === 'live')?.value?.value }));
}

for (const q of VIEWS.filter((v) => v !== '?view=validate')) {
  test(`accessibility tree: ${q || 'start page'} — charts are named images, tables, buttons and links are named, status is live`, async () => {
    const page = await newPage(browser, 1280);
    await ready(page, q);
    const tree = await axTree(page);
    const unnamed = tree.filter((n) => ['button', 'link', 'image', 'table', 'combobox', 'textbox', 'checkbox', 'radio', 'slider'].includes(n.role) && !n.name);
    assert.deepEqual(unnamed, [], `${q}: controls without a name`);
    const charts = await page.locator('.chart[role=img]').count();
    assert.ok(tree.filter((n) => n.role === 'image' && /\d/.test(n.name)).length >= charts, `${q}: every chart's text alternative carries its figures`);
    assert.ok(tree.filter((n) => n.role === 'heading' && n.name).length >= 1, `${q}: headed`);
    const tables = await page.locator('table').count();
    assert.ok(tree.filter((n) => n.role === 'table').length <= tables);
    if (await page.locator('[role=status]').count()) {
      assert.ok(tree.some((n) => n.live === 'polite'), `${q}: a status is a polite live region`);
    }
    await page.close();
  });
}
