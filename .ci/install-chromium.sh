#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the headless browser tests when they are missing.
# Idempotent; fails loudly (non-zero exit) when it cannot install, so browser tests never silently skip.
set -euo pipefail
if [ -x /usr/bin/chromedriver ] && { [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ]; }; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y chromium chromium-driver
[ -x /usr/bin/chromedriver ] || { echo "chromium-driver did not install /usr/bin/chromedriver" >&2; exit 1; }
