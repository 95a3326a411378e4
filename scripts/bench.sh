#!/usr/bin/env bash
# Prints size and speed figures: the reader natively (and its peak memory),
# then the release build in dist-e2e/ in headless Chromium, and time to
# first chart on rendered pages against the JavaScript peer (../shared/bench).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --browser
cargo run --release -q -p innsyn-core --example bench_read
trunk build --release --offline --dist dist-e2e
node scripts/bench.mjs
node scripts/bench-ttfc.mjs
