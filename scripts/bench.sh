#!/usr/bin/env bash
# Prints size and speed figures: the reader natively (and its peak memory),
# then the release build in dist-e2e/ in headless Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --browser
cargo run --release -q -p innsyn-core --example bench_read
trunk build --release --offline --dist dist-e2e
node scripts/bench.mjs
