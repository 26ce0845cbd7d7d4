#!/usr/bin/env bash
# A domain team's own repository, checked end to end (docs/new-data-product.md): install the platform's artifacts,
# generate a product from the installed archetype into a temporary folder outside this repository, build it with
# plain Maven against the installed artifacts and run its generated unit and real-broker tests, then run its jar
# against `./mesh up` and see /ready answer and its output records counted.
#
# The platform is installed into a local repository of this run's own, backed read-only by ~/.m2/repository
# (Maven 3.9's maven.repo.local.tail): the third-party artifacts come from the usual cache, and no 0.1.0-SNAPSHOT jar
# of this run is left in ~/.m2 for a later `-pl` build to pick up by mistake.
# Usage: scripts/smoke-standalone.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
case "$tmp/" in "$root"/*) echo "smoke-standalone: $tmp is inside the repository" >&2; exit 1 ;; esac
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

phase_start=$(date +%s)
all_start=$phase_start
phase() {
  local now; now=$(date +%s)
  echo "smoke-standalone: $1 in $(( now - phase_start )) s"
  phase_start=$now
}

version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)"
archetype_plugin="$(sed -n 's:.*<archetype.version>\(.*\)</archetype.version>.*:\1:p' "$root/pom.xml")"
repo=(-Dmaven.repo.local="$tmp/m2" -Dmaven.repo.local.tail="$HOME/.m2/repository")

# Plain Maven: the distribution the wrapper uses (3.9, for maven.repo.local.tail), run from outside the repository.
"$root/mvnw" -q -v >/dev/null
maven_version="$(sed -n 's:^distributionUrl=.*/apache-maven-\([0-9.]*\)-bin.zip$:\1:p' "$root/.mvn/wrapper/maven-wrapper.properties")"
mvn="$(ls -d "$HOME"/.m2/wrapper/dists/apache-maven-"$maven_version"/*/bin/mvn | head -n 1)"
[ -x "$mvn" ] || { echo "smoke-standalone: no Maven $maven_version under ~/.m2/wrapper/dists" >&2; exit 1; }

echo "smoke-standalone: install the platform $version (BOM, archetype, platform modules; sources and javadoc jars)"
# Only what a product's project needs: the data products, the CLI and the benchmarks are not published.
(cd "$root" && "$root/mvnw" -q -B install -Ppublish -Dmaven.test.skip=true "${repo[@]}" \
  -pl meshwork-bom,data-product-archetype,platform-core,platform-core-test,platform-testkit,platform-governance -am)
for jar in platform-core/"$version"/platform-core-"$version"-sources.jar \
           platform-core/"$version"/platform-core-"$version"-javadoc.jar \
           meshwork-bom/"$version"/meshwork-bom-"$version".pom \
           data-product-archetype/"$version"/data-product-archetype-"$version".jar; do
  [ -f "$tmp/m2/io/meshwork/$jar" ] || { echo "smoke-standalone: not installed: $jar" >&2; exit 1; }
done
phase "installed"

"$root/mesh" --version >/dev/null   # builds the mesh if sources changed, outside the timed phases below
phase "mesh built"

echo "smoke-standalone: mvn archetype:generate (demo/gift-cards) in $tmp"
cd "$tmp"
"$mvn" -q -B "${repo[@]}" org.apache.maven.plugins:maven-archetype-plugin:"$archetype_plugin":generate \
  -DarchetypeGroupId=io.meshwork -DarchetypeArtifactId=data-product-archetype -DarchetypeVersion="$version" \
  -DgroupId=com.example.demo -DartifactId=gift-cards -Dversion=0.1.0-SNAPSHOT -Dpackage=com.example.demo.giftcards \
  -Ddomain=demo -Dname=gift-cards
project="$tmp/gift-cards"
if grep -rlF "$root" "$project"; then
  echo "smoke-standalone: the generated project refers to this repository" >&2; exit 1
