// Security promises of a build, as any static host serves it (docs/security.md):
// its own Content-Security-Policy (<meta>, no header needed) with zero
// violations on every view; wasm and JS pinned by subresource integrity;
// no referrer; links to other sites open without a handle on Innsyn; a
// catalog from another origin is never fetched (trust.test.mjs has the rest
// of that story); host pages can pin embed.js by its integrity hash; a file
// dropped on the validator never leaves the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { serve, launch, newPage, DIST, ROOT } from './harness.mjs';
import { ssbMock } from './ssb-mock.mjs';

let demo, real, browser;
before(async () => { demo = await serve(DIST, {}, { demo: true }); real = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await demo?.close(); await real?.close(); });

/** A page that records every CSP violation and every request it makes. */
async function watched(width = 375) {
  const page = await newPage(browser, width);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  return page;
}

test('every build carries its policy: meta CSP with the start-up hashes, no referrer, integrity', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  assert.ok(csp, 'a CSP meta tag');
  for (const d of ["default-src 'self'", "'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'self'", "form-action 'none'", "connect-src 'self' https://data.ssb.no;"]) {
    assert.ok(csp.includes(d), `${d} in ${csp}`);
  }
  assert.ok(!/connect-src[^;]*https:(\s|;|$)/.test(csp), 'connect-src is narrowed, not every https host');
  assert.equal((csp.match(/'sha256-/g) ?? []).length, 2, 'the start-up script and the import map, nothing else inline');
  assert.match(html, /<meta name="referrer" content="no-referrer">/);
  assert.match(html, /fetch\('\.\/[^']+_bg\.wasm', \{ integrity: 'sha384-/);
  assert.match(html, /<script type="importmap">\{"integrity":\{"\.\/[^"]+\.js":"sha384-/);
  assert.match(html, /<link rel="stylesheet" href="[^"]+" integrity="sha384-/);
});

test('every view under the build\'s own policy: zero violations (demonstration and SSB live)', async () => {
  const views = ['', '?view=region&region=04', '?view=municipality&region=3403', '?view=indicator&indicator=barn-med-tiltak',
    '?view=cooperation&members=3417,3418,3419', '?view=validate', '?view=region&region=hamarregionen&embed=1'];
  for (const [server, name] of [[demo, 'demo'], [real, 'real']]) {
    for (const q of views) {
      const page = await watched();
      if (name === 'real') await ssbMock(page);
      await page.goto(server.url + q);
      await page.waitForSelector('h1');
      await page.waitForFunction(() => !document.querySelector('.loading'));
      assert.deepEqual(await page.evaluate(() => window.__violations), [], `${name} ${q || 'overview'}`);
      // Every link to another site opens without a handle on this page and sends no referrer.
      const links = await page.$$eval('a[href^="http"]', (as) => as
        .filter((a) => new URL(a.href).origin !== location.origin)
        .map((a) => [a.href, a.rel]));
      for (const [href, rel] of links) {
        assert.ok(rel.includes('noopener') && rel.includes('noreferrer'), `${href}: rel="${rel}"`);
      }
      await page.close();
    }
  }
});

/** A copy of the build with one bit of its file `prefix…ext` changed. */
function tampered(prefix, ext) {
  const dir = mkdtempSync(join(tmpdir(), 'innsyn-tampered-'));
  cpSync(DIST, dir, { recursive: true });
  const file = readdirSync(dir).find((f) => f.endsWith(ext) && f.startsWith(prefix));
  const bytes = readFileSync(join(dir, file));
  bytes[bytes.length - 2] ^= 0x01;
  writeFileSync(join(dir, file), bytes);
  return dir;
}

test('a tampered wasm or JS file is refused: the app does not start', async () => {
  for (const ext of ['_bg.wasm', '.js']) {
    const dir = tampered('innsyn-web', ext);
    const server = await serve(dir, {}, { demo: true });
    const page = await newPage(browser);
    const console = [];
    page.on('console', (m) => console.push(m.text()));
    await page.goto(server.url);
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('main h1').count(), 0, `${ext}: nothing rendered`);
    assert.ok(console.some((t) => /integrity/i.test(t)), `${ext}: the browser names the integrity check: ${console.join(' | ')}`);
    await page.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a tampered tools module is refused: its page says so in its heading, the rest of the site works', async () => {
  for (const ext of ['_bg.wasm', '.js']) {
    const dir = tampered('innsyn-tools-', ext);
    const server = await serve(dir, {}, { demo: true });
    const page = await newPage(browser);
    page.on('console', () => {});
    await page.goto(`${server.url}?view=validate`);
    await page.waitForSelector('main [role=alert] h1');
    assert.match(await page.textContent('main [role=alert]'), /Kunne ikke laste data/);
    await page.click('main [role=alert] a');
    await page.waitForSelector('.chart svg');
    await page.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a catalog on another origin is never fetched: refused before the policy would block it', async () => {
  const other = await serve();
  const page = await watched(1280);
  await page.goto(`${real.url}?catalog=${encodeURIComponent(`${other.url}data/catalog.json`)}`);
  await page.waitForSelector('[role=alert]:visible');
  assert.match(await page.textContent('main [role=alert]'), /Katalogen på http:\/\/127\.0\.0\.1:\d+ er ikke godkjent av utgiveren/);
  assert.deepEqual(page.requests.filter((u) => u.startsWith(other.url)), [], 'nothing asked of it');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.equal(await page.locator('.card .big .value').count(), 0, 'no figure from it is shown');
  await page.close();
  await other.close();
});

test('host pages can pin embed.js: the build writes its hash, and a page that uses it runs it', async () => {
  // The mechanism docs/embedding.md documents: dist/embed.js.sri.txt, written by scripts/harden.mjs.
  const hash = readFileSync(join(DIST, 'embed.js.sri.txt'), 'utf8').trim();
  assert.equal(hash, `sha384-${createHash('sha384').update(readFileSync(join(DIST, 'embed.js'))).digest('base64')}`);
  const doc = readFileSync(join(ROOT, 'docs', 'embedding.md'), 'utf8');
  for (const s of ['embed.js.sri.txt', 'integrity="sha384-', 'crossorigin="anonymous"']) assert.ok(doc.includes(s), `docs/embedding.md: ${s}`);
  // A host page on another origin, pinning it (Innsyn served with CORS, as crossorigin needs).
  const innsyn = await serve(DIST, { 'access-control-allow-origin': '*' }, { demo: true });
  const dir = mkdtempSync(join(tmpdir(), 'innsyn-host-'));
  const host = (integrity) => `<!doctype html><html lang="nb"><title>Vert</title><main><h1>Vert</h1>
    <iframe id="f" src="${innsyn.url}?view=region&amp;region=04&amp;embed=1" title="Innsyn" style="width:100%;border:0" height="300"></iframe></main>
    <script src="${innsyn.url}embed.js" integrity="${integrity}" crossorigin="anonymous" async></script>`;
  writeFileSync(join(dir, 'pinned.html'), host(hash));
  writeFileSync(join(dir, 'wrong.html'), host(`sha384-${createHash('sha384').update('another file').digest('base64')}`));
  const hostServer = await serve(dir);
  for (const [file, runs] of [['pinned.html', true], ['wrong.html', false]]) {
    const page = await newPage(browser, 1280);
    const console = [];
    page.on('console', (m) => console.push(m.text()));
    await page.goto(hostServer.url + file);
    await page.frameLocator('#f').locator('.card .big .value').first().waitFor();
    await page.waitForTimeout(500);
    const height = await page.$eval('#f', (f) => f.style.height);
    if (runs) assert.match(height, /^\d+px$/, 'embed.js ran and sized the frame');
    else {
      assert.equal(height, '', 'a script that does not match its hash does not run');
      assert.ok(console.some((t) => /integrity/i.test(t)), console.join(' | '));
    }
    await page.close();
  }
  await hostServer.close();
  await innsyn.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a file dropped on the validator never leaves the browser', async () => {
  const page = await watched(1280);
  await page.goto(`${demo.url}?view=validate`);
  await page.waitForSelector('input[type=file]');
  await page.waitForFunction(() => !document.querySelector('.loading'));
  const before = page.requests.length;
  const file = readFileSync(join(DIST, 'data', 'demo', 'barn-med-tiltak.json'));
  await page.setInputFiles('input[type=file]', { name: 'kommune.json', mimeType: 'application/json', buffer: file });
  await page.waitForSelector('.verdict');
  await page.waitForTimeout(300);
  assert.deepEqual(page.requests.slice(before), [], 'no request while the file was read');
  await page.close();
});
