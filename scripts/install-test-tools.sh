#!/usr/bin/env bash
# Installs the tools the tests and CI checks run besides the JVM, from Debian's packages:
#   prometheus      a real Prometheus server (ProductObservabilityIT scrapes a running product) and promtool
#                   (the generated alert rules are checked and unit-tested with it)
#   docker-compose  only to check docker-compose.yml's syntax (`docker-compose config`); no Docker engine needed
#   chromium, chromium-driver
#                   headless Chromium and its WebDriver: PortalBrowserIT drives the portal in a real browser
# With --bench, instead, what the end-to-end benchmark (docs/benchmarks.md) runs besides the JVM:
#   wrk             the HTTP load generator of its query-port phase (benchmarks are not run in CI)
# Idempotent: installs only what is missing. Uses sudo only when not root.
set -euo pipefail

if [[ "${1:-}" == "--bench" ]]; then
  declare -A wanted=([wrk]=/usr/bin/wrk)
else
  declare -A wanted=([prometheus]=/usr/bin/prometheus [docker-compose]=/usr/bin/docker-compose
                     [chromium]=/usr/bin/chromium [chromium-driver]=/usr/bin/chromedriver)
fi

missing=()
for package in "${!wanted[@]}"; do
  [[ -x "${wanted[$package]}" ]] || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-test-tools: all present (${wanted[*]})"
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-test-tools: missing ${missing[*]}, and this user is not root and has no sudo;" >&2
  echo "install-test-tools: install the Debian package(s) ${missing[*]} (apt-get install -y ${missing[*]}) and re-run." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-tools: missing ${missing[*]} and apt-get is not available; install them, then re-run." >&2
  exit 1
fi

echo "install-test-tools: installing Debian package(s) ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Services are not started here: tests run their own Prometheus on a loopback port.
if ! "${as_root[@]}" apt-get update || ! "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; then
  echo "install-test-tools: apt-get could not install ${missing[*]}; see the output above." >&2
  exit 1
fi
for package in "${missing[@]}"; do
  if [[ ! -x "${wanted[$package]}" ]]; then
    echo "install-test-tools: $package installed but ${wanted[$package]} is still missing." >&2
    exit 1
  fi
done
echo "install-test-tools: installed ${missing[*]}"