fi
phase "generated"

echo "smoke-standalone: mesh new --standalone writes the very same project (one template source)"
(cd "$tmp" && "$root/mesh" new demo/gift-cards --standalone "$tmp/from-mesh-new" --group-id com.example.demo >/dev/null)
diff -r "$project" "$tmp/from-mesh-new"
phase "compared"

echo "smoke-standalone: mvn verify in the generated project (unit test, real-broker test, runnable jar)"
(cd "$project" && "$mvn" -q -B "${repo[@]}" verify)
for report in target/surefire-reports/TEST-com.example.demo.giftcards.GiftCardsProductTest.xml \
              target/failsafe-reports/TEST-com.example.demo.giftcards.GiftCardsProductIT.xml; do
  [ -f "$project/$report" ] || { echo "smoke-standalone: the generated test did not run: $report" >&2; exit 1; }
  grep -q 'failures="0"' "$project/$report" && grep -q 'errors="0"' "$project/$report"
done
[ -f "$project/target/gift-cards.jar" ] || { echo "smoke-standalone: no runnable jar target/gift-cards.jar" >&2; exit 1; }
phase "built and tested"

echo "smoke-standalone: ./mesh up, then the product's jar against it"
cd "$root"
./mesh up --fresh --data-dir "$tmp/mesh" --kafka-port 0 --port 18180 --duration PT5M >"$tmp/up.out" 2>&1 &
pids+=($!)
bootstrap=""
for _ in $(seq 1 90); do
  bootstrap="$(sed -n 's/.*"bootstrapServers" : "\([^"]*\)".*/\1/p' "$tmp/mesh/up.json" 2>/dev/null || true)"
  [ -n "$bootstrap" ] && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "smoke-standalone: mesh up exited early"; cat "$tmp/up.out"; exit 1; }
  sleep 2
done
[ -n "$bootstrap" ] || { echo "smoke-standalone: mesh up wrote no bootstrap servers"; cat "$tmp/up.out"; exit 1; }
phase "mesh up on $bootstrap"

port=18290
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$(( port + 1 )); done
cd "$project"
# Its input topic first, with 20 events on it (the traffic class creates it, as the upstream system would have).
KAFKA_BOOTSTRAP_SERVERS="$bootstrap" java -cp target/gift-cards.jar com.example.demo.giftcards.GiftCardsTraffic 20
KAFKA_BOOTSTRAP_SERVERS="$bootstrap" MESHWORK_HTTP_PORT="$port" MESHWORK_STATE_DIR="$tmp/state" \
  java -jar target/gift-cards.jar >"$tmp/product.out" 2>&1 &
pids+=($!)
ready=""
for _ in $(seq 1 180); do
  ready="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready" || true)"
  [ "$ready" = "200" ] && break
  kill -0 "${pids[1]}" 2>/dev/null || { echo "smoke-standalone: the product exited"; cat "$tmp/product.out"; exit 1; }
  sleep 1
done
[ "$ready" = "200" ] || { echo "smoke-standalone: /ready is $ready, not 200"; cat "$tmp/product.out"; exit 1; }
phase "product ready (GET /ready: 200)"

out=0
for _ in $(seq 1 60); do
  out="$(curl -s "http://127.0.0.1:$port/metrics" | awk '/^dataproduct_records_out_total\{/ {print int($2)}' | head -n 1)"
  out="${out:-0}"
  [ "$out" -ge 20 ] && break
  sleep 1
done
[ "$out" -ge 20 ] || { echo "smoke-standalone: $out records out, not 20"; cat "$tmp/product.out"; exit 1; }
phase "20 events in, dataproduct_records_out_total $out"

echo "smoke-standalone: mesh lint on the product's contract, from its own folder"
(cd "$project" && "$root/mesh" lint contracts/)
phase "linted"

echo "smoke-standalone: ok in $(( $(date +%s) - all_start )) s"
