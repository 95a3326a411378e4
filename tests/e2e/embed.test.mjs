// Embedding across origins: Innsyn is served (with its Content-Security-Policy)
// on one port, a host page on another embeds three views with embed.js.
// Each iframe's height follows its content within 2 px after load and after
// an interaction inside it, with no scrollbar; messages from a foreign origin
// are ignored; the embeds send only height messages (Innsyn's and
// Datawrapper's); axe-core passes inside them; the "Bygg inn" dialog gives
// the snippet and a preview that sizes itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { serve, launch, newPage, axe, screenshot, DIST } from './harness.mjs';
import { policy } from '../../scripts/csp.mjs';

/** A page on its own free port: another origin than Innsyn's. */
function host(html) {
  const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html(req.url)));
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => server.close(done)),
  })));
}

const VIEWS = [
  ['region', '?view=region&region=04&embed=1', '.card .big .value'],
  ['municipality', '?view=municipality&region=3403&embed=1&lang=nn', '.card .big .value'],
  ['cooperation', '?view=cooperation&members=3407,3447,3448&embed=1&lang=en', '.card .big .value'],
];

let innsyn, hostPage, foreign, browser;
before(async () => {
  innsyn = await serve(DIST, { 'content-security-policy': policy(DIST) }, { demo: true });
  foreign = await host(() => `<!doctype html><title>foreign</title><script>
    parent.postMessage({ type: 'innsyn:height', id: 'x', height: 5 }, '*');
    parent.postMessage({ 'datawrapper-height': { x: 5 } }, '*');</script>`);
  hostPage = await host(() => `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Vertsside</title>
    <meta name="viewport" content="width=device-width, initial-scale=1"></head>
    <body style="margin:0"><main><h1>Vertsside</h1>
    ${VIEWS.map(([name, q]) => `<iframe id="${name}" src="${innsyn.url}${q}" title="Innsyn: ${name}" loading="lazy"
      sandbox="allow-scripts allow-same-origin allow-popups" style="width:100%;border:0" height="800"></iframe>`).join('\n')}
    </main>
    <script>window.messages = []; addEventListener('message', (e) => messages.push({ origin: e.origin, data: e.data }));</script>
    <script src="${innsyn.url}embed.js" async></script></body></html>`);
  browser = await launch();
});
after(async () => { await browser?.close(); for (const s of [innsyn, hostPage, foreign]) await s?.close(); });

/** The frame of one of the embedded views, once it has loaded. */
async function frameOf(page, name) {
  const query = VIEWS.find((v) => v[0] === name)[1];
  await page.waitForFunction((n) => document.getElementById(n).contentWindow, name);
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().includes(query));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  assert.fail(`${name}: the iframe did not load`);
}

