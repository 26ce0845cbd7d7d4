#!/usr/bin/env bash
# `mesh new`, checked end to end: in a fresh clone of this repository, scaffold demo/widgets, lint every contract,
# then build the new module and run its generated unit test and real-broker integration test.
# Usage: scripts/smoke-new.sh [--working-tree]
#   --working-tree   also carry this working tree's uncommitted changes into the clone (check before committing)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
start=$(date +%s)

git clone -q "$root" "$tmp"
if [ "${1:-}" = "--working-tree" ]; then
  git -C "$root" diff HEAD --binary | git -C "$tmp" apply --allow-empty
  git -C "$root" ls-files -z --others --exclude-standard | (cd "$root" && tar --null -T - -cf -) | tar -xf - -C "$tmp"
fi
cd "$tmp"

echo "smoke-new: ./mesh new demo/widgets"
./mesh new demo/widgets

echo "smoke-new: ./mesh lint contracts/"
./mesh lint contracts/

echo "smoke-new: build data-products/widgets and run its generated tests"
# Only the generated tests: the platform modules it depends on are built, their own suites run in ./mesh test.
./mvnw -q -B -pl data-products/widgets -am verify \
  -Dtest='WidgetsProduct*Test' -Dit.test='WidgetsProductIT' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
for report in data-products/widgets/target/surefire-reports/TEST-io.meshwork.products.widgets.WidgetsProductTest.xml \
              data-products/widgets/target/failsafe-reports/TEST-io.meshwork.products.widgets.WidgetsProductIT.xml; do
  [ -f "$report" ] || { echo "smoke-new: the generated test did not run: $report" >&2; exit 1; }
done

echo "smoke-new: ok in $(( $(date +%s) - start )) s"
