#!/usr/bin/env bash
# The README's quick start, checked: `./mesh up` on a fresh data directory, every product an OS process of its own from
# its runnable jar (realtime-revenue twice), must show records flowing (dataproduct_records_out_total rising on the
# orders query port) within 120 seconds of the mesh being up; the portal must list every product; a product's jar copied to an empty
# directory must start against the running mesh and answer /ready; then the mesh must stop cleanly, and its processes
# with it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="$(mktemp -d)"
log="$data/up.out"
standalone_pid=""
cleanup() {
  [ -n "$standalone_pid" ] && kill -9 "$standalone_pid" 2>/dev/null || true
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT
fail() { echo "smoke-up: $*"; cat "$log"; exit 1; }

./mesh up --processes --instances realtime-revenue=2 --fresh --data-dir "$data/mesh" --kafka-port 0 --port 18080 \
  --duration PT180S >"$log" 2>&1 &
pid=$!

manifest() { sed -n "s/.*\"$1\" : \"\([^\"]*\)\".*/\1/p" "$data/mesh/up.json" 2>/dev/null; }

out_total() {
  # The orders product's dataproduct_records_out_total, from whichever query port serves it.
  local url
  for url in $(manifest url); do
    curl -s "$url/metrics" | awk '/^dataproduct_records_out_total\{.*product="orders"/ {print int($2)}'
  done | head -n 1
}

# A product's runnable jar, alone in an empty directory, against the running mesh: its contract comes from inside it.
standalone_ready() {
  local dir="$data/standalone" port=18099 started
  mkdir -p "$dir"
  cp data-products/orders/target/orders.jar "$dir/"
  # exec: $! is the java process itself, so stopping it below stops the product, not just a subshell.
  (cd "$dir" && exec env -u MESHWORK_CONTRACTS_DIR KAFKA_BOOTSTRAP_SERVERS="$(manifest bootstrapServers)" \
     MESHWORK_HTTP_PORT=$port MESHWORK_STATE_DIR="$dir/state" java -jar orders.jar >"$dir/orders.log" 2>&1) &
  standalone_pid=$!
  started=$(date +%s)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready")" = "200" ]; do
    kill -0 "$standalone_pid" 2>/dev/null || { cat "$dir/orders.log"; fail "java -jar orders.jar from an empty directory exited"; }
    [ $(( $(date +%s) - started )) -lt 120 ] || { cat "$dir/orders.log"; fail "java -jar orders.jar not ready within 120 s"; }
    sleep 1
  done
  echo "smoke-up: java -jar orders.jar from an empty directory answered /ready after $(( $(date +%s) - started )) s"
  kill -TERM "$standalone_pid"
  wait "$standalone_pid" 2>/dev/null || true
  ! kill -0 "$standalone_pid" 2>/dev/null || fail "java -jar orders.jar still runs after SIGTERM"
  standalone_pid=""
}

# The launcher builds first when sources changed; up.json appears once every product answers /ready.
start=$(date +%s)
until [ -f "$data/mesh/up.json" ]; do
  kill -0 "$pid" 2>/dev/null || fail "mesh up exited early"
  [ $(( $(date +%s) - start )) -lt 600 ] || fail "the mesh was not up within 600 s"
  sleep 2
done
echo "smoke-up: the mesh was up after $(( $(date +%s) - start )) s"
start=$(date +%s)
first=""
while [ $(( $(date +%s) - start )) -lt 120 ]; do
  value="$(out_total)"
  value="${value:-0}"
  if [ -z "$first" ] && [ "$value" -gt 0 ]; then
    first="$value"
  elif [ -n "$first" ] && [ "$value" -gt "$first" ]; then
    echo "smoke-up: records flowing after $(( $(date +%s) - start )) s: dataproduct_records_out_total $first -> $value"
    instances="$(manifest url | sort -u | wc -l)"
    [ "$instances" -eq 5 ] || fail "up.json lists $instances query ports, not 5 (4 products, realtime-revenue twice)"
    portal="$(manifest portalUrl)"
    listed="$(curl -s "${portal}api/mesh" | grep -o '"product":"[a-z0-9-]*/[a-z0-9-]*"' | sort -u | wc -l)"
    [ "$listed" -ge 4 ] || fail "the portal at $portal lists $listed products, not 4"
    echo "smoke-up: the portal at $portal lists $listed products; $instances product processes"
    standalone_ready
    kill -TERM "$pid"
    wait "$pid" || true
    grep -q "Stopped." "$log" || fail "mesh did not stop cleanly"
    leftovers="$(pgrep -f "$root/data-products/.*/target/.*\.jar" || true)"
    [ -z "$leftovers" ] || fail "product processes still running after the mesh stopped: $leftovers"
    echo "smoke-up: the mesh and its product processes stopped cleanly"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || fail "mesh up exited early"
  sleep 2
done
fail "no records flowing within 120 s"
