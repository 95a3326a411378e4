// Pages that name themselves (innsyn-core::head, scripts/render.mjs): the
// bundled site rendered as scripts/build.sh renders it — every fourth page
// of its list (every kind of page in every language; all of them take six
// minutes, and innsyn-core's head tests hold every published page's title
// unique) and every validator and simulator page — every page
// with a title of its own in its language, a description, Open Graph and
// Twitter card tags and a 1200×630 PNG preview whose figure is the page's
// (read back from the page file: the table row the preview's headline
// names); and in the app, the title following each navigation in nb, nn
// and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, newPage, DIST, ROOT } from './harness.mjs';
import { render } from '../../scripts/render.mjs';

const SITE = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'site-e2e');
let server, browser, rendered;
before(async () => {
  rmSync(SITE, { recursive: true, force: true });
  cpSync(DIST, SITE, { recursive: true });
  const t0 = Date.now();
  rendered = await render(SITE, { only: (p, i) => i % 4 === 0 || /(datafil|data-file|samarbeid|cooperation)\/$/.test(p) });
  console.log(`# rendered ${rendered.pages} pages, ${(rendered.bytes / 1024).toFixed(0)} KiB of HTML, in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Width and height of a PNG file, from its header. */
function pngSize(file) {
  const b = readFileSync(file);
  assert.equal(b.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', `${file}: a PNG`);
  assert.equal(b.subarray(12, 16).toString('ascii'), 'IHDR');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

test('every rendered page: its own title in its language, a description, link preview tags and a picture of its figure', async () => {
  const { paths } = rendered;
  assert.ok(paths.length > 150, `${paths.length} pages`);
  const page = await browser.newPage({ javaScriptEnabled: false });
  const titles = new Map();
  let figures = 0;
  for (const path of paths) {
    await page.setContent(readFileSync(join(SITE, path, 'index.html'), 'utf8'));
    const got = await page.evaluate(() => {
      const meta = (k) => document.querySelector(`meta[property="${k}"], meta[name="${k}"]`)?.getAttribute('content');
      const fig = [...document.querySelectorAll('main figure')].find((f) => f.querySelector('.chart svg'));
      const table = (fig?.closest('.report-indicator') ?? fig)?.querySelector('table');
      const text = (e) => e.textContent.replace(/\s+/g, ' ').trim();
      return {
        lang: document.documentElement.lang,
        title: document.title,
        description: meta('description'),
        og: ['og:title', 'og:description', 'og:image', 'og:image:width', 'og:image:height', 'og:image:alt', 'twitter:card', 'twitter:image'].map(meta),
        caption: table && text(table.querySelector('caption')),
        head: table && [...table.querySelectorAll('thead th')].map(text),
        rows: table && [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text)),
      };
    });
    const lang = path.startsWith('nn/') ? 'nn' : path.startsWith('en/') ? 'en' : 'nb';
    assert.equal(got.lang, lang, path);
    assert.match(got.title, /\S – Innsyn$/, `${path}: «${got.title}»`);
    assert.ok(!titles.has(got.title), `${path} and ${titles.get(got.title)} are both «${got.title}»`);
    titles.set(got.title, path);
    assert.ok(got.description?.trim(), `${path}: a description`);
    const [ogTitle, ogDesc, image, w, h, alt, card, twImage] = got.og;
    assert.deepEqual([ogTitle, ogDesc, image, w, h, card, twImage], [got.title, got.description, 'og.png', '1200', '630', 'summary_large_image', 'og.png'], path);
    assert.ok(alt?.trim(), `${path}: the picture's text alternative`);
    assert.deepEqual(pngSize(join(SITE, path, 'og.png')), [1200, 630], path);
    // The preview's figure is the page's: «caption: series, period: value»
    // (a line chart's latest value) or «caption: region: value» (a ranking's first row).
    if (!got.caption) continue;
    figures++;
    assert.ok(alt.startsWith(`${got.caption}: `), `${path}: «${alt}» is not of «${got.caption}»`);
    const line = alt.slice(got.caption.length + 2).replace(/ \([^)]*\)$/, '');
    const trend = /^(.+), (\d{4}): (.+)$/.exec(line);
    if (trend && got.head[1] === trend[1]) {
      const withValue = got.rows.filter((r) => /\d/.test(r[1]));
      assert.deepEqual(withValue.at(-1).slice(0, 2), [trend[2], trend[3]], `${path}: the latest ${trend[1]} in the page's table`);
    } else {
      const [name, value] = line.split(/: (?=[^:]+$)/);
      assert.ok(got.rows[0][0].startsWith(name) && got.rows[0][1] === value, `${path}: «${line}» is not the table's first row ${got.rows[0]}`);
    }
    assert.ok(got.description.startsWith(line), `${path}: the description opens with the figure`);
  }
  assert.ok(figures > 100, `${figures} pages with a figure`);
  await page.close();
});

const TITLES = {
  nb: ['Barnevernet i kommunene i Hedmark og Oppland (Innlandet) – i tall – Innsyn', 'Hedmark – barnevern i tall – Innsyn', 'Hamar – barnevern i tall – Innsyn', 'Sjekk en datafil – Innsyn'],
  nn: ['Barnevernet i kommunane i Hedmark og Oppland (Innlandet) – i tal – Innsyn', 'Hedmark – barnevern i tal – Innsyn', 'Hamar – barnevern i tal – Innsyn', 'Sjekk ei datafil – Innsyn'],
  en: ['Child welfare in the municipalities of Hedmark and Oppland (Innlandet) – in figures – Innsyn', 'Hedmark – child welfare in figures – Innsyn', 'Hamar – child welfare in figures – Innsyn', 'Check a data file – Innsyn'],
};

test('in the app the title follows every navigation, in each language', async () => {
  const page = await newPage(browser);
  const title = (t) => page.waitForFunction((t) => document.title === t, t, { timeout: 15000 })
    .catch(async () => assert.fail(`«${await page.title()}», expected «${t}»`));
  for (const lang of ['nb', 'nn', 'en']) {
    const [overview, region, municipality, validate] = TITLES[lang];
    await page.goto(`${server.url}?lang=${lang}`);
    await title(overview);
    await page.click('nav.main-menu a >> nth=1');
    await title(region);
    await page.click('nav.main-menu a >> nth=2');
    await title(municipality);
    await page.click('nav.main-menu a >> nth=5');
    await title(validate);
    await page.goBack();
    await title(municipality);
  }
  // The language switch titles the same page in the other language.
  await page.click('.lang-switch a[lang=nb]');
  await title(TITLES.nb[2]);
  await page.close();
});

test('the validator and the simulator are rendered pages too, saying they need JavaScript to work', () => {
  for (const path of ['sjekk-en-datafil/', 'nn/sjekk-ei-datafil/', 'en/check-data-file/', 'samarbeid/', 'en/cooperation/']) {
    assert.ok(existsSync(join(SITE, path, 'index.html')), path);
    const html = readFileSync(join(SITE, path, 'index.html'), 'utf8');
    assert.match(html, /<main[^>]*>[\s\S]*<h1>[^<]+/, `${path}: its heading without JavaScript`);
    assert.match(html, /<noscript><p class="hint">[^<]+JavaScript/, `${path}: says without JavaScript that it needs it`);
  }
});
