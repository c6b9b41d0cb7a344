#!/usr/bin/env bash
# Installs Debian's Chromium for the UI browser test (Playwright drives /usr/bin/chromium;
# it never downloads a browser of its own). Idempotent; needs root and Debian's package mirror.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
