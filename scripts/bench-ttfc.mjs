// Time to first chart against the JavaScript peer, in one run: the
// benchmark of ../shared/bench (ttfc.mjs, Lighthouse's mobile profile) on
// the start page, a region dashboard, a municipality profile and an
// embedded view of the release build in dist-e2e/, rendered
// (scripts/render.mjs) with the demonstration catalog as the site's own,
// whose every panel draws offline; and on the bundled, real catalog (SSB's
// API unreachable, as on a train): its rendered start page and profile,
// and the app drawing the start page and a region dashboard from scratch
// (dist-e2e/ unrendered, every byte of the first load). Prints the peer's
// and each page's median, and each ratio to the peer. A benchmark, not a
// test.
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { demoAsSiteCatalog, DIST, ROOT } from '../tests/e2e/harness.mjs';
import { render } from './render.mjs';

const SHARED = join(ROOT, '..', 'shared', 'bench');
const TARGET = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'));
const BENCH = join(TARGET, 'bench-ttfc');
const SITE = join(TARGET, 'bench-site');
const REAL = join(TARGET, 'bench-site-real');
const PAGES = { start: '', region: 'region/04/', municipality: 'kommune/3407/', embed: 'embed/kommune/3407/' };
const REAL_PAGES = { realStart: '', realMunicipality: 'kommune/3407/' };
const REAL_APP = { appStart: '', appRegion: '?view=region&region=34' };
const RUNS = process.env.RUNS ?? '5';

if (!existsSync(SHARED)) { console.log(`time to first chart: skipped (${SHARED} is not here)`); process.exit(0); }
if (!existsSync(join(BENCH, 'node_modules'))) {
  cpSync(SHARED, BENCH, { recursive: true });
  execFileSync('sh', [join(BENCH, 'setup.sh')], { stdio: 'inherit' });
}
rmSync(SITE, { recursive: true, force: true });
cpSync(DIST, SITE, { recursive: true });
writeFileSync(join(SITE, 'data/catalog.json'), demoAsSiteCatalog(SITE));
await render(SITE, { only: Object.values(PAGES) });
rmSync(REAL, { recursive: true, force: true });
cpSync(DIST, REAL, { recursive: true });
await render(REAL, { only: Object.values(REAL_PAGES) });

const servers = [spawn('node', ['serve.mjs', 'peer', '18181'], { cwd: BENCH }), spawn('node', ['serve.mjs', SITE, '18182'], { cwd: BENCH }),
  spawn('node', ['serve.mjs', REAL, '18183'], { cwd: BENCH }), spawn('node', ['serve.mjs', DIST, '18184'], { cwd: BENCH })];
try {
  await new Promise((ok) => setTimeout(ok, 1000));
  const out = execFileSync('node', ['ttfc.mjs', RUNS, 'peer=http://127.0.0.1:18181/',
    ...Object.entries(PAGES).map(([k, p]) => `${k}=http://127.0.0.1:18182/${p}`),
    ...Object.entries(REAL_PAGES).map(([k, p]) => `${k}=http://127.0.0.1:18183/${p}`),
    ...Object.entries(REAL_APP).map(([k, p]) => `${k}=http://127.0.0.1:18184/${p}`)], { cwd: BENCH, encoding: 'utf8' });
  const median = Object.fromEntries([...out.matchAll(/^(\w+): ttfc median (\d+) ms.*on wire (\d+) KiB/gm)].map((m) => [m[1], [+m[2], +m[3]]]));
  console.log(out.trim());
  console.log(`time to first chart, ratio to the peer (phone profile, one run of ${RUNS}):`);
  for (const k of [...Object.keys(PAGES), ...Object.keys(REAL_PAGES), ...Object.keys(REAL_APP)]) console.log(`  ${k.padEnd(13)} ${(median[k][0] / median.peer[0]).toFixed(2)} (${median[k][0]} ms vs ${median.peer[0]} ms)`);
} finally {
  for (const s of servers) s.kill();
}
