#!/usr/bin/env bash
# Installs headless Chromium and its WebDriver from Debian's packages, for tests that open generated HTML
# (the backtest report, the console). Idempotent: does nothing when both are already installed.
# Needs root (CI and the project's machines run as root); prints where the binaries are.
set -euo pipefail
have() { command -v "$1" >/dev/null 2>&1; }
if have chromium && have chromedriver; then
  echo "chromium: $(command -v chromium); chromedriver: $(command -v chromedriver)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium.sh: chromium is missing and installing it needs root (apt-get install chromium chromium-driver)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium chromium-driver
echo "chromium: $(command -v chromium); chromedriver: $(command -v chromedriver)"
