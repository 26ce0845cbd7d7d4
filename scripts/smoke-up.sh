#!/usr/bin/env bash
# The README's quick start, checked: `./mesh up` on a fresh data directory must show records flowing
# (dataproduct_records_out_total rising on the orders query port) within 60 seconds, the portal must list every
# product, then the mesh must stop cleanly.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="$(mktemp -d)"
log="$data/up.out"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

./mesh up --fresh --data-dir "$data/mesh" --kafka-port 0 --port 18080 --duration PT90S >"$log" 2>&1 &
pid=$!

out_total() {
  # The orders product's dataproduct_records_out_total, from whichever query port serves it.
  local url
  for url in $(sed -n 's/.*"url" : "\(http[^"]*\)".*/\1/p' "$data/mesh/up.json" 2>/dev/null); do
    curl -s "$url/metrics" | awk '/^dataproduct_records_out_total\{.*product="orders"/ {print int($2)}'
  done | head -n 1
}

start=$(date +%s)
first=""
while [ $(( $(date +%s) - start )) -lt 60 ]; do
  value="$(out_total)"
  value="${value:-0}"
  if [ -z "$first" ] && [ "$value" -gt 0 ]; then
    first="$value"
  elif [ -n "$first" ] && [ "$value" -gt "$first" ]; then
    echo "smoke-up: records flowing after $(( $(date +%s) - start )) s: dataproduct_records_out_total $first -> $value"
    portal="$(sed -n 's/.*"portalUrl" : "\(http[^"]*\)".*/\1/p' "$data/mesh/up.json")"
    listed="$(curl -s "${portal}api/mesh" | grep -o '"product":"[a-z0-9-]*/[a-z0-9-]*"' | sort -u | wc -l)"
    [ "$listed" -ge 4 ] || { echo "smoke-up: the portal at $portal lists $listed products, not 4"; cat "$log"; exit 1; }
    echo "smoke-up: the portal at $portal lists $listed products"
    kill -TERM "$pid"
    wait "$pid" || true
    grep -q "Stopped." "$log" || { echo "smoke-up: mesh did not stop cleanly"; cat "$log"; exit 1; }
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || { echo "smoke-up: mesh up exited early"; cat "$log"; exit 1; }
  sleep 2
done
echo "smoke-up: no records flowing within 60 s"
cat "$log"
exit 1
