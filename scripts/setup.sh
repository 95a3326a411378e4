#!/usr/bin/env bash
# Installs, idempotently, what Innsyn needs beyond Rust to build the web app
# (and with --browser, to test it). A second run installs nothing. Sourced by
# serve.sh and test.sh. Plain cargo needs none of it.
#
#   wasm32-unknown-unknown target   rustup
#   trunk 0.21.14                   cargo install (0.22 needs a newer rustc)
#   wasm-bindgen-cli = Cargo.lock   cargo install (provides wasm-bindgen-test-runner)
#   wasm-opt 132, playwright-core,  npm ci (package-lock.json); Debian's binaryen
#   axe-core                        miscompiles Leptos 0.8, so it is not used
#   chromium, chromium-driver       apt-get (root) – only with --browser
#   libreoffice-writer-nogui,       apt-get (root) – only with --browser: a real
#   poppler-utils                   reader of the Word reports (tests/report/)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
TRUNK_VERSION=0.21.14
say() { printf 'setup: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_install() {
  # $@: Debian packages. Refreshes the package lists once per run.
  if [ -z "${INNSYN_APT_UPDATED:-}" ]; then as_root apt-get update -qq && INNSYN_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

command -v cargo >/dev/null || { echo "setup: Rust is missing: install it with rustup (https://rustup.rs), then run this again." >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must be exactly the version Cargo.lock resolves, and
# Trunk.toml must pin the same, or trunk would try to download another.
WB="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
grep -q "^wasm_bindgen = \"$WB\"" Trunk.toml || { echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$WB\" (the version in Cargo.lock)." >&2; exit 1; }
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB" ]; then
  say "installing wasm-bindgen-cli $WB"
  # Not --locked: its lockfile wants a webpki-roots version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WB" --force
fi

if ! command -v npm >/dev/null; then
  say "installing Node.js and npm"
  apt_install nodejs npm || { echo "setup: install Node.js and npm (Debian packages nodejs npm), then run this again." >&2; exit 1; }
fi
STAMP="node_modules/.innsyn-lock"
if [ ! -f "$STAMP" ] || ! cmp -s package-lock.json "$STAMP"; then
  say "installing node tools (wasm-opt, playwright-core, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$STAMP"
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    apt_install chromium chromium-driver || {
      echo "setup: browser tests need Debian's packages chromium and chromium-driver; install them as root." >&2
      exit 1
    }
  fi
  if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
    say "installing Debian's libreoffice-writer-nogui and poppler-utils (to read the Word reports)"
    apt_install libreoffice-writer-nogui poppler-utils || {
      echo "setup: the report tests need Debian's packages libreoffice-writer-nogui and poppler-utils; install them as root." >&2
      exit 1
    }
  fi
fi
