// Builds the tools module into a build of Innsyn:
//   node scripts/tools.mjs [DIR]
// trunk runs it after every build on its staging folder, in trunk's
// profile (TRUNK_PROFILE), before hardening (scripts/post-build.mjs).
//
// The tools module is the same app built with `--features tools` (bin
// `innsyn-tools`): every page, with the three the first-load module leaves
// out (the cooperation simulator, the file checker, the accessibility
// statement), which it loads when a reader opens one (src/io/tools.rs).
// It is written as innsyn-tools-<hash>.js and innsyn-tools-<hash>_bg.wasm
// (the hash of both: cached forever, like trunk's own files), optimised
// with wasm-opt -Oz in a release, and named in the page by
// <meta name="innsyn-tools" content="./….js" data-wasm="./…_bg.wasm">;
// harden.mjs adds their integrity.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The wasm features trunk's own wasm-opt run enables (index.html). */
const FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
const META = /<meta name="innsyn-tools"[^>]*>\n?\s*/;

const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });

export function buildTools(dir, release) {
  const profile = release ? 'release' : 'debug';
  run('cargo', ['build', ...(release ? ['--release'] : []), '--target', 'wasm32-unknown-unknown',
    '--features', 'tools', '--bin', 'innsyn-tools']);
  const tmp = mkdtempSync(join(tmpdir(), 'innsyn-tools-'));
  try {
    const target = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', 'innsyn-tools',
      join(target, 'wasm32-unknown-unknown', profile, 'innsyn-tools.wasm')]);
    const wasmFile = join(tmp, 'innsyn-tools_bg.wasm');
    if (release) run('wasm-opt', [...FEATURES, '-Oz', wasmFile, '-o', wasmFile]);
    const [js, wasm] = [readFileSync(join(tmp, 'innsyn-tools.js')), readFileSync(wasmFile)];
    const hash = createHash('sha256').update(js).update(wasm).digest('hex').slice(0, 16);
    const name = `innsyn-tools-${hash}`;
    for (const old of readdirSync(dir).filter((f) => f.startsWith('innsyn-tools-'))) rmSync(join(dir, old));
    writeFileSync(join(dir, `${name}.js`), js);
    writeFileSync(join(dir, `${name}_bg.wasm`), wasm);
    // Its JS snippets (the same files as the first-load module's).
    if (existsSync(join(tmp, 'snippets'))) cpSync(join(tmp, 'snippets'), join(dir, 'snippets'), { recursive: true });
    const file = join(dir, 'index.html');
    const meta = `<meta name="innsyn-tools" content="./${name}.js" data-wasm="./${name}_bg.wasm">\n  `;
    const html = readFileSync(file, 'utf8').replace(META, '');
    writeFileSync(file, html.replace('<meta name="viewport"', `${meta}<meta name="viewport"`));
    return { name, js: js.length, wasm: wasm.length };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('usage: node scripts/tools.mjs DIR (or run by trunk, with TRUNK_STAGING_DIR)');
  const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
  const { name, wasm } = buildTools(dir, release);
  console.log(`tools module ${name} (${(wasm / 1024).toFixed(0)} KiB wasm) in ${dir}`);
}
