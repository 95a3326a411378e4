#!/usr/bin/env bash
# Mutation testing of the statistics core: do the tests fail when the code
# computing a figure is wrong?
#
#   scripts/mutants.sh [MODULE…]    (default: every module below)
#
# Installs the pinned cargo-mutants (crates.io), which changes the code one
# small step at a time (an operator, a guard, a returned value, a struct
# field left out) and runs innsyn-core's tests of the statistics core on
# each change; prints per module the mutants caught, missed, unviable (do
# not compile) and timed out, and where the missed ones are. Equivalent
# mutants — a change that cannot alter any result — are excluded in
# .cargo/mutants.toml, each with one line saying why. Not in CI: it takes
# minutes per module (scripts/test.sh runs the tests themselves).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VERSION=27.0.0
if [ "$(cargo mutants --version 2>/dev/null || true)" != "cargo-mutants $VERSION" ]; then
  echo "mutants: installing cargo-mutants $VERSION (about 2 minutes)"
  cargo install cargo-mutants --version "$VERSION" --locked
fi

C=crates/innsyn-core/src
declare -A FILES=(
  [aggregate]="$C/aggregate.rs"
  [rate]="$C/define/rate.rs"
  [derive]="$C/define/derive.rs"
  [present]="$C/present.rs $C/present/series.rs $C/present/compare.rs"
  [cooperation]="$C/cooperation.rs $C/present/print.rs"
  [export]="$C/export/mod.rs $C/export/long.rs"
  [costs]="$C/prices.rs $C/present/start.rs $C/present/gross.rs $C/events.rs"
)
ORDER=(aggregate rate derive present cooperation export costs)
# The tests of the statistics core: the unit tests, the figures against
# SSB's and the CSVs (bundled_catalog, hedmark_2018, demo_data,
# present_views, define_ssb) and the property tests. The readers' own
# suites (hostile, jsonstat_corpus, …) test other code.
TESTS=(--lib --test=bundled_catalog --test=demo_data --test=hedmark_2018 --test=present_views --test=define_ssb --test=properties)
TEST_ARGS=()
for t in "${TESTS[@]}"; do TEST_ARGS+=("--cargo-test-arg=$t"); done

modules=("$@")
[ ${#modules[@]} -eq 0 ] && modules=("${ORDER[@]}")
for m in "${modules[@]}"; do
  [ -n "${FILES[$m]:-}" ] || { echo "mutants: no module «$m» (${ORDER[*]})" >&2; exit 2; }
done

count() { if [ -f "$1" ]; then grep -c . "$1" || true; else echo 0; fi; }
mkdir -p target/mutants
start=$(date +%s)
printf '%-12s %7s %7s %9s %8s %8s\n' module caught missed unviable timeout caught%
for m in "${modules[@]}"; do
  args=()
  for f in ${FILES[$m]}; do args+=(-f "$f"); done
  out="target/mutants/$m"
  t0=$(date +%s)
  cargo mutants -p innsyn-core "${args[@]}" -j 2 --no-shuffle "${TEST_ARGS[@]}" -o "$out" >"$out.log" 2>&1 || true
  d="$out/mutants.out"
  caught=$(count "$d/caught.txt"); missed=$(count "$d/missed.txt")
  unviable=$(count "$d/unviable.txt"); timeout=$(count "$d/timeout.txt")
  viable=$((caught + missed + timeout))
  pct=$(awk -v c="$caught" -v v="$viable" 'BEGIN { if (v > 0) printf "%.1f", 100 * c / v; else print "-" }')
  printf '%-12s %7s %7s %9s %8s %8s   (%ss)\n' "$m" "$caught" "$missed" "$unviable" "$timeout" "$pct" "$(( $(date +%s) - t0 ))"
  if [ "$missed" -gt 0 ]; then sed 's/^/    missed: /' "$d/missed.txt"; fi
done
echo "mutants: $(( $(date +%s) - start )) s in all; details in target/mutants/MODULE/mutants.out"
