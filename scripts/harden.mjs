// Hardens a build of Innsyn in place, so that every host serves it with its
// policy, even one where the publisher cannot set HTTP headers:
//   node scripts/harden.mjs [DIR]
// trunk runs it after every build (Trunk.toml [[hooks]]) on its staging
// folder, TRUNK_STAGING_DIR.
// - the wasm is fetched with subresource integrity (trunk already puts
//   integrity on the stylesheet and the preloads), and the JS modules —
//   trunk's, its snippets and the tools module's (scripts/tools.mjs) —
//   through an import map that carries their integrity; the tools
//   module's wasm integrity is on its <meta name="innsyn-tools">;
// - a Content-Security-Policy <meta> with the hashes of trunk's start-up
//   script and the import map, 'wasm-unsafe-eval', connect-src narrowed to
//   the origins the bundled catalog and the site configuration use;
// - <meta name="referrer" content="no-referrer">: no address a reader
//   looks at is sent to another site.
// - embed.js.sri.txt: embed.js's subresource-integrity hash, for host
//   pages that pin it (docs/embedding.md); also printed.
// Run again on a hardened build (after editing its data/site.json), it
// writes the policy again and changes nothing else.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { policy } from './csp.mjs';

const CSP = 'http-equiv="Content-Security-Policy"';
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** The JS snippets wasm-bindgen wrote (`snippets/<crate>/inline0.js`), relative to `dir`. */
function snippets(dir) {
  const root = join(dir, 'snippets');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true }).filter((f) => f.endsWith('.js')).map((f) => `snippets/${f}`);
}

export function harden(dir) {
  const file = join(dir, 'index.html');
  let html = readFileSync(file, 'utf8');
  const first = !html.includes(CSP);
  if (first) {
    const wasm = html.match(/module_or_path: '\.\/([^']+_bg\.wasm)'/);
    const js = html.match(/import init, \* as bindings from '\.\/([^']+\.js)';/);
    if (!wasm || !js) throw new Error(`${file}: trunk's start-up script is not as expected`);
    html = html.replace(wasm[0], `module_or_path: fetch('./${wasm[1]}', { integrity: '${sri(readFileSync(join(dir, wasm[1])))}' })`);
    const modules = { [`./${js[1]}`]: sri(readFileSync(join(dir, js[1]))) };
    for (const f of snippets(dir)) modules[`./${f}`] = sri(readFileSync(join(dir, f)));
    const tools = html.match(/<meta name="innsyn-tools" content="\.\/([^"]+\.js)" data-wasm="\.\/([^"]+)">/);
    if (tools) {
      modules[`./${tools[1]}`] = sri(readFileSync(join(dir, tools[1])));
      html = html.replace(tools[0], tools[0].replace('>', ` data-integrity="${sri(readFileSync(join(dir, tools[2])))}">`));
    }
    const importmap = `<script type="importmap">${JSON.stringify({ integrity: modules })}</script>\n`;
    html = html.replace('<script type="module">', `${importmap}<script type="module">`);
    const meta = `<meta ${CSP} content="">\n  <meta name="referrer" content="no-referrer">\n  `;
    html = html.replace('<meta name="viewport"', `${meta}<meta name="viewport"`);
    writeFileSync(file, html);
  }
  // The policy is read from the build as it is now (its site.json too).
  html = html.replace(new RegExp(`<meta ${CSP} content="[^"]*">`), `<meta ${CSP} content="${policy(dir)}">`);
  writeFileSync(file, html);
  // Host pages pin embed.js by this hash (docs/embedding.md).
  const embed = join(dir, 'embed.js');
  const embedSri = existsSync(embed) ? sri(readFileSync(embed)) : null;
  if (embedSri) writeFileSync(join(dir, 'embed.js.sri.txt'), `${embedSri}\n`);
  return { first, embedSri };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('usage: node scripts/harden.mjs DIR (or run by trunk, with TRUNK_STAGING_DIR)');
  const { first, embedSri } = harden(dir);
  console.log(first ? `hardened ${dir}/index.html` : `${dir}/index.html: policy written again`);
  if (embedSri) console.log(`embed.js integrity (written to embed.js.sri.txt beside it): ${embedSri}`);
}
