// trunk's post-build hook (Trunk.toml): trunk runs a stage's hooks at the
// same time, and hardening must see the tools module, so one hook does
// both in turn on trunk's staging folder, in trunk's profile:
// scripts/tools.mjs builds the tools module, scripts/harden.mjs hardens.
import { buildTools } from './tools.mjs';
import { harden } from './harden.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk (TRUNK_STAGING_DIR); by hand: node scripts/tools.mjs DIR, then node scripts/harden.mjs DIR');
const { name, wasm } = buildTools(dir, (process.env.TRUNK_PROFILE ?? 'release') === 'release');
console.log(`tools module ${name} (${(wasm / 1024).toFixed(0)} KiB wasm)`);
const { embedSri } = harden(dir);
console.log(`hardened ${dir}/index.html${embedSri ? `; embed.js integrity ${embedSri}` : ''}`);
