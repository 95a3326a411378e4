// Prints the Content-Security-Policy for a build of Innsyn (default: dist/):
//   node scripts/csp.mjs [DIR]
// trunk inlines one small module script that starts the app; its hash
// changes with every build, so the policy is computed from the built
// index.html. frame-ancestors is left to the deployer (see README).
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function policy(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    // Catalogs and indicator files may live on other https hosts (?catalog=).
    "connect-src 'self' https:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(policy(process.argv[2] ?? 'dist'));
}