/** Waits until the iframe is as tall as its content (±2 px) and shows no scrollbar. */
async function fits(page, name) {
  const frame = await frameOf(page, name);
  let last;
  for (let i = 0; i < 100; i++) {
    const outer = await page.$eval(`#${name}`, (f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({
      content: document.documentElement.getBoundingClientRect().height,
      scrollY: document.documentElement.scrollHeight - innerHeight,
      scrollX: document.documentElement.scrollWidth - innerWidth,
    }));
    last = { outer, ...inner };
    if (Math.abs(outer - inner.content) <= 2 && inner.scrollY <= 0 && inner.scrollX <= 0) return frame;
    await page.waitForTimeout(100);
  }
  assert.fail(`${name}: iframe ${last.outer}px, content ${last.content}px, scrolls ${last.scrollY}/${last.scrollX}px`);
}

for (const width of [375, 1280]) {
  test(`three embeds on another origin fit their content at ${width} px, after load and after interaction`, async () => {
    const page = await newPage(browser, width);
    const violations = [];
    page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
    await page.goto(hostPage.url);
    for (const [name, , ready] of VIEWS) {
      await page.locator(`#${name}`).scrollIntoViewIfNeeded();
      const frame = await frameOf(page, name);
      await frame.waitForSelector(ready);
      await frame.waitForFunction(() => !document.querySelector('.loading'));
      await fits(page, name);
      // Embed mode: no site navigation, a link to the full view in a new tab.
      assert.equal(await frame.locator('nav.main-menu').count(), 0);
      const more = frame.locator('.embed-header a:not(.statement-link)');
      assert.equal(await more.getAttribute('target'), '_blank');
      assert.doesNotMatch(await more.getAttribute('href'), /embed=1/);
      assert.deepEqual(await axe(frame), [], `${name}: axe`);
      // An interaction inside: the first card's table instead of its chart.
      await frame.locator('.card button.toggle').first().click();
      await frame.waitForSelector('.card .table-wrap:not([hidden])');
      await fits(page, name);
    }
    assert.equal(await (await frameOf(page, 'municipality')).getAttribute('html', 'lang'), 'nn');
    // The embeds said nothing but their height, in both formats.
    const sent = (await page.evaluate(() => messages)).filter((m) => m.origin === innsyn.url.slice(0, -1));
    assert.ok(sent.length > 0);
    for (const { data } of sent) {
      const ours = data.type === 'innsyn:height' && typeof data.height === 'number' && Object.keys(data).sort().join() === 'height,id,type';
      const datawrapper = Object.keys(data).join() === 'datawrapper-height';
      assert.ok(ours || datawrapper, JSON.stringify(data));
    }
    assert.ok(sent.some((m) => m.data['datawrapper-height']), 'Datawrapper format sent');
    assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
    await screenshot(page, `embed-host-${width}`);
    assert.deepEqual(page.errors.filter((e) => !/Content.Security/i.test(e)), []);
    await page.close();
  });
}

test('a height message from a foreign origin is ignored, even from an embed that navigated away', async () => {
  const page = await newPage(browser, 1280);
  await page.goto(hostPage.url);
  const frame = await frameOf(page, 'region');
  await frame.waitForSelector('.card .big .value');
  await fits(page, 'region');
  const before = await page.$eval('#region', (f) => f.style.height);
  // A forged event: the embed's window as source, another origin.
  await page.evaluate(() => {
    const source = document.getElementById('region').contentWindow;
    dispatchEvent(new MessageEvent('message', { data: { type: 'innsyn:height', id: 'x', height: 5 }, origin: 'http://evil.example', source }));
  });
  // The embed navigated to a foreign page that posts a height.
  await page.$eval('#region', (f, url) => { f.src = url; }, foreign.url);
  await page.waitForFunction(() => messages.some((m) => m.data && m.data.height === 5));
  await page.waitForTimeout(200);
  assert.equal(await page.$eval('#region', (f) => f.style.height), before);
  await page.close();
});

test('"Bygg inn" gives the snippet, copies it and previews the embed at the chosen width', async () => {
  const page = await newPage(browser, 1280);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: innsyn.url });
  await page.goto(`${innsyn.url}?view=region&region=fjellregionen`);
  await page.waitForSelector('.card .big .value');
  await page.click('.embed-tools > button');
  const code = await page.inputValue('#embed-code');
  assert.match(code, new RegExp(`^<iframe src="${innsyn.url}\\?view=region&amp;region=fjellregionen&amp;embed=1" title="Innsyn: Fjellregionen \\(Nord-Østerdal\\)" loading="lazy"`));
  assert.match(code, new RegExp(`<script src="${innsyn.url}embed.js" async></script>$`));
  await page.selectOption('#embed-width', '320');
  // The preview reports its height once its figures are in; the snippet's
  // fallback height follows.
  const preview = await (await page.waitForSelector('.preview iframe[src*="embed=1"]')).contentFrame();
  await preview.waitForSelector('.card .big .value');
  await preview.waitForFunction(() => !document.querySelector('.loading'));
  const measured = await preview.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction((h) => document.querySelector('.embed-dialog .hint')?.textContent === `Forhåndsvisning: 320 × ${h} px`, measured);
  const h = measured;
  assert.match(await page.inputValue('#embed-code'), new RegExp(`height="${h}"`));
  assert.equal(await page.getAttribute('.preview iframe', 'width'), '320');
  await page.click('.embed-dialog button:text("Kopier koden")');
  await page.waitForSelector('text=Koden er kopiert.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.inputValue('#embed-code'));
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'embed-dialog');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.embed-dialog').isVisible(), false);
  assert.deepEqual(page.errors, []);
  await page.close();
});
