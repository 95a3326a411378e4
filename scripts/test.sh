#!/usr/bin/env bash
# Runs every test: native (domain crate, CLI), wasm component tests in headless
# Chromium, and end-to-end tests with axe-core against the release build.
# Installs what it needs first (scripts/setup.sh --browser).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --browser

echo "== native tests (innsyn-core, innsyn-charts, innsyn-cli)"
cargo fmt --all --check
cargo test --locked -p innsyn-core -p innsyn-charts -p innsyn-cli

echo "== wasm component tests in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown -p innsyn-web --test components

echo "== release build into dist-e2e/, with two council reports as Word documents"
trunk build --release --offline --dist dist-e2e
cargo run --locked -q -p innsyn-cli -- report --out dist-e2e/rapport --subject 3403 --subject bv-gjovik-sondre-land-nordre-land > /dev/null

echo "== conformance with jsonstat-toolkit, then end-to-end tests (Chromium + axe-core)"
node --test --test-concurrency=1 tests/structure/ tests/conformance/ tests/e2e/
