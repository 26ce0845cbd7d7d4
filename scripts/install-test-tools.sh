#!/usr/bin/env bash
# Installs the tools the test suite runs besides the JVM: a real Prometheus server (Debian package
# `prometheus`), which PrometheusScrapeIT starts to scrape a running product. Idempotent: does nothing
# when /usr/bin/prometheus is already there. Uses sudo only when not root.
set -euo pipefail

PROMETHEUS=/usr/bin/prometheus

if [[ -x "$PROMETHEUS" ]]; then
  echo "install-test-tools: prometheus already installed ($("$PROMETHEUS" --version 2>&1 | head -n 1))"
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-test-tools: $PROMETHEUS is missing and this user is not root and has no sudo;" >&2
  echo "install-test-tools: install the Debian package 'prometheus' (apt-get install -y prometheus) and re-run." >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-tools: $PROMETHEUS is missing and apt-get is not available;" >&2
  echo "install-test-tools: install Prometheus so that $PROMETHEUS exists, then re-run." >&2
  exit 1
fi

echo "install-test-tools: installing Debian package prometheus"
export DEBIAN_FRONTEND=noninteractive
# The package's service is not started here: tests run their own server on a loopback port.
if ! "${as_root[@]}" apt-get update || ! "${as_root[@]}" apt-get install -y prometheus; then
  echo "install-test-tools: apt-get could not install prometheus; see the output above." >&2
  exit 1
fi

if [[ ! -x "$PROMETHEUS" ]]; then
  echo "install-test-tools: the prometheus package installed but $PROMETHEUS is still missing." >&2
  exit 1
fi
echo "install-test-tools: installed $("$PROMETHEUS" --version 2>&1 | head -n 1)"
